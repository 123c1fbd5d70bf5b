package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 12 on PostgreSQL: what a real-name account acts as comes from the domains' binders at each
 * resolution (no restart), a session chooses among its bindings, the system admin reads and sets
 * stored scopes under the separation of duties, 粤政易 staff sign in only as linked staff accounts,
 * and X-Forwarded-For is believed only from trusted proxies. The binder here is a stand-in for a
 * domain's registry (the domains' own binders have their tests in their bundles and in IdentityBindingIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountBindingsPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String IP = "198.51.100.9";
    SecurityServiceImpl security;
    /** The registry the stand-in binder reads: identity number or credit code → bindings. */
    final Map<String, List<Binding>> registry = new java.util.concurrent.ConcurrentHashMap<>();
    final List<AccountIdentity> asked = new CopyOnWriteArrayList<>();
    SpmPrincipal sysadmin;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        ContributedGrants.seed(db.dataSource(), ContributedGrants.own(), java.time.Instant.now());
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("INSERT INTO sec_role_permission (role, permission) VALUES ('OWNER', 'estate:read'), ('COMMITTEE', 'committee:read'), "
                    + "('COMPANY', 'company:read'), ('REGULATOR', 'estate:read')");
        }
        security = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS);
        security.addBinder(new ScopeBinder() {
            @Override
            public List<Binding> bindings(Connection c, AccountIdentity identity) {
                asked.add(identity);
                return registry.getOrDefault(identity.legalPerson() ? identity.creditCode() : identity.idNumber(), List.of());
            }

            @Override
            public List<String> documentsOf(Connection c, DataScope scope) {
                // the registry's reverse: every number with a binding of exactly this owner (a number alone grants nothing)
                return registry.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(b -> b.scope().kind() == scope.kind()
                        && java.util.Objects.equals(b.scope().ownerId(), scope.ownerId()))).map(Map.Entry::getKey).sorted().toList();
            }
        });
        security.addBinder((c, identity) -> {
            throw new java.sql.SQLException("a broken registry");
        });
        sysadmin = new SpmPrincipal(0, "test-sysadmin", Set.of(Role.SYSADMIN), Set.of("account:manage", "account:list"), DataScope.NONE, false, IP);
    }

    @BeforeEach
    void clear() {
        registry.clear();
    }

    static ExternalIdentity person(String uid, String idNumber) {
        return new ExternalIdentity("gd-tyrz", uid, "陈志明", "111", idNumber, null, null, true, 3, "1", Map.of());
    }

    @Test
    void aRealNameOwnerStartsWithoutScopeAndGainsAndLosesHousesAsTheRegistryChangesWithoutANewLogin_OWN_1() {
        String token = security.loginExternal(person("u-owner", "440402199003071232"), IP, "junit").token();
        SpmPrincipal before = security.authenticate(token, IP);
        assertEquals(DataScope.NONE, before.scope());
        assertEquals(Set.of(Role.OWNER), before.roles());
        assertTrue(asked.stream().anyMatch(i -> "440402199003071232".equals(i.idNumber()) && "111".equals(i.idType())),
                "the binders were asked with the identity document the provider vouched for");

        registry.put("440402199003071232", List.of(new Binding("owner:5", Role.OWNER, DataScope.owner(5, Set.of(50L, 51L)), Set.of(), "2 houses")));
        security.principals().changedHere(); // what ScopeChanges.changed does on commit
        SpmPrincipal after = security.authenticate(token, IP);
        assertEquals(Set.of(50L, 51L), after.scope().houseIds(), "exactly the verified houses");
        assertEquals(5L, after.scope().ownerId());
        assertTrue(after.can("estate:read"));

        registry.clear();
        security.principals().changedHere();
        assertEquals(DataScope.NONE, security.authenticate(token, IP).scope(), "a withdrawn title withdraws the house");
    }

    @Test
    void theDirectoryFindsARealNameOwnerByTheBindingsNotByTheStoredScope_issue16_OWN_3() throws Exception {
        security.loginExternal(person("u-notify", "440402198505051234"), IP, "junit");
        long owner = 31;
        assertTrue(security.accountsOf(DataScope.owner(owner)).isEmpty(), "nobody binds owner 31 yet");

        registry.put("440402198505051234", List.of(new Binding("owner:31", Role.OWNER, DataScope.owner(owner, Set.of(310L)), Set.of(), "1 house")));
        List<String> found = security.accountsOf(DataScope.owner(owner)).stream().map(x -> x.username()).toList();
        assertEquals(1, found.size(), "the verified real-name owner is found for the in-app notice and the SMS: " + found);
        assertTrue(security.accountsOf(DataScope.owner(32)).isEmpty(), "another owner's scope finds nobody");

        // the binder names the number, but the account's bindings must say the same: a stale number finds nobody
        registry.put("440402198505051234", List.of(new Binding("owner:33", Role.OWNER, DataScope.owner(33, Set.of(330L)), Set.of(), "1 house")));
        registry.put("stale", List.of(new Binding("owner:31", Role.OWNER, DataScope.owner(owner, Set.of(310L)), Set.of(), "1 house")));
        assertTrue(security.accountsOf(DataScope.owner(owner)).isEmpty(), "a number alone grants nothing");

        // a disabled account is not notified
        registry.remove("stale");
        registry.put("440402198505051234", List.of(new Binding("owner:31", Role.OWNER, DataScope.owner(owner, Set.of(310L)), Set.of(), "1 house")));
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sec_account SET status = 'DISABLED' WHERE id_number = '440402198505051234'")) {
            assertEquals(1, ps.executeUpdate());
        }
        assertTrue(security.accountsOf(DataScope.owner(owner)).isEmpty(), "only ACTIVE accounts");
    }

    @Test
    void aSessionChoosesAmongItsBindingsAndAHeadGetsTheBindingsPermissionButNoAdminDuty_OCS_2() {
        registry.put("44040219800101001X", List.of(
                new Binding("committee:7", Role.COMMITTEE, DataScope.committee(70), Set.of("committee:write-own", "account:manage"), "横琴业委会（HEAD）"),
                new Binding("owner:9", Role.OWNER, DataScope.owner(9, Set.of(90L)), Set.of(), "1 house")));
        String token = security.loginExternal(person("u-head", "44040219800101001X"), IP, "junit").token();
        SpmPrincipal p = security.authenticate(token, IP);
        assertEquals(Set.of(Role.OWNER), p.roles(), "an owner binding comes first");
        Map<String, Object> b = security.bindings(p, token);
        assertEquals("owner:9", b.get("active"));
        assertEquals(2, ((List<?>) b.get("bindings")).size());

        security.chooseBinding(p, token, "committee:7", "junit");
        SpmPrincipal head = security.authenticate(token, IP);
        assertEquals(Set.of(Role.COMMITTEE), head.roles());
        assertEquals(Set.of(70L), head.scope().estateIds());
        assertTrue(head.can("committee:write-own"));
        assertTrue(head.can("committee:read"));
        assertFalse(head.can("account:manage"), "a binding never adds an admin duty's permission");

        ApiException unknown = assertThrows(ApiException.class, () -> security.chooseBinding(head, token, "company:1", "junit"));
        assertEquals(404, unknown.status());
        assertEquals("binding.unknown", unknown.code());

        registry.put("44040219800101001X", List.of(new Binding("owner:9", Role.OWNER, DataScope.owner(9, Set.of(90L)), Set.of(), "1 house")));
        security.principals().changedHere();
        assertEquals(Set.of(Role.OWNER), security.authenticate(token, IP).roles(), "the term ended: back to the first binding left");
    }

    @Test
    void aLegalPersonIsMatchedByCreditCodeAndLosesItsCompanyWhenRevoked_COS_1() {
        ExternalIdentity legal = new ExternalIdentity("gd-tyrz", "u-legal", "示例物业", "001", "91440400ma4w3k7b97", null, null, true, 4, "2", Map.of());
        String token = security.loginExternal(legal, IP, "junit").token();
        assertEquals(DataScope.NONE, security.authenticate(token, IP).scope());
        assertTrue(asked.stream().anyMatch(i -> "91440400MA4W3K7B97".equals(i.creditCode()) && i.idNumber() == null));
        registry.put("91440400MA4W3K7B97", List.of(new Binding("company:3", Role.COMPANY, DataScope.company(3), Set.of("company:staff"), "示例物业")));
        security.principals().changedHere();
        SpmPrincipal p = security.authenticate(token, IP);
        assertEquals(3L, p.scope().companyId());
        assertTrue(p.can("company:staff"));
        registry.clear();
        security.principals().changedHere();
        assertEquals(DataScope.NONE, security.authenticate(token, IP).scope());
    }

    @Test
    void theCompanyAdministratorInvitesAndDisablesItsOwnStaffOnly_COS_1() throws Exception {
        ExternalIdentity legal = new ExternalIdentity("gd-tyrz", "u-legal-staff", "好管家物业", "001", "914404007243845910", null, null, true, 4, "2",
                Map.of());
        registry.put("914404007243845910", List.of(new Binding("company:21", Role.COMPANY, DataScope.company(21), Set.of(CompanyStaff.PERMISSION),
                "好管家物业")));
        String token = security.loginExternal(legal, IP, "junit").token();
        SpmPrincipal admin = security.authenticate(token, IP);
        assertTrue(admin.can(CompanyStaff.PERMISSION));

        Map<String, Object> invited = security.inviteStaff(admin, "hgj-clerk", "客服专员", "13800005678", "junit");
        String initial = (String) invited.get("initialPassword");
        assertTrue(security.login("hgj-clerk", initial, null, IP, "junit").limited(), "the staff member changes the initial password first");
        long clerk = (Long) invited.get("id");
        assertEquals(List.of("hgj-clerk"), security.companyStaff(admin).stream().map(m -> m.get("username")).toList());

        // another company's account, the regulator's, the administrator itself: 404
        assertTrue(security.ensureAccount("other-co", "别家物业", Role.COMPANY, "Hengqin@2026x", null, DataScope.company(22)));
        assertTrue(security.ensureAccount("regulator-q", "监管", Role.REGULATOR, "Hengqin@2026x", null, DataScope.ALL));
        for (String other : List.of("other-co", "regulator-q")) {
            assertEquals(404, assertThrows(ApiException.class, () -> security.setStaffStatus(admin, id(other), false, "junit")).status(), other);
        }
        assertEquals(404, assertThrows(ApiException.class, () -> security.setStaffStatus(admin, admin.accountId(), false, "junit")).status());

        security.setStaffStatus(admin, clerk, false, "junit");
        assertEquals("auth.disabled", assertThrows(ApiException.class, () -> security.login("hgj-clerk", initial, null, IP, "junit")).code());
        security.setStaffStatus(admin, clerk, true, "junit");

        // a staff member (no company:staff) and a session not acting as a company are refused
        SpmPrincipal staff = new SpmPrincipal(clerk, "hgj-clerk", Set.of(Role.COMPANY), Set.of("company:read"), DataScope.company(21), false, IP);
        assertEquals("staff.notAdministrator", assertThrows(ApiException.class, () -> security.inviteStaff(staff, "x-clerk", null, null, "junit")).code());
        registry.clear();
        security.principals().changedHere();
        SpmPrincipal revoked = security.authenticate(token, IP);
        assertEquals(403, assertThrows(ApiException.class, () -> security.companyStaff(revoked)).status(), "the company revoked: no administrator");
    }

    @Test
    void governmentStaffSignInOnlyAsTheirLinkedNonAdminStaffAccount_INT_IDP() {
        assertTrue(security.ensureAccount("officer-li", "李科员", Role.OFFICER, "Hengqin@2026x", null, DataScope.ALL));
        assertTrue(security.ensureAccount("sysadmin-wu", "吴管理员", Role.SYSADMIN, "Hengqin@2026x", null, DataScope.NONE));
        assertTrue(security.ensureAccount("owner-zhao", "赵业主", Role.OWNER, "Hengqin@2026x", null, DataScope.NONE));
        security.linkExternal("officer-li", "gd-zwy", "zwy-officer");
        security.linkExternal("officer-li", "gd-zwy", "zwy-officer"); // idempotent
        security.linkExternal("sysadmin-wu", "gd-zwy", "zwy-admin");
        security.linkExternal("owner-zhao", "gd-zwy", "zwy-owner");
        assertEquals("account.externalTaken", assertThrows(ApiException.class, () -> security.linkExternal("owner-zhao", "gd-zwy", "zwy-officer")).code());

        SecurityServiceImpl.LoginResult ok = security.loginExternal(gov("zwy-officer"), IP, "junit");
        assertEquals("officer-li", ok.username());
        SpmPrincipal officer = security.authenticate(ok.token(), IP);
        assertEquals(DataScope.ALL, officer.scope());
        assertEquals(Set.of(Role.OFFICER), officer.roles());

        assertEquals("idp.notLinked", assertThrows(ApiException.class, () -> security.loginExternal(gov("zwy-unbound"), IP, "junit")).code());
        assertEquals("idp.adminNeedsTotp", assertThrows(ApiException.class, () -> security.loginExternal(gov("zwy-admin"), IP, "junit")).code());
        assertEquals("idp.staffOnly", assertThrows(ApiException.class, () -> security.loginExternal(gov("zwy-owner"), IP, "junit")).code());
        assertEquals(403, assertThrows(ApiException.class, () -> security.loginExternal(gov("zwy-unbound"), IP, "junit")).status());
    }

    @Test
    void theSystemAdminLinksStaffAccountsToTheirGovernmentUserIdsOnly_INT_IDP() throws Exception {
        assertTrue(security.ensureAccount("inspector-he", "何检查员", Role.INSPECTOR, "Hengqin@2026x", null, DataScope.ALL));
        assertTrue(security.ensureAccount("owner-link", "业主", Role.OWNER, "Hengqin@2026x", null, DataScope.NONE));
        long inspector = id("inspector-he");
        assertEquals("zwy-inspector-he", security.linkGovernment(sysadmin, inspector, "zwy-inspector-he", "junit").get("userId"));
        assertEquals("inspector-he", security.loginExternal(gov("zwy-inspector-he"), IP, "junit").username());
        assertEquals("idp.staffOnly", assertThrows(ApiException.class, () -> security.linkGovernment(sysadmin, id("owner-link"), "zwy-x", "junit")).code());
        assertTrue(security.ensureAccount("inspector-2", "检查员二", Role.INSPECTOR, "Hengqin@2026x", null, DataScope.ALL));
        assertEquals("account.externalTaken",
                assertThrows(ApiException.class, () -> security.linkGovernment(sysadmin, id("inspector-2"), "zwy-inspector-he", "junit")).code());
        security.linkGovernment(sysadmin, inspector, " ", "junit");
        assertEquals("idp.notLinked", assertThrows(ApiException.class, () -> security.loginExternal(gov("zwy-inspector-he"), IP, "junit")).code(),
                "unlinked: the government login no longer reaches the account");
    }

    static ExternalIdentity gov(String uid) {
        return new ExternalIdentity("gd-zwy", uid, "李科员", null, null, null, null, true, 4, RealNameSignIn.GOVERNMENT_USER_TYPE, Map.of());
    }

    @Test
    void theSystemAdminReadsAndSetsStoredScopesWithinTheRolesAndNeverOnAdminsOrItself_OPS_1() throws Exception {
        assertTrue(security.ensureAccount("co-staff", "物业员工", Role.COMPANY, "Hengqin@2026x", null, DataScope.NONE));
        assertTrue(security.ensureAccount("secadmin-x", "安全管理员", Role.SECADMIN, "Hengqin@2026x", null, DataScope.NONE));
        long staff = id("co-staff");
        String token = security.login("co-staff", "Hengqin@2026x", null, IP, "junit").token();
        assertEquals(DataScope.NONE, security.authenticate(token, IP).scope());

        Map<String, Object> set = security.setScope(sysadmin, staff, DataScope.company(12), "junit");
        assertEquals(12L, ((Map<?, ?>) set.get("stored")).get("companyId"));
        assertEquals(12L, security.authenticate(token, IP).scope().companyId(), "the account's session follows at once");

        ApiException mismatch = assertThrows(ApiException.class, () -> security.setScope(sysadmin, staff, DataScope.ALL, "junit"));
        assertEquals(409, mismatch.status());
        assertEquals("scope.roleMismatch", mismatch.code());
        ApiException admin = assertThrows(ApiException.class, () -> security.setScope(sysadmin, id("secadmin-x"), DataScope.ALL, "junit"));
        assertEquals(403, admin.status());
        SpmPrincipal self = new SpmPrincipal(staff, "co-staff", Set.of(Role.SYSADMIN), Set.of("account:manage"), DataScope.NONE, false, IP);
        assertEquals("sod.ownAccount", assertThrows(ApiException.class, () -> security.setScope(self, staff, DataScope.company(1), "junit")).code());
        assertEquals(12L, security.authenticate(token, IP).scope().companyId(), "refusals changed nothing");

        List<String> audited = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT outcome FROM aud_event WHERE action = 'account.scope' AND object_id = ? ORDER BY seq")) {
            ps.setString(1, Long.toString(staff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    audited.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of("OK", "DENIED", "DENIED"), audited, "the change and the refusals on the account are audited");
        assertEquals(404, assertThrows(ApiException.class, () -> security.scopes(999_999)).status());
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        security.trustedProxies("10.0.0.0/8");
        try {
            assertEquals("203.0.113.5", security.clientAddress("10.1.2.3", "203.0.113.5"));
            assertEquals("203.0.113.5", security.clientAddress("10.1.2.3", "198.51.100.1, 203.0.113.5, 10.0.0.7"),
                    "from the right, skipping trusted proxies; what the client wrote further left is not believed");
            assertEquals("192.0.2.99", security.clientAddress("192.0.2.99", "203.0.113.5"), "a spoofed header from an untrusted address");
            assertEquals("10.1.2.3", security.clientAddress("10.1.2.3", "evil.example, "), "a malformed hop: the proxy's own address");
            assertEquals("10.1.2.3", security.clientAddress("10.1.2.3", null));
            assertEquals("10.1.2.3", security.clientAddress("10.1.2.3", "10.9.9.9"), "only proxies: the connection's address");
            assertEquals("2001:db8::1", security.clientAddress("10.1.2.3", "2001:db8::1"));
            assertThrows(IllegalArgumentException.class, () -> ClientAddress.of(new String[] {"10.0.0.0/8", "not-a-cidr"}));
        } finally {
            security.trustedProxies();
        }
        assertEquals("10.1.2.3", security.clientAddress("10.1.2.3", "203.0.113.5"), "no trusted proxy configured: the header is never believed");
    }

    private long id(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
