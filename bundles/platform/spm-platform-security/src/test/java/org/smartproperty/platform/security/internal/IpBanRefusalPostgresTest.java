package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.security.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 20 item 9 (OPS-1): {@code POST /api/v1/ops/ip-bans} refused ranges that lock out every
 * client ({@code 0.0.0.0/0}, {@code ::/0}), the node (loopback) or the caller; the rule is the
 * security API's {@code BanRule}, its minimum prefixes PID {@code org.smartproperty.security}
 * {@code ban.minPrefixIpv4/6}. Nothing is written or audited for a refused ban.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpBanRefusalPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    /** The operator's own address, as the security filter puts it into the principal. */
    static final String CALLER_IP = "198.51.100.7";

    SecurityServiceImpl security;
    SpmPrincipal ops;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        security = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS);
        ops = new SpmPrincipal(0, "ops-ban", Set.of(Role.OPS), Set.of("ops:ip-ban"), DataScope.NONE, false, CALLER_IP);
    }

    FieldError refused(SecurityServiceImpl s, String cidr) {
        ApiException e = assertThrows(ApiException.class, () -> s.ban(ops, cidr, "test", "junit"), cidr);
        assertEquals(400, e.status(), cidr);
        assertEquals(1, e.errors().size());
        assertEquals("cidr", e.errors().get(0).field());
        return e.errors().get(0);
    }

    long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void banningEverybodyIsRefusedAndNothingIsWritten_issue20item9_OPS_1() throws Exception {
        long bans = count("SELECT COUNT(*) FROM sec_ip_ban");
        long audits = count("SELECT COUNT(*) FROM aud_event WHERE action = 'ip.ban'");
        for (String all : List.of("0.0.0.0/0", "::/0", "0.0.0.0/1", "10.0.0.0/7", "2001:db8::/31")) {
            assertEquals("ban.tooBroad", refused(security, all).code(), all);
        }
        FieldError e = refused(security, " 0.0.0.0/0 ");
        assertEquals(List.of("0.0.0.0/0", "IPv4", "8"), e.args());
        assertTrue(e.source().format(Locale.ENGLISH, e.code(), e.args().toArray()).contains("at least /8"));
        assertTrue(e.source().format(Locale.SIMPLIFIED_CHINESE, e.code(), e.args().toArray()).contains("至少为 /8"));
        assertEquals(bans, count("SELECT COUNT(*) FROM sec_ip_ban"), "nothing banned");
        assertEquals(audits, count("SELECT COUNT(*) FROM aud_event WHERE action = 'ip.ban'"), "nothing audited");
        assertFalse(security.banned("203.0.113.1"));
    }

    @Test
    void loopbackAndTheCallersOwnAddressAreRefused_issue20item9_OPS_1() {
        for (String lo : List.of("127.0.0.1", "127.0.0.0/8", "::1", "::ffff:127.0.0.1")) {
            assertEquals("ban.loopback", refused(security, lo).code(), lo);
        }
        for (String mine : List.of(CALLER_IP, "198.51.100.0/24", "198.51.0.0/16")) {
            FieldError e = refused(security, mine);
            assertEquals("ban.operator", e.code(), mine);
            assertEquals(CALLER_IP, e.args().get(1));
        }
        assertFalse(security.banned(CALLER_IP));
        // a neighbour of the caller may be banned
        assertEquals("198.51.101.0/24", security.ban(ops, "198.51.101.0/24", "scanner", "junit"));
        assertTrue(security.banned("198.51.101.9"));
        security.unban(ops, "198.51.101.0/24", "junit");
    }

    @Test
    void theMinimumPrefixesComeFromTheConfiguration_issue20item9_OPS_1() {
        SecurityServiceImpl strict = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()),
                SecurityPolicy.from(CidrAndPolicyTest.config(8, 5, 365, 60, 16, 48)));
        FieldError e = refused(strict, "10.0.0.0/8");
        assertEquals(List.of("10.0.0.0/8", "IPv4", "16"), e.args());
        assertEquals("ban.tooBroad", refused(strict, "2001:db8::/32").code());
        assertEquals("10.9.0.0/16", strict.ban(ops, "10.9.0.0/16", "scanner", "junit"));
        strict.unban(ops, "10.9.0.0/16", "junit");
    }

    @Test
    void theResourceAnswersTheStoredRangeAndAnEmptyBodyIs400NotANullPointer_issue20item9_OPS_1() throws Exception {
        SecurityResources.IpBanResource resource = new SecurityResources.IpBanResource();
        Field f = SecurityResources.IpBanResource.class.getDeclaredField("security");
        f.setAccessible(true);
        f.set(resource, security);
        SecurityContext sc = new SecurityContext() {
            public Principal getUserPrincipal() { return ops; }
            public boolean isUserInRole(String role) { return false; }
            public boolean isSecure() { return true; }
            public String getAuthenticationScheme() { return "Bearer"; }
        };
        ApiException e = assertThrows(ApiException.class, () -> resource.ban(null, "junit", sc));
        assertEquals(400, e.status());
        assertEquals("ban.format", e.errors().get(0).code());
        assertEquals("ban.tooBroad", assertThrows(ApiException.class,
                () -> resource.ban(new SecurityResources.BanInput("::/0", "all"), "junit", sc)).errors().get(0).code());
        Map<String, Object> ok = resource.ban(new SecurityResources.BanInput(" 192.0.2.0/24 ", "scanner"), "junit", sc);
        assertEquals("192.0.2.0/24", ok.get("banned"), "the range as stored");
        security.unban(ops, "192.0.2.0/24", "junit");
    }
}
