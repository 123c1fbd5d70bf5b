package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-6: the real `spm report` against a seeded PostgreSQL schema: figures in JSON, exit codes, a self-contained HTML file. */
class SpmReportTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;
    static Path backups;



    static OffsetDateTime at(String s) {
        return OffsetDateTime.parse(s);
    }

    @BeforeAll
    static void seed() throws Exception {
        db.migrate("db/security.changelog.xml");
        db.migrate("db/estate.changelog.xml");
        db.migrate("db/platform-rest.changelog.xml");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plt_request_stats (bucket_start, node, endpoint_group, requests, errors_4xx,"
                    + " errors_5xx, latency_sum_ms, latency_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                // estates, 5 Oct: 100 requests all in the 25..50 ms bucket → p50 37.5 ms, p95 48.75 ms
                stat(ps, "2026-10-05T08:00:00Z", "n1", "estates", 100, 2, 1, 4000, "0,0,0,100,0,0,0,0,0,0,0,0");
                // complaints, 20 Oct: 40 requests, 10 of them 5xx (25 % > 5 %: WARNING)
                stat(ps, "2026-10-20T08:00:00Z", "n1", "complaints", 40, 0, 10, 8000, "0,0,0,0,20,20,0,0,0,0,0,0");
                for (String m : new String[] {"2026-10-05T08:00:00Z", "2026-10-05T08:01:00Z", "2026-10-20T08:00:00Z"}) {
                    stat(ps, m, "n1", "-", 0, 0, 0, 0, "0,0,0,0,0,0,0,0,0,0,0,0");
                }
                stat(ps, "2026-10-05T08:00:00Z", "n2", "-", 0, 0, 0, 0, "0,0,0,0,0,0,0,0,0,0,0,0");
                stat(ps, "2026-09-30T08:00:00Z", "n1", "estates", 999, 0, 999, 0, "999,0,0,0,0,0,0,0,0,0,0,0"); // outside the period
            }
            try (Statement s = c.createStatement()) {
                for (Object[] a : new Object[][] {{1, "ops1", "OPS"}, {2, "reg1", "REGULATOR"}, {3, "reg2", "REGULATOR"}}) {
                    s.execute("INSERT INTO sec_account (id, username, status, must_change, failed_count, scope_kind, created_at, updated_at, version)"
                            + " VALUES (" + a[0] + ", '" + a[1] + "', 'ACTIVE', false, 0, 'ALL', now(), now(), 0)");
                    s.execute("INSERT INTO sec_account_role (account_id, role) VALUES (" + a[0] + ", '" + a[2] + "')");
                }
                s.execute("INSERT INTO est_estate (id, name, address, community, admin_code, status, version, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (1, '横琴一号', '环岛东路 1 号', '小横琴社区', '440404', 'ACTIVE', 1, '2026-10-05T09:00:00Z', 'cli', now(), 'cli')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO aud_event (seq, at, actor, action, object_type, object_id, outcome, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, 'account', '1', ?, 'x', 'y')")) {
                Object[][] events = {
                    {"2026-10-05T08:00:10Z", "ops1", "login.success", "OK"}, {"2026-10-06T08:00:00Z", "ops1", "login.success", "OK"},
                    {"2026-10-07T08:00:00Z", "reg1", "login.success", "OK"}, {"2026-10-07T08:01:00Z", "reg1", "login.failure", "FAILED"},
                    {"2026-10-08T08:00:00Z", "ops1", "ip.ban", "OK"}, {"2026-10-08T09:00:00Z", "secadmin", "role.permissions", "OK"},
                    {"2026-09-07T08:00:00Z", "reg2", "login.success", "OK"}};
                long seq = 1;
                for (Object[] e : events) {
                    ps.setLong(1, seq++);
                    ps.setObject(2, at((String) e[0]));
                    ps.setString(3, (String) e[1]);
                    ps.setString(4, (String) e[2]);
                    ps.setString(5, (String) e[3]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_login_failure (username, client_ip, at) VALUES ('reg1', '10.0.0.9', ?)")) {
                for (String t : new String[] {"2026-10-07T08:01:00Z", "2026-10-07T08:02:00Z", "2026-10-21T08:00:00Z", "2026-11-02T08:00:00Z"}) {
                    ps.setObject(1, at(t));
                    ps.executeUpdate();
                }
            }
        }
        backups = tmp.resolve("backups");
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("spm-backup-records.jsonl"),
                "{\"type\":\"backup.created\",\"version\":1,\"at\":\"2026-10-05T02:30:00Z\",\"archive\":\"a.spmbak\"}\n"
                        + "{\"type\":\"backup.restore-tested\",\"version\":1,\"at\":\"2026-10-05T03:00:00Z\",\"archive\":\"a.spmbak\",\"ok\":true}\n"
                        + "{\"type\":\"backup.created\",\"version\":1,\"at\":\"2026-09-05T02:30:00Z\",\"archive\":\"b.spmbak\"}\n",
                StandardCharsets.UTF_8);
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
    }

    static void stat(PreparedStatement ps, String minute, String node, String group, long req, long e4, long e5, long sum, String counts) throws Exception {
        ps.setObject(1, at(minute));
        ps.setString(2, node);
        ps.setString(3, group);
        ps.setLong(4, req);
        ps.setLong(5, e4);
        ps.setLong(6, e5);
        ps.setLong(7, sum);
        ps.setString(8, counts);
        ps.executeUpdate();
    }

    static JsonNode find(JsonNode env, String type, String field, String value) {
        for (JsonNode r : env.get("records")) {
            if (type.equals(r.path("type").asText()) && (field == null || value.equals(r.path(field).asText()))) {
                return r;
            }
        }
        return null;
    }

    @Test
    void monthReportFiguresInJsonAndWarningFor5xxRate_OPS_6() throws Exception {
        Path html = tmp.resolve("out/report-2026-10.html");
        Result r = spm("report", "--period", "2026-10", "--zone", "UTC", "--backups", backups.toString(), "--out", html.toString(),
                "--config", config.toString(), "--output", "json");
        assertEquals(Spm.WARNING, r.code(), r.out() + r.err());
        Files.writeString(Path.of("target/spm-report-example.json"), r.out()); // kept for docs/operations.md
        Files.copy(html, Path.of("target/spm-report-example.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonNode env = r.json();
        assertEquals("report", env.get("command").asText());
        assertEquals("WARNING", env.get("status").asText());

        JsonNode av = find(env, "report.availability", null, null);
        assertEquals(31 * 1440, av.get("minutesInPeriod").asLong());
        assertEquals(3, av.get("minutesObserved").asLong());
        assertEquals(2, av.get("nodes").asInt());

        JsonNode est = find(env, "report.requests", "group", "estates");
        assertEquals(100, est.get("requests").asLong());
        assertEquals(2, est.get("errors4xx").asLong());
        assertEquals(1, est.get("errors5xx").asLong());
        assertEquals(37.5, est.get("p50Ms").asDouble(), 0.01);
        assertEquals(48.8, est.get("p95Ms").asDouble(), 0.06);
        JsonNode cpl = find(env, "report.requests", "group", "complaints");
        assertEquals(0.25, cpl.get("serverErrorRate").asDouble(), 1e-9);
        JsonNode total = find(env, "report.requests", "group", "*");
        assertEquals(140, total.get("requests").asLong());
        assertEquals(11, total.get("errors5xx").asLong());
        assertNotNull(find(env, "report.warning", "key", "report.warn.errorRate"));
        assertEquals(1, env.get("records").findValues("key").stream().filter(k -> k.asText().equals("report.warn.errorRate")).count());

        JsonNode ops = find(env, "report.activity", "role", "OPS");
        assertEquals(2, ops.get("logins").asLong());
        assertEquals(1, ops.get("activeAccounts").asLong());
        JsonNode reg = find(env, "report.activity", "role", "REGULATOR");
        assertEquals(1, reg.get("logins").asLong());
        assertEquals(2, reg.get("accounts").asLong());

        JsonNode sec = find(env, "report.security", null, null);
        assertEquals(3, sec.get("failedLogins").asLong());
        assertEquals(1, sec.get("auditActions").get("ip.ban").asLong());
        assertEquals(1, sec.get("auditActions").get("role.permissions").asLong());
        assertEquals(1, sec.get("auditActions").get("login.failure").asLong());

        JsonNode estData = find(env, "report.data", "prefix", "est");
        assertEquals(1, estData.get("rows").asLong());
        assertEquals(1, estData.get("createdInPeriod").asLong());
        assertTrue(find(env, "report.data", "prefix", "sec").get("rows").asLong() >= 3);

        JsonNode bk = find(env, "report.backups", null, null);
        assertEquals(1, bk.get("taken").asLong());
        assertEquals(1, bk.get("restoreTested").asLong());
        assertEquals(0, bk.get("restoreTestsFailed").asLong());
        assertFalse(find(env, "report.incidents", null, null).get("recorded").asBoolean());

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<svg"), "charts are inline SVG");
        assertFalse(page.contains("http://") || page.contains("https://"), "no external references");
        assertFalse(page.toLowerCase().contains("<script"), "no scripts");
        assertFalse(page.contains("<link") || page.contains("src="), "no external resources");
        assertTrue(page.contains("estates") && page.contains("complaints"));
    }

    @Test
    void rangeWithoutWarningFactsExitsOk_OPS_6() throws Exception {
        Path html = tmp.resolve("range.html");
        Result r = spm("report", "--from", "2026-10-01", "--to", "2026-10-10", "--zone", "UTC", "--backups", backups.toString(), "--out",
                html.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, r.code(), r.out() + r.err());
        assertEquals(100, find(r.json(), "report.requests", "group", "*").get("requests").asLong());
        assertEquals(2, find(r.json(), "report.security", null, null).get("failedLogins").asLong());
        assertTrue(Files.isRegularFile(html));
    }

    @Test
    void periodWithoutAnyDataExits2AndNoBackupFolderIsAWarning_OPS_6() throws Exception {
        Result r = spm("report", "--period", "2025-01", "--zone", "UTC", "--out", tmp.resolve("empty.html").toString(), "--config", config.toString(),
                "--output", "json");
        assertEquals(Spm.CRITICAL, r.code(), r.out() + r.err());
        assertNotNull(find(r.json(), "report.warning", "key", "report.warn.noBackupDir"));
        Result table = spm("report", "--period", "2026-10", "--zone", "UTC", "--out", tmp.resolve("t.html").toString(), "--config", config.toString());
        assertEquals(Spm.WARNING, table.code(), table.err());
        Files.writeString(Path.of("target/spm-report-example.txt"), table.out());
        assertTrue(table.out().contains("estates"), table.out());
    }

    @Test
    void badPeriodIsUsage_OPS_6() {
        assertEquals(Spm.USAGE, spm("report", "--period", "2026-13", "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("report", "--from", "2026-10-05", "--config", config.toString()).code());
    }
}
