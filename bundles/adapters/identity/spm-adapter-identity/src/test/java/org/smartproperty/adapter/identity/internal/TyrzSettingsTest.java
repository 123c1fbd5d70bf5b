package org.smartproperty.adapter.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.identity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.identity.internal.TestSupport.adapter;
import static org.smartproperty.adapter.identity.internal.TestSupport.config;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** INT-IDP configuration (PID org.smartproperty.adapter.identity): defaults, validation, secret handling, authorization URI. */
class TyrzSettingsTest {

    @Test
    void defaultsPointAtTheLocalSimulator_INT_IDP() {
        TyrzSettings s = TyrzSettings.resolve(config(), Map.<String, String>of()::get);
        assertEquals("http://localhost:8182", s.baseUrl());
        assertEquals("/tif", s.prefix());
        assertEquals("spm-dev", s.clientId());
        assertEquals("", s.clientSecret());
        assertEquals(5000, s.timeout().toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tif", "/pscp", "/pscp/", "/gateway/tif", " /tif "})
    void prefixIsTifPscpOrAnyPathStartingWithSlash_INT_IDP(String prefix) {
        String p = TyrzSettings.prefix(prefix);
        assertTrue(p.startsWith("/") && !p.endsWith("/"), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tif", "", " ", "pscp/", "/a b", "/tif?x=1", "/tif#x", "//evil.example/tif", "/t%69f"})
    void otherPrefixesAreRefused_INT_IDP(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> TyrzSettings.prefix(prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8182", "ftp://host", "http://", "http://host/?q=1", "http://user:pw@host", "not a url"})
    void baseUrlMustBeAnHttpUrl_INT_IDP(String baseUrl) {
        assertThrows(IllegalArgumentException.class, () -> TyrzSettings.baseUrl(baseUrl));
    }

    @Test
    void baseUrlLosesTrailingSlashesAndMayHaveAPath_INT_IDP() {
        assertEquals("https://tyrz.example.gov.cn", TyrzSettings.baseUrl("https://tyrz.example.gov.cn/"));
        assertEquals("https://gw.example/idp", TyrzSettings.baseUrl(" https://gw.example/idp// "));
    }

    @Test
    void timeoutOutsideBoundsIsRefused_INT_IDP() {
        assertThrows(IllegalArgumentException.class, () -> TyrzSettings.resolve(config("timeoutMs", 0), k -> null));
        assertThrows(IllegalArgumentException.class, () -> TyrzSettings.resolve(config("timeoutMs", 999_999), k -> null));
    }

    @Test
    void environmentSecretOverridesTheConfiguredOneAndBlankDoesNot_INT_IDP() {
        assertEquals("from-env", TyrzSettings.resolve(config("clientSecret", "cfg"),
                Map.of("SPM_IDP_CLIENT_SECRET", "from-env")::get).clientSecret());
        assertEquals("cfg", TyrzSettings.resolve(config("clientSecret", "cfg"),
                Map.of("SPM_IDP_CLIENT_SECRET", " ")::get).clientSecret());
    }

    @Test
    void settingsNeverPrintTheSecret_INT_IDP() {
        String s = TyrzSettings.resolve(config("clientSecret", "p@ss-w0rd"), k -> null).toString();
        assertFalse(s.contains("p@ss-w0rd"), s);
        assertTrue(s.contains("****"), s);
    }

    @Test
    void authorizationUriCarriesTheDocumentedParametersEncoded_INT_IDP() {
        TyrzIdentityProvider idp = adapter("baseUrl", "https://tyrz.example.gov.cn/", "prefix", "/pscp", "clientId", "spm 横琴");
        URI uri = idp.authorizationUri("a b&c=d/é", REDIRECT);
        assertEquals("https://tyrz.example.gov.cn/pscp/sso/connect/page/oauth2/authorize?service=initService&response_type=code"
                + "&client_id=spm%20%E6%A8%AA%E7%90%B4&scope=all"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8181%2Fapi%2Fv1%2Fauth%2Fcallback%3Fprovider%3Dgd-tyrz"
                + "&state=a%20b%26c%3Dd%2F%C3%A9", uri.toString());
        assertFalse(idp.authorizationUri(null, REDIRECT).toString().contains("state="));
    }

    @Test
    void badModificationIsRefusedAndThePreviousSettingsStay_INT_IDP() {
        TyrzIdentityProvider idp = adapter("prefix", "/pscp");
        assertThrows(IllegalArgumentException.class, () -> idp.configureWith(config("prefix", "pscp"), k -> null));
        assertTrue(idp.authorizationUri("s", REDIRECT).getPath().startsWith("/pscp/"));
        idp.configureWith(config("prefix", "/tif"), k -> null);
        assertTrue(idp.authorizationUri("s", REDIRECT).getPath().startsWith("/tif/"));
    }
}
