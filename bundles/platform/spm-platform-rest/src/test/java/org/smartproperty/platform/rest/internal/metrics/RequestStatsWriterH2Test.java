package org.smartproperty.platform.rest.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-6: the same flush on the embedded H2 default (row lock, re-flush adds up). */
class RequestStatsWriterH2Test {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Test
    void flushAndReflushOnH2_OPS_6() throws Exception {
        db.migrate("db/platform-rest.changelog.xml");
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        RequestStatsWriter w = new RequestStatsWriter(db.dataSource(), "embedded");
        for (int i = 0; i < 2; i++) {
            RequestMetrics m = new RequestMetrics();
            m.record("auth", 401, 8, t0.plusSeconds(10));
            w.write(m.drain(t0.plusSeconds(61)));
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT requests, errors_4xx, latency_counts FROM plt_request_stats WHERE endpoint_group = 'auth'")) {
            rs.next();
            assertEquals(2, rs.getLong(1));
            assertEquals(2, rs.getLong(2));
            assertEquals("0,2,0,0,0,0,0,0,0,0,0,0", rs.getString(3));
        }
    }
}
