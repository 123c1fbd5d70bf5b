package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.ops.IpChecks.Report;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.BanRule;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1 `spm ip …` logic on PostgreSQL, and that the running platform applies bans and the allow-list at once. */
class IpChecksTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final IpChecks ip = new IpChecks();

    @BeforeAll
    static void seed() throws Exception {
        db.migrate("db/security.changelog.xml");
        SecurityFixture.account(db.dataSource(), 1, "alice", "ALL", null, 0, 10, "OFFICER");
        SecurityFixture.account(db.dataSource(), 2, "ops1", "NONE", null, 0, 10, "OPS");
        Instant t = Instant.now().minus(Duration.ofHours(2));
        for (String u : List.of("a1", "a2", "a3", "a4")) {
            SecurityFixture.failure(db.dataSource(), u, "203.0.113.9", t);
        }
        for (int i = 0; i < 6; i++) {
            SecurityFixture.failure(db.dataSource(), "alice", "198.51.100.7", t.plusSeconds(i));
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            AuditChain.append(c, new AuditEvent("alice", "198.51.100.7", "test", "login.success", "account", "1", "OK", null));
            AuditChain.append(c, new AuditEvent("ops1", "192.0.2.50", "test", "login.success", "account", "2", "OK", null));
            AuditChain.append(c, new AuditEvent("ops1", "127.0.0.1", "test", "login.success", "account", "2", "OK", null));
            c.commit();
        }
    }

    static Report report() {
        return ip.report(db.dataSource(), Instant.now().minus(Duration.ofHours(24)), Instant.now().plusSeconds(1), 3, 5, List.of());
    }

    static boolean has(Report r, String code, String addr, String account) {
        return r.suspicious().stream().anyMatch(s -> s.code().equals(code) && addr.equals(s.ip()) && (account == null || account.equals(s.account())));
    }

    @Test
    void reportCountsFailuresAndFlagsSuspiciousLogins_OPS_1() {
        Report r = report();
        assertEquals("198.51.100.7", r.byIp().get(0).key());
        assertEquals(6, r.byIp().get(0).failures());
        assertEquals("alice", r.byAccount().get(0).key());
        assertTrue(has(r, "manyAccounts", "203.0.113.9", null), r.toString());
        assertTrue(has(r, "successAfterFailures", "198.51.100.7", "alice"), r.toString());
        assertTrue(has(r, "adminOutside", "192.0.2.50", "ops1"), r.toString());
        assertFalse(has(r, "adminOutside", "127.0.0.1", "ops1"), "loopback is always allowed");
        assertEquals(1, r.exitCode());
        // a window before the failures: nothing
        Report old = ip.report(db.dataSource(), Instant.now().minus(Duration.ofDays(7)), Instant.now().minus(Duration.ofDays(6)), 3, 5, List.of());
        assertEquals(0, old.exitCode());
        // the admin network from the configuration counts as allowed
        assertFalse(has(ip.report(db.dataSource(), Instant.now().minus(Duration.ofHours(24)), Instant.now().plusSeconds(1), 3, 5,
                List.of("192.0.2.0/24")), "adminOutside", "192.0.2.50", "ops1"));
    }

    @Test
    void banAppliesAtOnceInTheRunningPlatformAndIsAudited_OPS_1() throws Exception {
        SecurityServiceImpl platform = SecurityServiceImpl.standalone(db.dataSource());
        assertFalse(platform.banned("10.9.8.7")); // the platform has now cached the (empty) list
        IpChecks.Entry e = ip.ban(db.dataSource(), "10.9.0.0/16", "scanner", "ops:tester", "spm-cli", BanRule.DEFAULTS);
        assertEquals("10.9.0.0/16", e.cidr());
        Thread.sleep(1100);
        assertTrue(platform.banned("10.9.8.7"), "a ban by the tool reaches a running node within its 1 s cache");
        assertEquals(List.of("10.9.0.0/16"), ip.banned(db.dataSource()).stream().map(IpChecks.Entry::cidr).toList());
        ip.unban(db.dataSource(), "10.9.0.0/16", "ops:tester", "spm-cli");
        Thread.sleep(1100);
        assertFalse(platform.banned("10.9.8.7"));
        assertEquals("ip.notBanned", assertThrows(OpsException.class, () -> ip.unban(db.dataSource(), "10.9.0.0/16", "ops:tester", "spm-cli")).key());
        assertTrue(actions().containsAll(List.of("ops.ip.ban", "ops.ip.unban")), actions().toString());
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(AuditChain.verify(c).intact());
        }
    }

    @Test
    void allowListInTheTableOpensAdminEndpointsAtOnce_OPS_1() throws Exception {
        SecurityServiceImpl platform = SecurityServiceImpl.standalone(db.dataSource());
        assertTrue(platform.adminNetworkAllowed("127.0.0.1"), "loopback as before");
        assertFalse(platform.adminNetworkAllowed("2001:db8::5"));
        ip.allow(db.dataSource(), "2001:db8::/32", "VPN", "ops:tester", "spm-cli");
        Thread.sleep(1100);
        assertTrue(platform.adminNetworkAllowed("2001:db8::5"));
        assertTrue(platform.adminNetworkAllowed("127.0.0.1"), "loopback still allowed");
        assertEquals(1, ip.allowed(db.dataSource()).size());
        ip.disallow(db.dataSource(), "2001:db8::/32", "ops:tester", "spm-cli");
        Thread.sleep(1100);
        assertFalse(platform.adminNetworkAllowed("2001:db8::5"));
        assertTrue(actions().containsAll(List.of("ops.ip.allow.add", "ops.ip.allow.remove")));
    }

    @Test
    void cidrIsValidatedWithoutResolvingNames_OPS_1() {
        for (String bad : List.of("example.com", "10.0.0.0/33", "10.0.0", "::1/129", "", "1.2.3.4/x")) {
            assertEquals("ip.badCidr", assertThrows(OpsException.class, () -> IpChecks.cidr(bad), bad).key(), bad);
        }
        assertTrue(IpChecks.cidr("10.0.0.0/8").contains("10.200.1.1"));
        assertTrue(IpChecks.cidr("2001:db8::/32").contains("2001:db8:1::1"));
        assertFalse(IpChecks.cidr("192.0.2.1").contains("192.0.2.2"));
        assertEquals(Duration.ofDays(7), IpChecks.since("7d"));
        assertEquals("ip.badSince", assertThrows(OpsException.class, () -> IpChecks.since("7 days")).key());
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static OpsException refused(IpChecks checks, String cidr, BanRule rule) {
        return assertThrows(OpsException.class, () -> checks.ban(db.dataSource(), cidr, "test", "ops:tester", "spm-cli", rule), cidr);
    }

    /**
     * Issue 20 item 9 (OPS-1): `spm ip ban 0.0.0.0/0` locked out every client. The security API's
     * BanRule refuses ranges wider than the minimum prefixes, loopback, and — the tools run on a
     * node — ranges holding an address of this machine; nothing is written or audited.
     */
    @Test
    void banRefusesEverybodyLoopbackAndThisMachinesAddresses_issue20item9_OPS_1() throws Exception {
        long bans = count("SELECT COUNT(*) FROM sec_ip_ban");
        long audits = count("SELECT COUNT(*) FROM aud_event WHERE action = 'ops.ip.ban'");
        for (String all : List.of("0.0.0.0/0", "::/0", "0.0.0.0/1", "2001:db8::/31")) {
            assertEquals("ban.tooBroad", refused(ip, all, BanRule.DEFAULTS).key(), all);
        }
        OpsException e = refused(ip, "0.0.0.0/0", BanRule.DEFAULTS);
        assertTrue(e.message(java.util.Locale.ENGLISH).contains("at least /8"), e.message(java.util.Locale.ENGLISH));
        assertTrue(e.message(java.util.Locale.SIMPLIFIED_CHINESE).contains("至少为 /8"), e.message(java.util.Locale.SIMPLIFIED_CHINESE));
        for (String lo : List.of("127.0.0.1", "127.0.0.0/8", "::1")) {
            assertEquals("ban.loopback", refused(ip, lo, BanRule.DEFAULTS).key(), lo);
        }
        // the machine's addresses: given, and the real ones of this machine
        IpChecks onNode = new IpChecks(() -> List.of("192.0.2.200", "2001:db8:7::5"));
        assertEquals("ban.operator", refused(onNode, "192.0.2.0/24", BanRule.DEFAULTS).key());
        assertEquals("ban.operator", refused(onNode, "2001:db8:7::/48", BanRule.DEFAULTS).key());
        assertTrue(refused(onNode, "192.0.2.200", BanRule.DEFAULTS).message(java.util.Locale.ENGLISH).contains("192.0.2.200"));
        List<String> mine = IpChecks.interfaceAddresses();
        assertTrue(mine.contains("127.0.0.1"), mine.toString());
        for (String a : mine) {
            assertTrue(a.matches("[0-9a-fA-F:.]+"), "no zone ids: " + a);
            String key = refused(ip, a, BanRule.DEFAULTS).key();
            assertTrue(key.equals("ban.operator") || key.equals("ban.loopback"), a + " " + key);
        }
        assertEquals(bans, count("SELECT COUNT(*) FROM sec_ip_ban"), "nothing banned");
        assertEquals(audits, count("SELECT COUNT(*) FROM aud_event WHERE action = 'ops.ip.ban'"), "nothing audited");
        // a stricter rule from the settings
        assertEquals("ban.tooBroad", refused(onNode, "10.0.0.0/8", new BanRule(16, 48)).key());
    }

    @Test
    void banMinimumPrefixesComeFromThePlatformsSecuritySettings_issue20item9_OPS_1() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("spm-etc");
        java.nio.file.Path cfg = dir.resolve("org.smartproperty.security.cfg");
        assertEquals(BanRule.DEFAULTS, IpChecks.banRule(cfg), "no file: the platform's defaults");
        assertEquals(BanRule.DEFAULTS, IpChecks.banRule(null));
        java.nio.file.Files.writeString(cfg, "password.maxAgeDays = 60\nban.minPrefixIpv4 = 16\n");
        assertEquals(new BanRule(16, BanRule.DEFAULT_MIN_PREFIX_IPV6), IpChecks.banRule(cfg));
        java.nio.file.Files.writeString(cfg, "ban.minPrefixIpv4 = 12\nban.minPrefixIpv6 = 48\n");
        assertEquals(new BanRule(12, 48), IpChecks.banRule(cfg));
        for (String bad : List.of("ban.minPrefixIpv4 = 0", "ban.minPrefixIpv6 = 129", "ban.minPrefixIpv4 = eight")) {
            java.nio.file.Files.writeString(cfg, bad + "\n");
            assertEquals(BanRule.DEFAULTS, IpChecks.banRule(cfg), "refused by the platform, which keeps its defaults: " + bad);
        }
    }

    static List<String> actions() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action FROM aud_event ORDER BY seq")) {
            List<String> l = new java.util.ArrayList<>();
            while (rs.next()) {
                l.add(rs.getString(1));
            }
            return l;
        }
    }
}
