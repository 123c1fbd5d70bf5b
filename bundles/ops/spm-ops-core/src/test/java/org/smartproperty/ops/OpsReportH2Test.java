package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-6: the report on the embedded H2 profile (upper-case catalog names), percentiles and availability up to now. */
class OpsReportH2Test {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Test
    void reportReadsTheEmbeddedDatabase_OPS_6() throws Exception {
        db.migrate("db/security.changelog.xml");
        db.migrate("db/platform-rest.changelog.xml");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plt_request_stats (bucket_start, node, endpoint_group, requests, errors_4xx,"
                    + " errors_5xx, latency_sum_ms, latency_counts) VALUES (?, 'n1', ?, ?, 0, 0, 0, ?)")) {
                ps.setObject(1, OffsetDateTime.parse("2026-11-10T00:00:00Z"));
                ps.setString(2, "estates");
                ps.setLong(3, 10);
                ps.setString(4, "0,0,0,0,0,0,0,0,0,0,0,10");
                ps.executeUpdate();
                ps.setString(2, "-");
                ps.setLong(3, 0);
                ps.setString(4, "0,0,0,0,0,0,0,0,0,0,0,0");
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sec_account (id, username, status, must_change, failed_count, scope_kind, created_at, updated_at, version)"
                        + " VALUES (1, 'ops1', 'ACTIVE', false, 0, 'ALL', TIMESTAMP WITH TIME ZONE '2026-11-09 00:00:00+00', now(), 0)");
            }
        }
        // "now" is 10 Nov 00:10 UTC: the month so far has 9 days and 10 minutes
        OpsReport report = new OpsReport(Clock.fixed(Instant.parse("2026-11-10T00:10:00Z"), ZoneOffset.UTC));
        OpsReport.Report r = report.build(db.dataSource(), OpsReport.Period.of("2026-11", null, null, ZoneOffset.UTC), null);
        assertEquals(9 * 1440 + 10, r.availability().minutesInPeriod());
        assertEquals(1, r.availability().minutesObserved());
        assertEquals(1, r.groups().size());
        assertEquals(10000.0, r.groups().get(0).percentileMs(0.5), "the +Inf bucket answers its lower bound");
        OpsReport.DomainVolume sec = r.data().stream().filter(d -> d.prefix().equals("sec")).findFirst().orElseThrow();
        assertEquals(1, sec.createdInPeriod());
        assertNull(r.data().stream().filter(d -> d.prefix().equals("aud")).findFirst().orElseThrow().createdInPeriod());
        assertFalse(r.empty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.key().equals("report.warn.noBackupDir")));
        String html = ReportHtml.render(r, Locale.ENGLISH);
        assertTrue(html.contains("Operational report") && html.contains("<svg"), html);
        assertTrue(ReportHtml.render(r, OpsMessages.CHINESE).contains("系统运行情况通报"));
    }
}
