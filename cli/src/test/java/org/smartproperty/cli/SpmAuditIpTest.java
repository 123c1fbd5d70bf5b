package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1: the real `spm audit …` and `spm ip …` commands against PostgreSQL: exit codes and versioned JSON. */
class SpmAuditIpTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;



    static String[] withConfig(String... args) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 2);
        a[args.length] = "--config";
        a[args.length + 1] = config.toString();
        return a;
    }

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        Instant now = Instant.now();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sec_account (id, username, status, must_change, failed_count, scope_kind, last_login_at, created_at, updated_at, version) "
                    + "VALUES (1, 'twohats', 'ACTIVE', FALSE, 0, 'NONE', now(), now(), now(), 1), "
                    + "(2, 'ops1', 'ACTIVE', FALSE, 0, 'NONE', now(), now(), now(), 1)");
            s.execute("INSERT INTO sec_account_role VALUES (1, 'SECADMIN'), (1, 'AUDITOR'), (2, 'OPS')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_login_failure (username, client_ip, at) VALUES (?, ?, ?)")) {
                for (String u : new String[] {"x1", "x2", "x3"}) {
                    ps.setString(1, u);
                    ps.setString(2, "203.0.113.9");
                    ps.setTimestamp(3, Timestamp.from(now.minus(Duration.ofHours(1))));
                    ps.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            AuditChain.append(c, new AuditEvent("ops1", "192.0.2.50", "test", "login.success", "account", "2", "OK", null));
            c.commit();
        }
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
    }

    @Test
    void auditPermissionsIsCriticalWithJsonFindings_OPS_1() throws Exception {
        Result r = spm(withConfig("audit", "permissions", "--output", "json"));
        assertEquals(Spm.CRITICAL, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(1, j.path("version").asInt());
        assertEquals("CRITICAL", j.path("status").asText());
        boolean sod = false;
        for (JsonNode rec : j.path("records")) {
            assertTrue(rec.hasNonNull("type"));
            if (rec.path("type").asText().equals("audit.finding") && rec.path("code").asText().equals("sodAccount")) {
                sod = rec.path("subject").asText().equals("twohats") && rec.path("severity").asText().equals("CRITICAL") && rec.hasNonNull("fix");
            }
        }
        assertTrue(sod, r.out());
        Result t = spm(withConfig("audit", "permissions", "--dormant-days", "30"));
        assertEquals(Spm.CRITICAL, t.code());
        assertTrue(t.out().startsWith("SEVERITY"), t.out());
        assertEquals(Spm.USAGE, spm(withConfig("audit", "permissions", "--dormant-days", "0")).code());
    }

    @Test
    void auditChainOkThenCriticalNamingTheTamperedRow_OPS_1() throws Exception {
        Result ok = spm(withConfig("audit", "chain"));
        assertEquals(Spm.OK, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("OK"), ok.out());
        long seq;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            AuditChain.append(c, AuditEvent.of("tester", "test.event", "thing", 1, null));
            AuditChain.append(c, AuditEvent.of("tester", "test.event", "thing", 2, null));
            c.commit();
            c.setAutoCommit(true);
            var rs = s.executeQuery("SELECT MAX(seq) - 1 FROM aud_event");
            rs.next();
            seq = rs.getLong(1);
            // the trigger forbids UPDATE; the superuser of the test switches it off to forge a row
            s.execute("ALTER TABLE aud_event DISABLE TRIGGER ALL");
            s.execute("UPDATE aud_event SET actor = 'mallory' WHERE seq = " + seq);
            s.execute("ALTER TABLE aud_event ENABLE TRIGGER ALL");
        }
        Result bad = spm(withConfig("audit", "chain", "--output", "json"));
        assertEquals(Spm.CRITICAL, bad.code());
        JsonNode rec = bad.json().path("records").get(0);
        assertEquals("audit.chain", rec.path("type").asText());
        assertFalse(rec.path("intact").asBoolean());
        assertEquals(seq, rec.path("firstBrokenSeq").asLong());
        Result text = spm(withConfig("audit", "chain"));
        assertEquals(Spm.CRITICAL, text.code());
        assertTrue(text.out().contains(Long.toString(seq)), text.out());
        // restore the row for the other tests
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE aud_event DISABLE TRIGGER ALL");
            s.execute("UPDATE aud_event SET actor = 'tester' WHERE seq = " + seq);
            s.execute("ALTER TABLE aud_event ENABLE TRIGGER ALL");
        }
        assertEquals(Spm.OK, spm(withConfig("audit", "chain")).code());
    }

    @Test
    void ipReportFlagsManyAccountsAndAdminOutsideAllowList_OPS_1() throws Exception {
        Result r = spm(withConfig("ip", "report", "--since", "24h", "--output", "json"));
        assertEquals(Spm.WARNING, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("\"manyAccounts\"") && out.contains("\"adminOutside\""), out);
        assertTrue(out.contains("\"ip.failures\""), out);
        Result t = spm(withConfig("ip", "report", "--since", "7d"));
        assertEquals(Spm.WARNING, t.code());
        assertTrue(t.out().contains("203.0.113.9"), t.out());
        Result none = spm(withConfig("ip", "report", "--from", "2020-01-01", "--to", "2020-01-02"));
        assertEquals(Spm.OK, none.code(), none.out() + none.err());
        assertEquals(Spm.USAGE, spm(withConfig("ip", "report", "--since", "yesterday")).code());
    }

    @Test
    void banUnbanBannedAndAllowListAreAudited_OPS_1() throws Exception {
        assertEquals(Spm.USAGE, spm(withConfig("ip", "ban", "not-an-ip", "--reason", "x")).code());
        Result b = spm(withConfig("ip", "ban", "198.51.100.0/24", "--reason", "credential stuffing", "--output", "json"));
        assertEquals(Spm.OK, b.code(), b.out() + b.err());
        assertEquals("ip.ban", b.json().path("records").get(0).path("type").asText());
        Result l = spm(withConfig("ip", "banned", "--output", "json"));
        assertEquals("198.51.100.0/24", l.json().path("records").get(0).path("cidr").asText());
        assertEquals(Spm.OK, spm(withConfig("ip", "unban", "198.51.100.0/24")).code());
        assertEquals(Spm.WARNING, spm(withConfig("ip", "unban", "198.51.100.0/24")).code());
        assertEquals(Spm.OK, spm(withConfig("ip", "allow", "add", "192.0.2.0/24", "--reason", "ops VPN")).code());
        Result al = spm(withConfig("ip", "allow", "list"));
        assertTrue(al.out().contains("192.0.2.0/24"), al.out());
        // ops1's login from 192.0.2.50 is inside the allow-list now
        assertFalse(spm(withConfig("ip", "report", "--since", "24h", "--output", "json")).out().contains("\"adminOutside\""));
        assertEquals(Spm.OK, spm(withConfig("ip", "allow", "remove", "192.0.2.0/24")).code());
        assertEquals(Spm.USAGE, spm(withConfig("ip", "allow", "frobnicate")).code());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM aud_event WHERE action IN ('ops.ip.ban', 'ops.ip.unban', 'ops.ip.allow.add', 'ops.ip.allow.remove')")) {
            rs.next();
            assertEquals(4, rs.getInt(1));
        }
        assertEquals(Spm.OK, spm(withConfig("audit", "chain")).code(), "the tool's appends keep the chain intact");
    }

    /**
     * Issue 20 item 9 (OPS-1): `spm ip ban 0.0.0.0/0` was accepted and locked out every client.
     * Ranges wider than the platform's minimum prefixes (ban.minPrefixIpv4/6 of its security
     * settings), loopback and this machine's own addresses are refused as a usage error, nothing written.
     */
    @Test
    void banThatLocksOutEverybodyTheNodeOrTheOperatorIsRefused_issue20item9_OPS_1() throws Exception {
        for (String[] c : new String[][] {{"0.0.0.0/0", "ban.tooBroad"}, {"::/0", "ban.tooBroad"}, {"127.0.0.1", "ban.loopback"},
            {"::1", "ban.loopback"}}) {
            Result r = spm(withConfig("ip", "ban", c[0], "--reason", "x", "--output", "json"));
            assertEquals(Spm.USAGE, r.code(), c[0] + ": " + r.out() + r.err());
            assertEquals(c[1], r.json().path("records").get(0).path("key").asText(), c[0]);
        }
        for (String a : org.smartproperty.ops.IpChecks.interfaceAddresses()) {
            Result r = spm(withConfig("ip", "ban", a, "--reason", "x"));
            assertEquals(Spm.USAGE, r.code(), "an address of this machine: " + a + " " + r.err());
        }
        Path sec = tmp.resolve("org.smartproperty.security.cfg");
        java.nio.file.Files.writeString(sec, "ban.minPrefixIpv4 = 16\n");
        Result strict = spm(withConfig("ip", "ban", "10.0.0.0/8", "--reason", "x", "--security-config", sec.toString(), "--output", "json"));
        assertEquals(Spm.USAGE, strict.code(), strict.out() + strict.err());
        assertTrue(strict.json().path("records").get(0).path("message").asText().contains("/16"), strict.out());
        Result l = spm(withConfig("ip", "banned", "--output", "json"));
        for (JsonNode n : l.json().path("records")) {
            String cidr = n.path("cidr").asText();
            assertFalse(cidr.equals("0.0.0.0/0") || cidr.equals("::/0") || cidr.startsWith("127.") || cidr.equals("10.0.0.0/8"), cidr);
        }
    }
}
