package org.smartproperty.adapter.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.identity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.identity.internal.TestSupport.adapter;
import static org.smartproperty.adapter.identity.internal.TestSupport.browse;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.sim.identity.internal.IdpFixtures;
import org.smartproperty.sim.identity.internal.IdpSimulator;

/**
 * INT-IDP end to end over real HTTP: the adapter against the gd-tyrz simulator, the browser's part
 * (login page, link, 302 with code and state) played by an HTTP client that never follows redirects.
 */
class TyrzLoginFlowTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private final List<IdpSimulator> simulators = new ArrayList<>();

    @AfterEach
    void stopSimulators() {
        simulators.forEach(IdpSimulator::stop);
    }

    private IdpSimulator simulator(IdpSimulator.Settings settings) throws Exception {
        IdpSimulator sim = new IdpSimulator(settings).start(0);
        simulators.add(sim);
        return sim;
    }

    private static TyrzIdentityProvider adapterFor(IdpSimulator sim, String prefix) {
        return adapter("baseUrl", sim.baseUri().toString(), "prefix", prefix, "timeoutMs", 3000);
    }

    /** Plays the user: opens the authorization URI, follows the link of {@code uid}, returns the code from the 302. */
    static String loginAs(TyrzIdentityProvider idp, String uid) throws Exception {
        String state = "st:" + uid + " &=?";
        URI authorize = idp.authorizationUri(state, REDIRECT);
        HttpResponse<String> page = browse(authorize);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").contains("UTF-8"));
        URI link = null;
        int links = 0;
        Matcher m = HREF.matcher(page.body());
        while (m.find()) {
            links++;
            URI candidate = authorize.resolve(m.group(1).replace("&amp;", "&"));
            if (uid.equals(TestSupport.query(candidate.getRawQuery()).get("who"))) {
                link = candidate;
            }
        }
        assertEquals(IdpFixtures.all().size(), links, "the login page lists every fixture identity");
        assertNotNull(link, "no link for " + uid);

        HttpResponse<String> redirect = browse(link);
        assertEquals(302, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(REDIRECT.getPath(), location.getPath());
        Map<String, String> q = TestSupport.query(location.getRawQuery());
        assertEquals("gd-tyrz", q.get("provider"), "the redirect URI's own query is kept");
        assertEquals(state, q.get("state"), "state comes back unchanged");
        assertFalse(q.get("code").isBlank());
        return q.get("code");
    }

    @Test
    void macaoResidentLogsInThroughLoginPageCodeAndTokeninfo_INT_IDP_OWN_1() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");
        assertEquals("gd-tyrz", idp.id());

        ExternalIdentity id = idp.exchange(loginAs(idp, IdpFixtures.MACAO), REDIRECT);

        assertEquals("gd-tyrz", id.provider());
        assertEquals(IdpFixtures.MACAO, id.uid());
        assertEquals("何嘉欣", id.name());
        assertEquals("516", id.idType());
        assertEquals("1512034(6)", id.idNumber());
        assertEquals("+85366123456", id.phone());
        assertEquals("ho.kayan@example.mo", id.email());
        assertTrue(id.real());
        assertEquals(4, id.trustLevel());
        assertEquals(IdpFixtures.NATURAL_PERSON, id.userType());
        assertEquals(Map.of("authmethod", "face", "region", "MO", "nationality", "CHN"), id.ext());
    }

    @Test
    void pscpPrefixRunsTheSameFlow_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults().withPrefix("/pscp"));
        TyrzIdentityProvider idp = adapterFor(sim, "/pscp");
        assertTrue(idp.authorizationUri("s", REDIRECT).getPath().startsWith("/pscp/sso/connect/page/oauth2/authorize"));

        ExternalIdentity id = idp.exchange(loginAs(idp, IdpFixtures.MACAO), REDIRECT);

        assertEquals(IdpFixtures.MACAO, id.uid());
        assertEquals("1512034(6)", id.idNumber());
        assertEquals(4, id.trustLevel());
    }

    @Test
    void wrongPrefixShowsAsHttp404_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults().withPrefix("/pscp"));
        TyrzIdentityProvider right = adapterFor(sim, "/pscp");
        String code = loginAs(right, IdpFixtures.MAINLAND);
        TyrzIdentityProvider wrong = adapterFor(sim, "/tif");

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> wrong.exchange(code, REDIRECT));
        assertEquals("http-404", e.errcode());
        assertTrue(e.getMessage().contains("/tif/sso/connect/page/oauth2/access_token"), e.getMessage());
    }

    @Test
    void reusedCodeIsRefusedWithTheProvidersErrcode40029_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");
        String code = loginAs(idp, IdpFixtures.MACAO);
        idp.exchange(code, REDIRECT);

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT));
        assertEquals("40029", e.errcode());
        assertTrue(e.getMessage().contains("invalid code"), e.getMessage());
    }

    @Test
    void codeExchangedWithAnotherRedirectUriIsRefused_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");
        String code = loginAs(idp, IdpFixtures.MAINLAND);

        IdentityProviderException e = assertThrows(IdentityProviderException.class,
                () -> idp.exchange(code, URI.create("http://elsewhere.example/cb")));
        assertEquals("40029", e.errcode());
    }

    @Test
    void stoppedProviderIsErrcodeIo_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");
        String code = loginAs(idp, IdpFixtures.MACAO);
        sim.stop();

        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange(code, REDIRECT));
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("access_token"), e.getMessage());
    }

    @Test
    void unverifiedAccountComesThroughWithRealFalse_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");

        ExternalIdentity id = idp.exchange(loginAs(idp, IdpFixtures.UNVERIFIED), REDIRECT);

        assertEquals(IdpFixtures.UNVERIFIED, id.uid());
        assertFalse(id.real(), "refusing unverified accounts is the platform's decision, not the adapter's");
        assertEquals(3, id.trustLevel());
    }

    @Test
    void lowTrustAccountComesThroughWithTrustLevelOne_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");

        ExternalIdentity id = idp.exchange(loginAs(idp, IdpFixtures.LOW_TRUST), REDIRECT);

        assertEquals(IdpFixtures.LOW_TRUST, id.uid());
        assertEquals(1, id.trustLevel(), "refusing low trust levels is the platform's decision, not the adapter's");
        assertTrue(id.real());
    }

    @Test
    void legalPersonKeepsUserTypeAndUnifiedSocialCreditCode_INT_IDP_COS_1() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");

        ExternalIdentity id = idp.exchange(loginAs(idp, IdpFixtures.LEGAL), REDIRECT);

        assertEquals(IdpFixtures.LEGAL_PERSON, id.userType());
        assertEquals("91440400MA4W3K7B97", id.idNumber());
        assertEquals("珠海横琴示例物业服务有限公司", id.name());
        assertEquals("王建国", id.ext().get("legalrep"));
    }

    static Stream<String> fixtureUids() {
        return IdpFixtures.all().stream().map(IdpFixtures.Fixture::uid);
    }

    /** Booleans and levels sent as strings (the Hong Kong fixture: isreal "1", level "3") read the same as typed ones. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureUids")
    void everyFixtureMapsFieldForField_INT_IDP(String uid) throws Exception {
        IdpFixtures.Fixture f = IdpFixtures.byUid(uid).orElseThrow();
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults());
        TyrzIdentityProvider idp = adapterFor(sim, "/tif");

        ExternalIdentity id = idp.exchange(loginAs(idp, uid), REDIRECT);

        boolean real = f.isreal() instanceof Boolean b ? b : "1".equals(f.isreal()) || "true".equals(f.isreal());
        Map<String, String> ext = new HashMap<>();
        for (String kv : f.extproperties()) {
            ext.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        assertEquals(new ExternalIdentity("gd-tyrz", f.uid(), f.cn(), f.idcardtype(), f.idcardnumber(), f.telephonenumber(),
                f.mail(), real, f.trustLevel(), f.usertype(), ext), id);
    }

    @Test
    void secretIsSentAndAWrongOneIsRefusedWithErrcode40001_INT_IDP() throws Exception {
        IdpSimulator sim = simulator(IdpSimulator.Settings.defaults().withClient("spm-prod", "s3cret"));
        TyrzIdentityProvider wrong = adapter("baseUrl", sim.baseUri().toString(), "clientId", "spm-prod", "clientSecret", "nope");
        IdentityProviderException e = assertThrows(IdentityProviderException.class,
                () -> wrong.exchange(loginAs(wrong, IdpFixtures.MAINLAND), REDIRECT));
        assertEquals("40001", e.errcode());
        assertFalse(e.getMessage().contains("nope"), "the secret never appears in messages");

        TyrzIdentityProvider fromEnv = adapter(Map.of("SPM_IDP_CLIENT_SECRET", "s3cret"),
                "baseUrl", sim.baseUri().toString(), "clientId", "spm-prod", "clientSecret", "nope");
        assertEquals(IdpFixtures.MAINLAND, fromEnv.exchange(loginAs(fromEnv, IdpFixtures.MAINLAND), REDIRECT).uid());
    }
}
