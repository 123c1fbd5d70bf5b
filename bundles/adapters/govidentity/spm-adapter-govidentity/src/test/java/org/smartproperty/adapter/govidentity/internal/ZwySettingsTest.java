package org.smartproperty.adapter.govidentity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.adapter;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.config;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration PID org.smartproperty.adapter.govidentity: defaults, validation, secret handling, authorization URI. */
class ZwySettingsTest {

    @Test
    void defaultsPointAtTheLocalSimulator() {
        ZwySettings s = ZwySettings.resolve(config(), k -> null);
        assertEquals("http://localhost:8186", s.baseUrl());
        assertEquals("http://localhost:8186/connect/oauth2/authorize", s.authorizeUrl());
        assertEquals(3000, s.connectTimeout().toMillis());
        assertEquals(5000, s.requestTimeout().toMillis());
        assertTrue(s.fetchUserDetails());
        assertEquals("http://localhost:8186/cgi-bin/gettoken", s.endpoint(ZwyClient.GETTOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpId", "agentId", "paasId", "corpSecret", "paasToken"})
    void identifiersAndSecretsAreRequired(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config(key, ""), k -> null));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8186", "ftp://host", "http://", "http://host/?q=1", "http://host/#x", "http://user:pw@host", "not a url"})
    void urlsMustBeHttpWithoutQueryOrFragment(String url) {
        assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config("baseUrl", url), k -> null));
        assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config("authorizeUrl", url), k -> null));
    }

    @Test
    void baseUrlLosesTrailingSlashesAndMayHaveAPath() {
        assertEquals("https://gw.example.gov.cn/ebus/zwy", ZwySettings.url(" https://gw.example.gov.cn/ebus/zwy// ", "baseUrl"));
    }

    @Test
    void timeoutsOutsideBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config("connectTimeoutMs", 50), k -> null));
        assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config("requestTimeoutMs", 0), k -> null));
        assertThrows(IllegalArgumentException.class, () -> ZwySettings.resolve(config("requestTimeoutMs", 999_999), k -> null));
    }

    @Test
    void environmentOverridesBothSecretsAndBlankDoesNot() {
        ZwySettings s = ZwySettings.resolve(config("corpSecret", "", "paasToken", ""),
                Map.of("SPM_ZWY_CORP_SECRET", "env-secret", "SPM_ZWY_PAAS_TOKEN", "env-token")::get);
        assertEquals("env-secret", s.corpSecret());
        assertEquals("env-token", s.paasToken());
        ZwySettings kept = ZwySettings.resolve(config("corpSecret", "cfg", "paasToken", "tok"),
                Map.of("SPM_ZWY_CORP_SECRET", " ", "SPM_ZWY_PAAS_TOKEN", "")::get);
        assertEquals("cfg", kept.corpSecret());
        assertEquals("tok", kept.paasToken());
    }

    @Test
    void settingsNeverPrintTheSecrets() {
        String s = ZwySettings.resolve(config("corpSecret", "p@ss-w0rd", "paasToken", "t0k3n"), k -> null).toString();
        assertFalse(s.contains("p@ss-w0rd") || s.contains("t0k3n"), s);
        assertTrue(s.contains("****"), s);
    }

    @Test
    void authorizationUriIsWeComStyleInItsOrderWithWechatRedirectFragment() {
        ZwyIdentityProvider idp = adapter("authorizeUrl", "https://zwy.example.gov.cn/connect/oauth2/authorize/", "corpId", "ww横琴",
                "agentId", "1000002");
        URI uri = idp.authorizationUri("a b&c=d/é", REDIRECT);
        assertEquals("https://zwy.example.gov.cn/connect/oauth2/authorize?appid=ww%E6%A8%AA%E7%90%B4"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8181%2Fapi%2Fv1%2Fauth%2Fcallback%3Fprovider%3Dgd-zwy"
                + "&response_type=code&scope=snsapi_base&state=a%20b%26c%3Dd%2F%C3%A9&agentid=1000002#wechat_redirect", uri.toString());
        assertTrue(idp.authorizationUri(null, REDIRECT).toString().contains("&state=&agentid="));
        assertThrows(NullPointerException.class, () -> idp.authorizationUri("s", null));
    }

    @Test
    void badModificationIsRefusedAndThePreviousSettingsStay() {
        ZwyIdentityProvider idp = adapter("agentId", "1000009");
        assertThrows(IllegalArgumentException.class, () -> idp.configureWith(config("paasId", " "), k -> null, Clock.systemUTC()));
        assertTrue(idp.authorizationUri("s", REDIRECT).toString().contains("agentid=1000009"));
        idp.configureWith(config("agentId", "1000010"), k -> null, Clock.systemUTC());
        assertTrue(idp.authorizationUri("s", REDIRECT).toString().contains("agentid=1000010"));
    }

    @Test
    void unconfiguredProviderSaysSo() {
        ZwyIdentityProvider idp = new ZwyIdentityProvider();
        assertEquals("gd-zwy", idp.id());
        assertThrows(IllegalStateException.class, () -> idp.authorizationUri("s", REDIRECT));
        assertEquals("unavailable", assertThrows(org.smartproperty.platform.security.IdentityProviderException.class,
                () -> idp.exchange("c", REDIRECT)).errcode());
    }

    @Test
    void signatureIsLowercaseSha256HexOfTimestampTokenNonceTimestamp() {
        // sha256("1700000000" + "tok" + "abc" + "1700000000"), computed independently (sha256sum)
        assertEquals("8b20958863686f68063a11108bbf74dfceae3eb37ff93e687018b01cbd73b78d", ZwyClient.signature("1700000000", "tok", "abc"));
    }
}
