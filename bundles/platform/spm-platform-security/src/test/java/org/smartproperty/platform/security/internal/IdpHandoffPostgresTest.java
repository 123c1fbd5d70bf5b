package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProvider;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 13 item 2 (INT-IDP, OWN-1): the real-name login of the browser apps. {@code authorize?returnTo} keeps a page of the
 * platform with the one-time state; the callback answers 303 to it with a one-time handoff code, or with the problem
 * code as {@code idpError}; {@code POST /auth/idp/handoff} redeems the code once, within 60 s, for the login answer.
 * Without returnTo the callback still answers the JSON. On a real PostgreSQL schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdpHandoffPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String IP = "198.51.100.9";
    static final URI BASE = URI.create("https://wuye.example.gov.cn");

    SecurityServiceImpl security;
    IdpLoginResource resource;

    /** A provider whose codes are the uids of government-side identities; "broken" makes it fail as a provider does. */
    static final class FakeProvider implements IdentityProvider {
        private final String id;

        FakeProvider(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public URI authorizationUri(String state, URI redirectUri) {
            return URI.create("http://127.0.0.1:8186/connect/oauth2/authorize?state=" + state + "&redirect_uri=" + redirectUri);
        }

        @Override
        public ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException {
            if ("broken".equals(code)) {
                throw new IdentityProviderException("40029", "invalid code", null);
            }
            return "gd-zwy".equals(id) ? AccountBindingsPostgresTest.gov(code) : AccountBindingsPostgresTest.person(code, "440402199003071232");
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        ContributedGrants.seed(db.dataSource(), ContributedGrants.own(), Instant.now());
        security = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS);
        assertTrue(security.ensureAccount("officer-handoff", "李科员", Role.OFFICER, "Hengqin@2026x", null, DataScope.ALL));
        security.linkExternal("officer-handoff", "gd-zwy", "zwy-officer");
        resource = new IdpLoginResource(security, List.of(new FakeProvider("gd-zwy"), new FakeProvider("gd-tyrz")), BASE);
    }

    /** The state of the provider's login URL that authorize answered. */
    static String state(Map<String, String> authorized) {
        String url = authorized.get("url");
        int at = url.indexOf("state=") + "state=".length();
        String state = url.substring(at, url.indexOf('&', at));
        assertEquals(authorized.get("state"), state);
        return state;
    }

    static String location(IdpLoginResource.CallbackAnswer a) {
        assertNull(a.login(), "a login started with returnTo answers no JSON");
        return a.location();
    }

    static String param(String location, String name) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void returnToIsARelativePathOfThePlatformOnly_INT_IDP() {
        for (String ok : List.of("/console/login", "/login", "/console/login?redirect=/estates", "/a-b_c.d~e")) {
            assertEquals(ok, IdpLoginResource.returnTo(ok));
        }
        assertNull(IdpLoginResource.returnTo(null), "returnTo is optional");
        for (String bad : List.of("", "login", "//evil.example/login", "https://evil.example/", "javascript:alert(1)", "/console/../x",
                "/a\\b", "\\\\evil.example", "/a//b", "/a#b", "/%2e%2e/x", "/%2F%2Fevil.example", "/a%5cb", "/a b", "/a\nLocation: x",
                "/\u767b\u5f55", "/" + "a".repeat(200))) {
            ApiException e = assertThrows(ApiException.class, () -> IdpLoginResource.returnTo(bad), bad);
            assertEquals(400, e.status());
            assertEquals("returnTo", e.errors().get(0).field(), bad);
            assertEquals("idp.returnTo", e.errors().get(0).code(), bad);
        }
        assertEquals("/" + "a".repeat(199), IdpLoginResource.returnTo("/" + "a".repeat(199)), "200 characters are allowed");
        ApiException e = assertThrows(ApiException.class, () -> resource.authorize("gd-zwy", "https://evil.example/"));
        assertEquals("idp.returnTo", IdpLoginResource.problemCode(e));
        assertEquals("idp.unknown", assertThrows(ApiException.class, () -> resource.authorize("gd-nobody", "/login")).code(),
                "an unknown provider is still the 404");
    }

    @Test
    void theCallbackOfALoginWithReturnToGoesBackWithAHandoffCodeRedeemedOnceForTheLoginAnswer_INT_IDP() throws Exception {
        String state = state(resource.authorize("gd-zwy", "/console/login"));
        String location = location(resource.answer("gd-zwy", "zwy-officer", state, "junit"));
        assertTrue(location.startsWith(BASE + "/console/login?handoff="), location);
        assertFalse(location.contains("token"), "no token in any URL: " + location);
        String code = param(location, "handoff");
        assertEquals(43, code.length(), "32 random bytes, base64url");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code_hash, sealed_token FROM sec_idp_handoff")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertFalse(rs.getString(1).contains(code) || rs.getString(2).contains(code), "the code itself is not stored");
            }
            assertTrue(rows > 0);
        }

        SecurityServiceImpl.LoginResult r = resource.handoff(new IdpLoginResource.HandoffInput(code), "junit");
        assertEquals("officer-handoff", r.username());
        assertEquals(Set.of(Role.OFFICER), r.roles());
        assertFalse(r.limited());
        SpmPrincipal p = security.authenticate(r.token(), IP);
        assertEquals("officer-handoff", p.username(), "the handed-off token is the session of the login");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, outcome FROM aud_event WHERE actor = 'officer-handoff' ORDER BY seq DESC LIMIT 2")) {
            StringBuilder audit = new StringBuilder();
            while (rs.next()) {
                audit.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
            }
            assertEquals("login.handoff:OK login.idp:OK", audit.toString().trim(), "audited as the login, then the handoff");
        }

        ApiException again = assertThrows(ApiException.class, () -> resource.handoff(new IdpLoginResource.HandoffInput(code), "junit"));
        assertEquals(400, again.status());
        assertEquals("code", again.errors().get(0).field());
        assertEquals("idp.handoff", again.errors().get(0).code(), "a code is good once");
        assertEquals("idp.handoff", IdpLoginResource.problemCode(assertThrows(ApiException.class,
                () -> resource.handoff(new IdpLoginResource.HandoffInput("never-issued"), "junit"))));
        assertEquals("field.required", assertThrows(ApiException.class, () -> resource.handoff(new IdpLoginResource.HandoffInput(" "), "junit"))
                .errors().get(0).code());
        assertEquals("idp.handoff", IdpLoginResource.problemCode(assertThrows(ApiException.class,
                () -> resource.handoff(new IdpLoginResource.HandoffInput("x".repeat(65)), "junit"))));
    }

    @Test
    void theStoredTokenIsSealedWithAKeyOnlyTheCodeGives_INT_IDP() {
        String sealed = RealNameSignIn.seal("code-a", "the-session-token");
        assertFalse(sealed.contains("the-session-token"));
        assertEquals("the-session-token", RealNameSignIn.unseal("code-a", sealed));
        assertThrows(IllegalStateException.class, () -> RealNameSignIn.unseal("code-b", sealed), "another code opens nothing");
        assertFalse(sealed.equals(RealNameSignIn.seal("code-a", "the-session-token")), "a fresh nonce each time");
    }

    @Test
    void aHandoffCodeExpiresAfter60Seconds_INT_IDP() {
        SecurityServiceImpl own = new SecurityServiceImpl(db.dataSource(), new AuditTrailImpl(db.dataSource()), SecurityPolicy.DEFAULTS);
        Instant t0 = Instant.parse("2026-03-02T02:00:00Z");
        own.clock(Clock.fixed(t0, ZoneOffset.UTC));
        SecurityServiceImpl.LoginResult login = new SecurityServiceImpl.LoginResult("the-token", t0.plus(Duration.ofHours(8)), false, false, false,
                "someone", Set.of(Role.OWNER));
        String late = own.newHandoff(login);
        String inTime = own.newHandoff(login);
        own.clock(Clock.fixed(t0.plus(RealNameSignIn.HANDOFF_TTL), ZoneOffset.UTC));
        assertEquals("the-token", own.redeemHandoff(inTime, IP, "junit").token(), "still good at 60 s");
        own.clock(Clock.fixed(t0.plus(RealNameSignIn.HANDOFF_TTL).plusSeconds(1), ZoneOffset.UTC));
        ApiException e = assertThrows(ApiException.class, () -> own.redeemHandoff(late, IP, "junit"));
        assertEquals("idp.handoff", e.errors().get(0).code(), "gone after 60 s");
        own.clock(Clock.fixed(t0, ZoneOffset.UTC));
        assertEquals("idp.handoff", assertThrows(ApiException.class, () -> own.redeemHandoff(late, IP, "junit")).errors().get(0).code(),
                "an expired code is deleted, not kept for a clock that goes back");
    }

    @Test
    void aRefusedLoginWithReturnToGoesBackWithTheProblemCode_INT_IDP() throws Exception {
        // the government side's refusals (issue 12 item 6)
        int deniedBefore = deniedUnbound();
        String unbound = state(resource.authorize("gd-zwy", "/console/login"));
        assertEquals(BASE + "/console/login?idpError=idp.notLinked", location(resource.answer("gd-zwy", "zwy-unbound", unbound, "junit")));
        // the provider's error
        String broken = state(resource.authorize("gd-tyrz", "/login?redirect=/me/houses"));
        assertEquals(BASE + "/login?redirect=/me/houses&idpError=idp.failed", location(resource.answer("gd-tyrz", "broken", broken, "junit")));
        // an expired state whose page is known
        String expired = state(resource.authorize("gd-zwy", "/console/login"));
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE sec_idp_state SET created_at = ? WHERE state = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))));
            ps.setString(2, expired);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(BASE + "/console/login?idpError=idp.state", location(resource.answer("gd-zwy", "zwy-officer", expired, "junit")));
        // a used state is unknown: no page to go back to, the JSON problem as before
        ApiException used = assertThrows(ApiException.class, () -> resource.answer("gd-zwy", "zwy-officer", unbound, "junit"));
        assertEquals(400, used.status());
        assertEquals("idp.state", used.errors().get(0).code());
        assertEquals(deniedBefore + 1, deniedUnbound(), "the refusal is audited as before");
    }

    private int deniedUnbound() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM aud_event WHERE action = 'login.idp' AND outcome = 'DENIED' AND actor = 'gd-zwy:zwy-unbound'")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void withoutReturnToTheCallbackAnswersTheLoginJsonAsBefore_INT_IDP() {
        String state = state(resource.authorize("gd-zwy", null));
        IdpLoginResource.CallbackAnswer r = resource.answer("gd-zwy", "zwy-officer", state, "junit");
        assertNull(r.location());
        SecurityServiceImpl.LoginResult login = r.login();
        assertEquals("officer-handoff", login.username());
        assertEquals("officer-handoff", security.authenticate(login.token(), IP).username());
        String refused = state(resource.authorize("gd-zwy", null));
        assertEquals("idp.notLinked", assertThrows(ApiException.class, () -> resource.answer("gd-zwy", "zwy-unbound", refused, "junit")).code(),
                "a refusal without returnTo is the JSON problem");
    }
}
