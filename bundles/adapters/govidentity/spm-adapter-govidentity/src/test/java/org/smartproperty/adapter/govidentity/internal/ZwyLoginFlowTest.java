package org.smartproperty.adapter.govidentity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.adapter;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.browse;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.sim.govidentity.internal.ZwyFixtures;
import org.smartproperty.sim.govidentity.internal.ZwySimulator;

/**
 * Issue 12 item 6 end to end over real HTTP: the adapter against the 粤政易 simulator, which checks
 * every x-tif-* signature; the browser's part (authorize page, link, 302 with code and state)
 * played by an HTTP client that never follows redirects.
 */
class ZwyLoginFlowTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private final List<ZwySimulator> simulators = new ArrayList<>();
    private final TestSupport.TestClock clock = new TestSupport.TestClock(Instant.now());

    @AfterEach
    void stopSimulators() {
        simulators.forEach(ZwySimulator::stop);
    }

    private ZwySimulator simulator(ZwySimulator.Settings settings) throws Exception {
        ZwySimulator sim = new ZwySimulator(settings).start(0);
        simulators.add(sim);
        return sim;
    }

    /** Simulator and adapter on the same test clock. */
    private ZwySimulator simulator() throws Exception {
        return simulator(ZwySimulator.Settings.defaults().withClock(clock));
    }

    private ZwyIdentityProvider adapterFor(ZwySimulator sim, Object... more) {
        return adapterFor(sim, Map.of(), clock, more);
    }

    private static ZwyIdentityProvider adapterFor(ZwySimulator sim, Map<String, String> env, Clock clock, Object... more) {
        Object[] nv = new Object[6 + more.length];
        nv[0] = "baseUrl";
        nv[1] = sim.baseUri().toString();
        nv[2] = "authorizeUrl";
        nv[3] = sim.authorizeUri().toString();
        nv[4] = "requestTimeoutMs";
        nv[5] = 3000;
        System.arraycopy(more, 0, nv, 6, more.length);
        return adapter(env, clock, nv);
    }

    /** Plays the user: opens the authorization URI, follows the link of {@code userid}, returns the code from the 302. */
    static String loginAs(ZwyIdentityProvider idp, String userid) throws Exception {
        String state = "st:" + userid + " &=?";
        URI authorize = idp.authorizationUri(state, REDIRECT);
        assertEquals("wechat_redirect", authorize.getFragment());
        // a browser never sends the fragment
        HttpResponse<String> page = browse(URI.create(authorize.toString().substring(0, authorize.toString().indexOf('#'))));
        assertEquals(200, page.statusCode(), page.body());
        String href = null;
        Matcher m = HREF.matcher(page.body());
        while (m.find()) {
            String h = m.group(1).replace("&amp;", "&");
            if (h.contains("who=" + userid + "&")) {
                href = h;
            }
        }
        assertTrue(href != null, "authorize page links " + userid);
        HttpResponse<String> redirect = browse(authorize.resolve(href));
        assertEquals(302, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> q = TestSupport.query(location.getRawQuery());
        assertEquals(state, q.get("state"));
        assertEquals("gd-zwy", q.get("provider"), "the redirect URI's own query is kept");
        return q.get("code");
    }

    @Test
    void regulatorLogsInThroughAuthorizePageCodeGetuserinfoAndUserGet() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        assertEquals("gd-zwy", idp.id());

        ExternalIdentity id = idp.exchange(loginAs(idp, ZwyFixtures.REGULATOR), REDIRECT);

        assertEquals("gd-zwy", id.provider());
        assertEquals(ZwyFixtures.REGULATOR, id.uid());
        assertEquals("梁振华", id.name());
        assertEquals("13926900001", id.phone());
        assertEquals("liang.zhenhua@example.gov.cn", id.email());
        assertTrue(id.real());
        assertEquals(4, id.trustLevel());
        assertEquals("GOV", id.userType());
        assertNull(id.idType());
        assertNull(id.idNumber());
        assertEquals(String.valueOf(ZwyFixtures.DEPT_SUPERVISION), id.ext().get("department"));
        assertEquals("物业监管科科长", id.ext().get("position"));
        assertTrue(id.ext().get("deviceId").startsWith("sim-"));
        assertEquals(0, sim.refusedByGateway(), "every call was signed right");
    }

    static Stream<String> staffUserids() {
        return ZwyFixtures.all().stream().map(ZwyFixtures.StaffUser::userid);
    }

    /** zwy-unbound too: refusing a user without a platform account is the platform's decision, not the adapter's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("staffUserids")
    void everyStaffUserMapsFieldForField(String userid) throws Exception {
        ZwyFixtures.StaffUser u = ZwyFixtures.byUserid(userid).orElseThrow();
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);

        ExternalIdentity id = idp.exchange(loginAs(idp, userid), REDIRECT);

        assertEquals(new ExternalIdentity("gd-zwy", userid, u.name(), null, null, u.mobile(), u.email(), true, 4, "GOV",
                Map.of("deviceId", id.ext().get("deviceId"), "position", u.position(), "department",
                        String.valueOf(u.department().get(0)))), id);
    }

    @Test
    void withoutUserDetailsOnlyTheUseridComesBack() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, "fetchUserDetails", false);

        ExternalIdentity id = idp.exchange(loginAs(idp, ZwyFixtures.INSPECTOR), REDIRECT);

        assertEquals(ZwyFixtures.INSPECTOR, id.uid());
        assertNull(id.name());
        assertNull(id.phone());
        assertEquals("GOV", id.userType());
    }

    @Test
    void accessTokenIsFetchedOnceForManyLogins() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        for (String u : List.of(ZwyFixtures.REGULATOR, ZwyFixtures.OFFICER, ZwyFixtures.INSPECTOR, ZwyFixtures.REGULATOR)) {
            assertEquals(u, idp.exchange(loginAs(idp, u), REDIRECT).uid());
        }
        assertEquals(1, sim.gettokenCalls());
    }

    @Test
    void concurrentLoginsShareOneAccessToken() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(loginAs(idp, ZwyFixtures.OFFICER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExternalIdentity>> calls = codes.stream()
                    .<Callable<ExternalIdentity>>map(c -> () -> idp.exchange(c, REDIRECT)).toList();
            for (Future<ExternalIdentity> f : pool.invokeAll(calls)) {
                assertEquals(ZwyFixtures.OFFICER, f.get().uid());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sim.gettokenCalls());
    }

    @Test
    void accessTokenIsRenewedShortlyBeforeItExpires() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        clock.advance(Duration.ofSeconds(7200 - 301));
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        assertEquals(1, sim.gettokenCalls(), "still more than 5 minutes left");
        clock.advance(Duration.ofSeconds(2));
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        assertEquals(2, sim.gettokenCalls(), "renewed within the last 5 minutes");
    }

    @Test
    void revokedAccessTokenIsReplacedOnceOn40014AndTheLoginSucceeds() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        sim.revokeAccessTokens();

        ExternalIdentity id = idp.exchange(loginAs(idp, ZwyFixtures.REGULATOR), REDIRECT);

        assertEquals(ZwyFixtures.REGULATOR, id.uid());
        assertEquals("梁振华", id.name());
        assertEquals(2, sim.gettokenCalls());
    }

    @Test
    void tokenExpiredAtTheProviderIsReplacedOn42001() throws Exception {
        // the provider's clock runs 299 s behind ours at first and 2 s ahead later (both within the gateway's window),
        // so the token ends at the provider while the adapter still believes it has 1 s before its renewal
        TestSupport.TestClock provider = new TestSupport.TestClock(clock.instant().minusSeconds(299));
        ZwySimulator sim = simulator(ZwySimulator.Settings.defaults().withTokenTtlSeconds(3000).withClock(provider));
        ZwyIdentityProvider idp = adapterFor(sim);
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        // adapter: a 3000 s token is renewed 300 s before its end, i.e. after 2700 s; provider: it ends after 3000 s
        clock.advance(Duration.ofSeconds(2699));
        provider.advance(Duration.ofSeconds(3000));

        ExternalIdentity id = idp.exchange(loginAs(idp, ZwyFixtures.INSPECTOR), REDIRECT);

        assertEquals(ZwyFixtures.INSPECTOR, id.uid());
        assertEquals(2, sim.gettokenCalls(), "42001 dropped the cached token and the call was repeated with a new one");
    }

    @Test
    void wrongPaasTokenIsRefusedByTheGatewayWith10010AndNeverShown() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, "paasToken", "not-the-paas-token");
        String code = loginAs(idp, ZwyFixtures.REGULATOR);

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT));

        assertEquals("10010", e.errcode());
        assertTrue(e.getMessage().contains("x-tif-signature invalid") && e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-paas-token"), e.getMessage());
        assertEquals(0, sim.gettokenCalls());
    }

    @Test
    void unknownPaasidIsRefusedWith10012() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, "paasId", "someone-else");
        String code = loginAs(idp, ZwyFixtures.REGULATOR);
        assertEquals("10012", assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT)).errcode());
    }

    @Test
    void clockSkewBeyondFiveMinutesIsRefusedWith10011() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, Map.of(), new TestSupport.TestClock(clock.instant().minusSeconds(301)));
        String code = loginAs(idp, ZwyFixtures.REGULATOR);
        assertEquals("10011", assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT)).errcode());
    }

    @Test
    void wrongCorpSecretIsRefusedWith40001AndNeverShown() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, "corpSecret", "wrong-secret-1");
        String code = loginAs(idp, ZwyFixtures.REGULATOR);

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT));

        assertEquals("40001", e.errcode());
        assertTrue(e.getMessage().contains("gettoken"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-1"), e.getMessage());
    }

    @Test
    void secretsFromTheEnvironmentOverrideTheConfiguration() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim, Map.of("SPM_ZWY_CORP_SECRET", "spm-dev-corp-secret",
                "SPM_ZWY_PAAS_TOKEN", "spm-dev-paas-token"), clock, "corpSecret", "cfg-secret", "paasToken", "cfg-token");
        assertEquals(ZwyFixtures.OFFICER, idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT).uid());
    }

    @Test
    void unknownOrReusedCodeIsRefusedWith40029() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange("made-up-code", REDIRECT));
        assertEquals("40029", e.errcode());
        assertFalse(e.getMessage().contains("made-up-code"), "no query in messages: " + e.getMessage());

        String code = loginAs(idp, ZwyFixtures.OFFICER);
        idp.exchange(code, REDIRECT);
        assertEquals("40029", assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT)).errcode());
    }

    @Test
    void codeOlderThanFiveMinutesIsRefusedWith40029() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        String code = loginAs(idp, ZwyFixtures.OFFICER);
        clock.advance(Duration.ofMinutes(5));
        assertEquals("40029", assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT)).errcode());
    }

    @Test
    void blankCodeIsRefusedWithoutCallingTheProvider() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        assertEquals("invalid-request", assertThrows(IdentityProviderException.class, () -> idp.exchange(" ", REDIRECT)).errcode());
        assertEquals("invalid-request", assertThrows(IdentityProviderException.class, () -> idp.exchange(null, REDIRECT)).errcode());
        assertEquals(0, sim.gettokenCalls());
    }

    @Test
    void stoppedProviderIsErrcodeIo() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        String code = loginAs(idp, ZwyFixtures.OFFICER);
        sim.stop();

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT));
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("/cgi-bin/gettoken"), e.getMessage());
    }

    @Test
    void aConfigurationChangeStartsANewTokenCache() throws Exception {
        ZwySimulator sim = simulator();
        ZwyIdentityProvider idp = adapterFor(sim);
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        idp.configureWith(TestSupport.config("baseUrl", sim.baseUri().toString(), "authorizeUrl", sim.authorizeUri().toString(),
                "requestTimeoutMs", 2000), k -> null, clock);
        idp.exchange(loginAs(idp, ZwyFixtures.OFFICER), REDIRECT);
        assertEquals(2, sim.gettokenCalls());
    }
}
