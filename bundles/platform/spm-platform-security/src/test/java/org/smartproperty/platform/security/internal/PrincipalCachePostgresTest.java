package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 11 item 4: a node keeps a token's principal for seconds instead of reading four security
 * tables per request, and what revokes or narrows a token still takes effect — at once on the node
 * that made the change, within the revision check on every other node (two services over one
 * database stand for two nodes), and at once everywhere when the cache is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrincipalCachePostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String PW = "Hengqin@2026x";
    static final String IP = "198.51.100.9";

    SpmPrincipal sysadmin;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        ContributedGrants.seed(db.dataSource(), ContributedGrants.own(), Instant.now());
        sysadmin = new SpmPrincipal(0, "test-sysadmin", Set.of(Role.SYSADMIN), Set.of("account:manage"), DataScope.NONE, false, IP);
    }

    private SecurityServiceImpl node(long cacheMillis, long revisionCheckMillis) {
        SecurityServiceImpl s = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS);
        s.principals().configure(cacheMillis, revisionCheckMillis);
        return s;
    }

    private long account(SecurityServiceImpl s, String name, long company) {
        assertTrue(s.ensureAccount(name, name, Role.COMPANY, PW, null, DataScope.company(company)));
        return s.accountsOf(DataScope.company(company)).get(0).accountId();
    }

    /** Authenticates until the node serves the token from its cache (its first counter read runs in the background). */
    private static SpmPrincipal cached(SecurityServiceImpl node, String token) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        SpmPrincipal p = node.authenticate(token, IP);
        while (node.principals().size() == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
            p = node.authenticate(token, IP);
        }
        assertEquals(1, node.principals().size(), "the node caches the token");
        return p;
    }

    private void sql(String s) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    @Test
    void aCachedPrincipalIsServedUntilTheRevisionCounterMoves_issue11_item4() throws Exception {
        SecurityServiceImpl a = node(30_000, 0);
        long id = account(a, "cache-1", 9101);
        String token = a.login("cache-1", PW, null, IP, "junit").token();
        assertEquals(Set.of(Role.COMPANY), a.authenticate(token, IP).roles());
        assertEquals(1, a.principals().size());
        // a change written behind the platform's back (no counter move): the cache still answers
        sql("UPDATE sec_account_role SET role = 'OFFICER' WHERE account_id = " + id);
        SpmPrincipal cached = a.authenticate(token, "203.0.113.5");
        assertEquals(Set.of(Role.COMPANY), cached.roles(), "served from the cache, not the tables");
        assertEquals("203.0.113.5", cached.clientIp(), "the cached principal carries this request's address");
        // any writer that moves the counter makes every node read the token again
        sql("UPDATE " + PrincipalCache.TABLE + " SET n = n + 1 WHERE id = 1");
        assertEquals(Set.of(Role.OFFICER), a.authenticate(token, IP).roles());
    }

    @Test
    void aLogoutOnThisNodeEndsTheTokenAtOnceEvenBeforeTheNextRevisionCheck_issue11_item4() throws Exception {
        SecurityServiceImpl a = node(30_000, 3_600_000);
        account(a, "cache-2", 9102);
        String token = a.login("cache-2", PW, null, IP, "junit").token();
        SpmPrincipal p = cached(a, token);
        a.logout(p, token, "junit");
        assertEquals(401, assertThrows(ApiException.class, () -> a.authenticate(token, IP)).status());
    }

    @Test
    void anAccountDisabledThroughAnotherNodeIsRefusedHereWithinTheRevisionCheck_issue11_item4() throws Exception {
        SecurityServiceImpl a = node(30_000, 200);
        SecurityServiceImpl b = node(30_000, 200);
        long id = account(a, "cache-3", 9103);
        String token = a.login("cache-3", PW, null, IP, "junit").token();
        cached(a, token);
        b.setStatus(sysadmin, id, "DISABLED", "junit");
        assertEquals(401, assertThrows(ApiException.class, () -> b.authenticate(token, IP)).status(), "at once on the node that changed it");
        long deadline = System.nanoTime() + 2_000_000_000L;
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try {
                a.authenticate(token, IP);
                Thread.sleep(20);
            } catch (ApiException e) {
                assertEquals(401, e.status());
                refused = true;
            }
        }
        assertTrue(refused, "the other node refuses the token within the revision check (200 ms here, 500 ms by default)");
        assertEquals(401, assertThrows(ApiException.class, () -> a.authenticate(token, IP)).status(), "and keeps refusing it");
    }

    @Test
    void aRoleTemplateChangeReachesCachedPrincipals_issue11_item4() throws Exception {
        SecurityServiceImpl a = node(30_000, 3_600_000);
        account(a, "cache-4", 9104);
        String token = a.login("cache-4", PW, null, IP, "junit").token();
        Set<String> before = cached(a, token).permissions();
        SpmPrincipal secadmin = new SpmPrincipal(0, "test-secadmin", Set.of(Role.SECADMIN), Set.of("security:roles"), DataScope.NONE, false, IP);
        Set<String> perms = new java.util.TreeSet<>(a.rolePermissions().get(Role.COMPANY));
        perms.add("estate:read");
        try {
            a.setRolePermissions(secadmin, Role.COMPANY, perms, "junit");
            assertTrue(a.authenticate(token, IP).permissions().contains("estate:read"), before + " + estate:read");
        } finally {
            perms.remove("estate:read");
            a.setRolePermissions(secadmin, Role.COMPANY, perms, "junit");
        }
    }

    @Test
    void withTheCacheOffEveryRequestReadsTheTables_issue11_item4() throws Exception {
        SecurityServiceImpl a = node(0, 500);
        long id = account(a, "cache-5", 9105);
        String token = a.login("cache-5", PW, null, IP, "junit").token();
        assertEquals(Set.of(Role.COMPANY), a.authenticate(token, IP).roles());
        sql("UPDATE sec_account_role SET role = 'OFFICER' WHERE account_id = " + id);
        assertEquals(Set.of(Role.OFFICER), a.authenticate(token, IP).roles());
        assertEquals(0, a.principals().size());
    }
}
