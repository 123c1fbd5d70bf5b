package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.smartproperty.adapter.realestate.internal.RealEstateHttpSource;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.OwnerRecord;
import org.smartproperty.estate.sync.ProjectRecord;
import org.smartproperty.estate.sync.RealEstateSource;
import org.smartproperty.estate.sync.RealEstateSourceException;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.sim.realestate.internal.RealEstateSimulator;

/**
 * INT-RE, SUP-EST-1/2: the sync against the simulator over HTTP (through the real adapter), into a
 * fresh schema: PostgreSQL ({@link RealEstateSyncPostgresTest}, new rows by COPY) and the embedded
 * H2 default ({@link RealEstateSyncEmbeddedTest}, JDBC batches). The methods run in order: each
 * builds on the state the previous left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RealEstateSyncContract {

    TestDatabase db;

    abstract TestDatabase db();

    /** Whether new rows must go by COPY on this database. */
    abstract boolean copies();

    static final int HOUSES = 1440; // two projects

    RealEstateSimulator sim;
    RealEstateHttpSource source;
    RealEstateSyncImpl sync;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the sync's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        db = db();
        db.migrate("db/estate.changelog.xml");
        sim = new RealEstateSimulator(HOUSES).start("127.0.0.1", 0);
        source = new RealEstateHttpSource(new RealEstateHttpSource.Settings(sim.baseUri().toString(), 300,
                Duration.ofSeconds(2), Duration.ofSeconds(30)));
        sync = new RealEstateSyncImpl(db.dataSource(), audit, source);
    }

    @AfterAll
    void tearDown() {
        sim.stop();
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @Order(1)
    void firstRunCreatesEveryWellFormedProjectBuildingAndHouse_INT_RE_SUP_EST_1_SUP_EST_2() throws Exception {
        SyncRun run = sync.run("sync-test");
        int houses = sim.houses();
        int malformed = sim.malformedHouses();
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertEquals(sim.projects() + sim.buildings() + houses, run.read());
        assertEquals(sim.projects() + sim.buildings() + houses - malformed, run.created());
        assertEquals(0, run.updated());
        assertEquals(malformed, run.skipped());
        assertNull(run.since(), "first run is a full one");
        assertNotNull(run.finishedAt());
        assertEquals(sim.projects(), count("SELECT COUNT(*) FROM est_estate WHERE project_code LIKE 'HQ-SYNC-%'"));
        assertEquals(sim.buildings(), count("SELECT COUNT(*) FROM est_building"));
        assertEquals(sim.buildings() * 2L, count("SELECT COUNT(*) FROM est_building_unit"));
        assertEquals(houses - malformed, count("SELECT COUNT(*) FROM est_house"));
        assertTrue(count("SELECT COUNT(*) FROM est_house h WHERE NOT EXISTS (SELECT 1 FROM est_house_owner ho WHERE ho.house_id = h.id) AND h.status = 'SOLD'") == 0,
                "every sold house has its owners");
        assertTrue(audited.stream().anyMatch(e -> e.action().equals("estate.sync")), "sync writes are audited");
        // the JPA service sees the synced data (ids from the same sequence blocks)
        EstateServiceImpl estates = new EstateServiceImpl(db.jpa("estate"), audit);
        assertEquals(sim.projects(), estates.list(org.smartproperty.platform.security.DataScope.ALL, null,
                org.smartproperty.platform.PageRequest.of(0, 20)).total());
    }

    @Test
    @Order(2)
    void secondRunWithoutChangesCreatesAndUpdatesNothing_INT_RE() throws Exception {
        long houses = count("SELECT COUNT(*) FROM est_house");
        long versions = count("SELECT SUM(version) FROM est_house");
        SyncRun run = sync.run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertNotNull(run.since(), "incremental from the last successful run");
        assertEquals(0, run.read());
        assertEquals(0, run.created());
        assertEquals(0, run.updated());
        assertEquals(0, run.skipped());
        assertEquals(houses, count("SELECT COUNT(*) FROM est_house"));
        assertEquals(versions, count("SELECT SUM(version) FROM est_house"));
    }

    @Test
    @Order(3)
    void touchingTenHousesUpdatesExactlyThoseTenInPlace_INT_RE_SUP_EST_2() throws Exception {
        List<String> touched = sim.touch(10);
        assertEquals(10, touched.size());
        BigDecimal before = area(touched.get(0));
        long houses = count("SELECT COUNT(*) FROM est_house");
        SyncRun run = sync.run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertEquals(10, run.read());
        assertEquals(0, run.created());
        assertEquals(10, run.updated());
        assertEquals(houses, count("SELECT COUNT(*) FROM est_house"), "updated in place, nothing added");
        assertEquals(new BigDecimal("0.01"), area(touched.get(0)).subtract(before));
        assertEquals(2, count("SELECT version FROM est_house WHERE unit_code = ?", touched.get(0)));
        SyncRun again = sync.run("sync-test");
        assertEquals(0, again.read() + again.created() + again.updated());
    }

    BigDecimal area(String unitCode) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT measured_area FROM est_house WHERE unit_code = ?")) {
            ps.setString(1, unitCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    @Test
    @Order(4)
    void malformedRecordsAreSkippedCountedAndReportedWithoutAbortingTheRun_INT_RE() {
        SyncRun first = sync.runs(50).stream().filter(r -> r.since() == null).findFirst().orElseThrow();
        String errors = first.errors();
        assertNotNull(errors);
        assertTrue(errors.contains("not JSON"), errors);
        assertTrue(errors.contains("floor missing"), errors);
        assertTrue(errors.contains("unitCode"), errors);
        assertTrue(errors.contains("idNumber"), errors);
        assertEquals(SyncRun.SUCCEEDED, first.status());
    }

    @Test
    @Order(5)
    void aHouseWhoseOwnerIsInvalidIsNotHalfImported_SUP_EST_2_ID_1() throws Exception {
        // house 13 + 97*3 = 304 is the first one the simulator sends with an owner's wrong check digit
        int g = 13 + 97 * 3;
        String code = String.format("440402104090GB%05dF%04d%04d", g / 720 + 1, (g / 72) % 10 + 1, g % 72 + 1);
        assertEquals(0, count("SELECT COUNT(*) FROM est_house WHERE unit_code = ?", code));
        assertTrue(sync.runs(50).stream().anyMatch(r -> r.errors() != null && r.errors().contains("house " + code + ": owners[0].idNumber")));
        // its neighbour is there with its owner
        String next = code.substring(0, 24) + String.format("%04d", Integer.parseInt(code.substring(24)) + 1);
        assertEquals(1, count("SELECT COUNT(*) FROM est_house h JOIN est_house_owner ho ON ho.house_id = h.id WHERE h.unit_code = ?", next));
    }

    @Test
    @Order(6)
    void aSecondRunWhileOneRunsIsRefusedWith409AndTheRunIsRecorded_INT_RE() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RealEstateSource slow = (since, cursor) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Batch(List.of(), List.of(), List.of(), List.of(), null);
        };
        RealEstateSyncImpl s = new RealEstateSyncImpl(db.dataSource(), audit, slow);
        SyncRun started = s.start("sync-test");
        assertEquals(SyncRun.RUNNING, started.status());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        ApiException e = assertThrows(ApiException.class, () -> s.run("sync-test"));
        assertEquals(409, e.status());
        release.countDown();
        Instant deadline = Instant.now().plusSeconds(10);
        while (!SyncRun.SUCCEEDED.equals(s.find(started.id()).status()) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertEquals(SyncRun.SUCCEEDED, s.find(started.id()).status());
        s.deactivate();
    }

    @Test
    @Order(7)
    void anUnreachableSystemFailsTheRunWithAClearErrorAndNothingChanges_INT_RE() throws Exception {
        long houses = count("SELECT COUNT(*) FROM est_house");
        RealEstateHttpSource dead = new RealEstateHttpSource(new RealEstateHttpSource.Settings("http://127.0.0.1:1", 100,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(RealEstateSourceException.class, () -> dead.changes(null, null));
        SyncRun run = new RealEstateSyncImpl(db.dataSource(), audit, dead).run("sync-test");
        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.errors().contains("unreachable"), run.errors());
        assertEquals(houses, count("SELECT COUNT(*) FROM est_house"));
        // a failed run does not move the incremental mark: the next good run still reads nothing new
        SyncRun next = sync.run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, next.status());
        assertEquals(0, next.read());
    }
    @Test
    @Order(8)
    void newRowsGoByCopyOnPostgreSqlAndByJdbcBatchesOnTheEmbeddedDatabase_INT_RE() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(copies(), new SyncJdbc.Ids(c).copy);
        }
    }

    /**
     * A page the database refuses (a building name longer than its column) is rolled back and
     * replayed record by record: the bad building is skipped and reported, the rest of the page,
     * houses with their owners included, lands; a house of the refused building is not half-imported.
     */
    @Test
    @Order(9)
    void aPageTheDatabaseRefusesIsReplayedRecordByRecordAndOnlyTheBadRecordIsSkipped_INT_RE_SUP_EST_2() throws Exception {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        String project = "HQ-REPLAY-001";
        ProjectRecord p = new ProjectRecord(project, "横琴回放花园", "横琴新区回放路1号", "小横琴社区", "440402104", 113.5, 22.1, null, at);
        BuildingRecord good = new BuildingRecord(project, "1栋", "1号楼", 18, 2, List.of("1单元"), at.plusMillis(1));
        BuildingRecord bad = new BuildingRecord(project, "2栋", "楼".repeat(150), 18, 2, List.of("1单元"), at.plusMillis(2));
        String owner = "110101199003074514";
        HouseRecord h1 = new HouseRecord("440402104090GB99999F00010001", project, "1栋", "1单元", 1, "101", "RESIDENTIAL",
                new BigDecimal("88.50"), new BigDecimal("88.13"), "SOLD", List.of(new OwnerRecord("CN_RESIDENT_ID", owner, "陈伟", "13900000007", null)),
                at.plusMillis(3));
        HouseRecord h2 = new HouseRecord("440402104090GB99999F00010002", project, "1栋", "1单元", 1, "102", "RESIDENTIAL",
                new BigDecimal("88.50"), null, null, List.of(new OwnerRecord("CN_RESIDENT_ID", owner, "陈伟", "13900000007", new BigDecimal("50"))),
                at.plusMillis(4));
        HouseRecord inBad = new HouseRecord("440402104090GB99999F00020001", project, "2栋", "1单元", 1, "101", "RESIDENTIAL",
                null, null, "UNSOLD", List.of(), at.plusMillis(5));
        RealEstateSource one = (since, cursor) -> new Batch(List.of(p), List.of(good, bad), List.of(h1, h2, inBad), List.of(), null);
        SyncRun run = new RealEstateSyncImpl(db.dataSource(), audit, one).run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertEquals(6, run.read());
        assertEquals(4, run.created(), run.errors()); // project, good building, two houses
        assertEquals(2, run.skipped(), run.errors()); // the refused building, the house in it
        assertTrue(run.errors().contains("building " + project + "/2栋"), run.errors());
        assertTrue(run.errors().contains("house 440402104090GB99999F00020001"), run.errors());
        assertEquals(1, count("SELECT COUNT(*) FROM est_building b JOIN est_estate e ON e.id = b.estate_id WHERE e.project_code = ?", project));
        assertEquals(2, count("SELECT COUNT(*) FROM est_house h JOIN est_house_owner ho ON ho.house_id = h.id JOIN est_owner o ON o.id = ho.owner_id "
                + "WHERE h.unit_code LIKE '440402104090GB99999%' AND o.id_number = ?", owner));
        assertEquals(1, count("SELECT COUNT(*) FROM est_owner WHERE id_number = ?", owner), "one owner shared by both houses");
        assertEquals(0, count("SELECT COUNT(*) FROM est_house WHERE unit_code = '440402104090GB99999F00020001'"));
        assertEquals("SOLD", text("SELECT status FROM est_house WHERE unit_code = '440402104090GB99999F00010002'"), "status derived from the owners");
    }

    /** No estate whose stored counts differ from its rows. */
    long estatesWithWrongCounts() throws Exception {
        return count("SELECT COUNT(*) FROM est_estate e WHERE e.building_count <> (SELECT COUNT(*) FROM est_building b WHERE b.estate_id = e.id)"
                + " OR e.house_count <> (SELECT COUNT(*) FROM est_house h WHERE h.estate_id = e.id)");
    }

    @Test
    @Order(10)
    void theStoredCountsFollowEverySyncAndAHouseMovedToAnotherEstateLeavesItsOldCount_issue11_item4() throws Exception {
        assertEquals(0, estatesWithWrongCounts(), "after the runs above");
        Instant at = Instant.parse("2030-01-02T00:00:00Z");
        String from = "HQ-REPLAY-001";
        String to = "HQ-MOVE-001";
        ProjectRecord p = new ProjectRecord(to, "横琴迁移花园", "横琴新区迁移路1号", "小横琴社区", "440402104", 113.5, 22.1, null, at);
        BuildingRecord b = new BuildingRecord(to, "1栋", "1号楼", 18, 2, List.of("1单元"), at.plusMillis(1));
        HouseRecord moved = new HouseRecord("440402104090GB99999F00010002", to, "1栋", "1单元", 1, "102", "RESIDENTIAL",
                new BigDecimal("88.50"), null, "UNSOLD", List.of(), at.plusMillis(2));
        long before = count("SELECT house_count FROM est_estate WHERE project_code = ?", from);
        RealEstateSource one = (since, cursor) -> new Batch(List.of(p), List.of(b), List.of(moved), List.of(), null);
        SyncRun run = new RealEstateSyncImpl(db.dataSource(), audit, one).run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertEquals(1, count("SELECT COUNT(*) FROM est_house h JOIN est_estate e ON e.id = h.estate_id WHERE e.project_code = ?", to), "moved");
        assertEquals(before - 1, count("SELECT house_count FROM est_estate WHERE project_code = ?", from));
        assertEquals(1, count("SELECT house_count FROM est_estate WHERE project_code = ?", to));
        assertEquals(1, count("SELECT building_count FROM est_estate WHERE project_code = ?", to));
        assertEquals(0, estatesWithWrongCounts());
        EstateServiceImpl estates = new EstateServiceImpl(db.jpa("estate"), audit);
        long id = count("SELECT id FROM est_estate WHERE project_code = ?", to);
        assertEquals(1, estates.get(org.smartproperty.platform.security.DataScope.ALL, id).houseCount(), "the service reads the stored count");
    }

    String text(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
