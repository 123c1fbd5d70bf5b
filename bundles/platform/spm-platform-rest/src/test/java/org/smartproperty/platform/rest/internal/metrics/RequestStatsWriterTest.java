package org.smartproperty.platform.rest.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-6: the per-minute flush into plt_request_stats on PostgreSQL: all rows in one transaction, re-flushes add up, failures keep the data. */
class RequestStatsWriterTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @BeforeAll
    static void migrate() throws Exception {
        db.migrate("db/platform-rest.changelog.xml");
    }

    static String row(String node, String group) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT requests, errors_4xx, errors_5xx, latency_sum_ms, latency_counts FROM plt_request_stats"
                     + " WHERE node = '" + node + "' AND endpoint_group = '" + group + "'")) {
            return rs.next() ? rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getString(5) : null;
        }
    }

    @Test
    void flushWritesCompletedMinutesAndAReflushAddsUp_OPS_6() throws Exception {
        RequestMetrics m = new RequestMetrics();
        m.record("estates", 200, 12, T0.plusSeconds(5));
        m.record("estates", 500, 700, T0.plusSeconds(6));
        RequestStatsWriter w = new RequestStatsWriter(db.dataSource(), "node-a");
        w.write(m.drain(T0.plusSeconds(61)));
        assertEquals("2/0/1/712/0,0,1,0,0,0,0,1,0,0,0,0", row("node-a", "estates"));
        assertEquals("0/0/0/0/0,0,0,0,0,0,0,0,0,0,0,0", row("node-a", "-"));
        // the same node restarted within the minute: its late rows are added, not refused
        RequestMetrics again = new RequestMetrics();
        again.record("estates", 404, 3, T0.plusSeconds(50));
        w.write(again.drain(T0.plusSeconds(70)));
        assertEquals("3/1/1/715/1,0,1,0,0,0,0,1,0,0,0,0", row("node-a", "estates"));
    }

    @Test
    void aFailedFlushKeepsTheRowsForTheNextOne_OPS_6() throws Exception {
        RequestMetrics m = new RequestMetrics();
        m.record("complaints", 201, 30, T0.plusSeconds(5));
        List<RequestMetrics.Row> rows = m.drain(T0.plusSeconds(61));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE plt_request_stats RENAME TO plt_request_stats_away");
        }
        RequestStatsWriter w = new RequestStatsWriter(db.dataSource(), "node-b");
        try {
            assertThrows(SQLException.class, () -> w.write(rows));
            m.giveBack(rows);
        } finally {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE plt_request_stats_away RENAME TO plt_request_stats");
            }
        }
        w.write(m.drain(T0.plusSeconds(62)));
        assertEquals("1/0/0/30/0,0,0,1,0,0,0,0,0,0,0,0", row("node-b", "complaints"));
    }
}
