package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.persistence.internal.PgClusterEvents;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 19 item 1 (OPS-8): two nodes — each a security service with its own pool and its own cluster-event
 * listener on one PostgreSQL schema, the revision check set to an hour so only the event can reach the
 * other node — and what one node changes empties the other's token cache within a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityClusterEventsPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String PW = "Hengqin@2026x";
    static final String IP = "198.51.100.19";

    HikariDataSource poolB;
    PgClusterEvents eventsA;
    PgClusterEvents eventsB;
    SecurityServiceImpl a;
    SecurityServiceImpl b;
    final SpmPrincipal sysadmin = new SpmPrincipal(0, "test-sysadmin", Set.of(Role.SYSADMIN), Set.of("account:manage"), DataScope.NONE, false, IP);

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        ContributedGrants.seed(db.dataSource(), ContributedGrants.own(), Instant.now());
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("node-b");
        hc.setMaximumPoolSize(4);
        String url = TestDatabase.serverUrl();
        hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + db.schema());
        hc.setUsername(TestDatabase.serverUser());
        hc.setPassword(TestDatabase.serverPassword());
        poolB = new HikariDataSource(hc);
        eventsA = PgClusterEvents.start(db.dataSource(), "node-a");
        eventsB = PgClusterEvents.start(poolB, "node-b");
        a = node(db.dataSource(), eventsA);
        b = node(poolB, eventsB);
        await(() -> eventsA.listening() && eventsB.listening(), 10_000, "both nodes listening");
    }

    @AfterAll
    void tearDown() {
        eventsA.close();
        eventsB.close();
        poolB.close();
    }

    private static SecurityServiceImpl node(javax.sql.DataSource ds, PgClusterEvents events) {
        SecurityServiceImpl s = new SecurityServiceImpl(ds, new AuditTrailImpl(ds), SecurityPolicy.DEFAULTS);
        s.principals().configure(30_000, 3_600_000);
        s.bindCluster(events);
        return s;
    }

    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(5); // polling step
        }
    }

    /** Authenticates until the node serves the token from its cache (its first counter read runs in the background). */
    private static SpmPrincipal cached(SecurityServiceImpl node, String token) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        SpmPrincipal p = node.authenticate(token, IP);
        while (node.principals().size() == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
            p = node.authenticate(token, IP);
        }
        assertTrue(node.principals().size() >= 1, "the node caches the token");
        return p;
    }

    private static boolean refused(SecurityServiceImpl node, String token) {
        try {
            node.authenticate(token, IP);
            return false;
        } catch (ApiException e) {
            assertEquals(401, e.status());
            return true;
        }
    }

    private String loggedIn(String name, long company) {
        assertTrue(a.ensureAccount(name, name, Role.COMPANY, PW, null, DataScope.company(company)));
        return a.login(name, PW, null, IP, "junit").token();
    }

    @Test
    void aLogoutOnNodeAEndsTheTokenOnNodeBWithinASecond_issue19_item1() throws Exception {
        String token = loggedIn("cluster-1", 9201);
        cached(b, token);
        SpmPrincipal p = cached(a, token);
        long t0 = System.nanoTime();
        a.logout(p, token, "junit");
        await(() -> refused(b, token), 1_000, "node B refuses the token");
        System.out.println("logout on A -> refused on B after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    void anAccountDisabledOnNodeBIsRefusedOnNodeAWithinASecond_issue19_item1() throws Exception {
        String token = loggedIn("cluster-2", 9202);
        long id = a.accountsOf(DataScope.company(9202)).get(0).accountId();
        cached(a, token);
        b.setStatus(sysadmin, id, "DISABLED", "junit");
        await(() -> refused(a, token), 1_000, "node A refuses the token");
    }

    @Test
    void aRolePermissionEditOnNodeAReachesNodeBsCachedPrincipalsWithinASecond_issue19_item1() throws Exception {
        String token = loggedIn("cluster-3", 9203);
        assertFalse(cached(b, token).permissions().contains("estate:read"));
        SpmPrincipal secadmin = new SpmPrincipal(0, "test-secadmin", Set.of(Role.SECADMIN), Set.of("security:roles"), DataScope.NONE, false, IP);
        Set<String> perms = new java.util.TreeSet<>(a.rolePermissions().get(Role.COMPANY));
        perms.add("estate:read");
        try {
            a.setRolePermissions(secadmin, Role.COMPANY, perms, "junit");
            await(() -> b.authenticate(token, IP).permissions().contains("estate:read"), 1_000, "node B sees the new grant");
        } finally {
            perms.remove("estate:read");
            a.setRolePermissions(secadmin, Role.COMPANY, perms, "junit");
        }
    }

    @Test
    void aBanOnNodeAAppliesOnNodeBWithinASecond_issue19_item1() throws Exception {
        assertFalse(b.banned("203.0.113.77"));
        a.ban(sysadmin, "203.0.113.77/32", "junit", "junit");
        try {
            await(() -> b.banned("203.0.113.77"), 1_000, "node B refuses the address");
        } finally {
            a.unban(sysadmin, "203.0.113.77/32", "junit");
        }
        await(() -> !b.banned("203.0.113.77"), 1_000, "node B lets it in again");
    }
}
