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
}
