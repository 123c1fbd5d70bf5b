package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.OwnerRecord;
import org.smartproperty.estate.sync.ProjectRecord;
import org.smartproperty.estate.sync.RealEstateSource;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The sync contract on PostgreSQL: new houses, owners and links go by COPY. */
class RealEstateSyncPostgresTest extends RealEstateSyncContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    boolean copies() {
        return true;
    }

    /**
     * Another transaction stores the same owner while the sync's COPY runs: the COPY fails on the
     * owners' unique key, the page is rolled back and replayed record by record on the same
     * connection, and the house lands linked to the owner the other transaction stored.
     */
    @Test
    @Order(20)
    void aCopyRefusedBecauseAnotherTransactionStoredTheSameOwnerIsReplayedAndTheHouseLinksToThatOwner_INT_RE_ID_1() throws Exception {
        Instant at = Instant.parse("2031-01-01T00:00:00Z");
        String project = "HQ-RACE-001";
        String number = "110101198506121234";
        ProjectRecord p = new ProjectRecord(project, "横琴并发花园", "横琴新区并发路1号", "小横琴社区", "440402104", 113.5, 22.1, null, at);
        BuildingRecord b = new BuildingRecord(project, "1栋", "1号楼", 18, 2, List.of("1单元"), at.plusMillis(1));
        HouseRecord h = new HouseRecord("440402104090GB99998F00010001", project, "1栋", "1单元", 1, "101", "RESIDENTIAL",
                new BigDecimal("90.00"), null, "SOLD", List.of(new OwnerRecord("CN_RESIDENT_ID", number, "李芳", "13900000008", null)),
                at.plusMillis(2));
        RealEstateSource one = (since, cursor) -> new Batch(List.of(p), List.of(b), List.of(h), List.of(), null);
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO est_owner (id, name, id_type, id_number, phone, version, created_at, "
                    + "created_by, updated_at, updated_by) VALUES (999999999, '李芳', 'CN_RESIDENT_ID', ?, NULL, 1, now(), 'other', now(), 'other')")) {
                ps.setString(1, number);
                ps.executeUpdate();
            }
            RealEstateSyncImpl s = new RealEstateSyncImpl(db.dataSource(), audit, one);
            SyncRun started = s.start("sync-test");
            // the sync's COPY into est_owner waits for the other transaction's uncommitted owner
            Instant deadline = Instant.now().plusSeconds(30);
            while (count("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'COPY est_owner%' AND wait_event_type = 'Lock'") == 0) {
                assertTrue(Instant.now().isBefore(deadline), "the sync's COPY never waited for the other transaction");
                Thread.onSpinWait();
            }
            other.commit();
            while (SyncRun.RUNNING.equals(s.find(started.id()).status())) {
                assertTrue(Instant.now().isBefore(deadline.plusSeconds(30)), "the run did not end");
                Thread.onSpinWait();
            }
            SyncRun run = s.find(started.id());
            assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
            assertEquals(3, run.created(), run.errors());
            assertEquals(0, run.skipped(), run.errors());
            s.deactivate();
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT o.id, o.phone FROM est_house h JOIN est_house_owner ho ON ho.house_id = h.id "
                     + "JOIN est_owner o ON o.id = ho.owner_id WHERE h.unit_code = '440402104090GB99998F00010001'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the house is linked to its owner");
            assertEquals(999999999L, rs.getLong(1), "the owner the other transaction stored, not a second one");
            assertEquals("13900000008", rs.getString(2), "its phone updated from the record");
        }
        assertEquals(1, count("SELECT COUNT(*) FROM est_owner WHERE id_number = ?", number));
    }

    static RealEstateSyncImpl pipelined(RealEstateSyncImpl s) {
        s.pipelined = true;
        return s;
    }

    /** Three pages of one project each (one building, two houses); house {@code k} of project {@code n} owned by a shared owner when {@code shared}. */
    private static Batch page(int n, Instant at, String next, String owner) {
        String project = "HQ-PIPE-00" + n;
        ProjectRecord p = new ProjectRecord(project, "横琴流水花园" + n, "横琴新区流水路" + n + "号", "小横琴社区", "440402104", 113.5, 22.1, null, at);
        BuildingRecord b = new BuildingRecord(project, "1栋", "1号楼", 18, 2, List.of("1单元"), at.plusMillis(1));
        List<OwnerRecord> owners = owner == null ? List.of() : List.of(new OwnerRecord("CN_RESIDENT_ID", owner, "王静", "13900000009", null));
        HouseRecord h1 = new HouseRecord("440402104090GB9999" + n + "F00010001", project, "1栋", "1单元", 1, "101", "RESIDENTIAL",
                new BigDecimal("90.00"), null, owner == null ? "UNSOLD" : "SOLD", owners, at.plusMillis(2));
        HouseRecord h2 = new HouseRecord("440402104090GB9999" + n + "F00010002", project, "1栋", "1单元", 1, "102", "RESIDENTIAL",
                new BigDecimal("91.00"), null, owner == null ? "UNSOLD" : "SOLD", owners, at.plusMillis(3));
        return new Batch(List.of(p), List.of(b), List.of(h1, h2), List.of(), next);
    }

    /**
     * Issue 19 item 4, the pipelined writer's failure path: the writer fails on page 2 of 3 (here the
     * audit trail throws inside the page's transaction). The run stops and is recorded FAILED with
     * its cause and up_to unchanged; page 1 stays committed, page 2 is rolled back as a whole and
     * page 3, although already prepared, is never written.
     */
    @Test
    @Order(21)
    void aPageFailingInThePipelinedWriterStopsTheRunPageOneStaysAndNoLaterPageIsWritten_issue19_item4() throws Exception {
        Instant at = Instant.parse("2032-01-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        RealEstateSource three = (since, cursor) -> {
            asked.incrementAndGet();
            int n = cursor == null ? 1 : Integer.parseInt(cursor);
            return page(n + 4, at.plusSeconds(n), n < 3 ? String.valueOf(n + 1) : null, null);
        };
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        org.smartproperty.platform.security.AuditTrail failing = new org.smartproperty.platform.security.AuditTrail() {
            @Override
            public void append(Connection sameTransaction, org.smartproperty.platform.security.AuditEvent event) {
                if (pages.incrementAndGet() == 2) {
                    throw new IllegalStateException("audit trail unavailable");
                }
            }

            @Override
            public void append(org.smartproperty.platform.security.AuditEvent event) {
            }
        };
        RealEstateSyncImpl s = new RealEstateSyncImpl(db.dataSource(), failing, three);
        s.pipelined = true;
        SyncRun run = s.run("sync-test");
        assertEquals(SyncRun.FAILED, run.status(), run.errors());
        assertTrue(run.errors().startsWith("run failed: audit trail unavailable"), run.errors());
        assertEquals(run.since(), run.upTo(), "up_to unchanged: the next run reads the same changes again");
        assertEquals(3, asked.get(), "page 3 was fetched while page 2 was handed to the writer");
        assertEquals(1, count("SELECT COUNT(*) FROM est_estate WHERE project_code = 'HQ-PIPE-005'"), "page 1 committed");
        assertEquals(2, count("SELECT COUNT(*) FROM est_house WHERE unit_code LIKE '440402104090GB99995%'"));
        assertEquals(0, count("SELECT COUNT(*) FROM est_estate WHERE project_code IN ('HQ-PIPE-006', 'HQ-PIPE-007')"), "page 2 rolled back, page 3 never written");
        assertEquals(0, count("SELECT COUNT(*) FROM est_house WHERE unit_code LIKE '440402104090GB99996%' OR unit_code LIKE '440402104090GB99997%'"));
        assertEquals(0, estatesWithWrongCounts());
        // the next run, with a working audit trail, reads the same changes again and writes pages 2 and 3
        SyncRun again = pipelined(new RealEstateSyncImpl(db.dataSource(), audit, three)).run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, again.status(), again.errors());
        assertEquals(2, count("SELECT COUNT(*) FROM est_estate WHERE project_code IN ('HQ-PIPE-006', 'HQ-PIPE-007')"));
        assertEquals(0, estatesWithWrongCounts());
    }

    /**
     * Issue 19 item 4: pages decided ahead of the writer see what the pages before them write. One
     * owner on every page (stored once, linked four times), a house of page 1 sent again on page 2
     * with another area (updated in place, not inserted twice), and the result identical to a run
     * one page at a time.
     */
    @Test
    @Order(22)
    void pagesPreparedAheadOfTheWriterSeeWhatThePagesBeforeThemWrite_issue19_item4() throws Exception {
        Instant at = Instant.parse("2033-01-01T00:00:00Z");
        String owner = "110101198001010010";
        RealEstateSource pages = (since, cursor) -> {
            int n = cursor == null ? 1 : Integer.parseInt(cursor);
            Batch b = page(n, at.plusSeconds(n), n < 3 ? String.valueOf(n + 1) : null, owner);
            if (n == 2) { // house 1 of page 1 again, measured now
                HouseRecord again = new HouseRecord("440402104090GB99991F00010001", "HQ-PIPE-001", "1栋", "1单元", 1, "101", "RESIDENTIAL",
                        new BigDecimal("90.00"), new BigDecimal("89.40"), "SOLD",
                        List.of(new OwnerRecord("CN_RESIDENT_ID", owner, "王静", "13900000009", null)), at.plusSeconds(n).plusMillis(4));
                List<HouseRecord> houses = new java.util.ArrayList<>(b.houses());
                houses.add(again);
                b = new Batch(b.projects(), b.buildings(), houses, b.malformed(), b.nextCursor());
            }
            return b;
        };
        SyncRun run = pipelined(new RealEstateSyncImpl(db.dataSource(), audit, pages)).run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, run.status(), run.errors());
        assertEquals(3 + 3 + 6, run.created(), run.errors()); // projects, buildings, houses
        assertEquals(1, run.updated(), run.errors());
        assertEquals(1, count("SELECT COUNT(*) FROM est_owner WHERE id_number = ?", owner), "one owner, stored once");
        assertEquals(6, count("SELECT COUNT(*) FROM est_house_owner ho JOIN est_owner o ON o.id = ho.owner_id WHERE o.id_number = ?", owner));
        assertEquals(1, count("SELECT COUNT(*) FROM est_house WHERE unit_code = '440402104090GB99991F00010001' AND measured_area = 89.40 AND version = 2"));
        assertEquals(6, count("SELECT COUNT(*) FROM est_house h JOIN est_estate e ON e.id = h.estate_id WHERE e.project_code LIKE 'HQ-PIPE-00_'"
                + " AND e.project_code <= 'HQ-PIPE-003'"));
        assertEquals(0, estatesWithWrongCounts());
        SyncRun second = pipelined(new RealEstateSyncImpl(db.dataSource(), audit, pages)).run("sync-test");
        assertEquals(SyncRun.SUCCEEDED, second.status(), second.errors());
        assertEquals(0, second.created(), "the same pages again: nothing inserted twice");
        assertEquals(2, second.updated(), "only the house page 1 states unmeasured and page 2 measured, back and forth");
        assertEquals(1, count("SELECT COUNT(*) FROM est_owner WHERE id_number = ?", owner));
        assertEquals(6, count("SELECT COUNT(*) FROM est_house_owner ho JOIN est_owner o ON o.id = ho.owner_id WHERE o.id_number = ?", owner));
    }
}
