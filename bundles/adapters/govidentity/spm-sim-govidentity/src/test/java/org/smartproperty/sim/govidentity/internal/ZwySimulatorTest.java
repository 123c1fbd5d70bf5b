package org.smartproperty.sim.govidentity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 12 item 6: the 粤政易 simulator — gateway signature checks, WeCom-style API, authorize page, fixtures. */
class ZwySimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://localhost:8181/api/v1/auth/callback?provider=gd-zwy";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    private ZwySimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private ZwySimulator start(ZwySimulator.Settings s) throws IOException {
        sim = new ZwySimulator(s.withClock(clock)).start(0);
        return sim;
    }

    // ------------------------------------------------------------------ fixtures

    @Test
    void fixturesAreTheFourStaffUsersWithChineseNamesAndDistinctIds() {
        List<ZwyFixtures.StaffUser> all = ZwyFixtures.all();
        assertEquals(List.of("zwy-regulator", "zwy-officer", "zwy-inspector", "zwy-unbound"),
                all.stream().map(ZwyFixtures.StaffUser::userid).toList());
        assertTrue(all.stream().allMatch(u -> u.name().codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)), "names in Chinese");
        assertTrue(all.stream().allMatch(u -> u.mobile().matches("1\\d{10}")));
        assertEquals("REGULATOR", ZwyFixtures.byUserid(ZwyFixtures.REGULATOR).orElseThrow().platformRole());
        assertEquals("OFFICER", ZwyFixtures.byUserid(ZwyFixtures.OFFICER).orElseThrow().platformRole());
        assertEquals("INSPECTOR", ZwyFixtures.byUserid(ZwyFixtures.INSPECTOR).orElseThrow().platformRole());
        assertNull(ZwyFixtures.byUserid(ZwyFixtures.UNBOUND).orElseThrow().platformRole());
    }

    // ------------------------------------------------------------------ browser side

    @Test
    void authorizePageIsChineseUtf8AndLinksEveryStaffUser() throws Exception {
        start(ZwySimulator.Settings.defaults());
        HttpResponse<String> page = get(authorize("spm-dev-corp", "1000001", REDIRECT, "s1"));
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<html lang=\"zh-CN\">"));
        assertTrue(page.body().contains("粤政易"));
        for (ZwyFixtures.StaffUser u : ZwyFixtures.all()) {
            assertTrue(page.body().contains("who=" + u.userid() + "&amp;"), u.userid());
            assertTrue(page.body().contains(u.name()), u.name());
        }
    }

    @Test
    void authorizeWithUnknownAppidAgentidScopeOrBadRedirectIsRefused() throws Exception {
        start(ZwySimulator.Settings.defaults());
        assertEquals(400, get(authorize("other-corp", "1000001", REDIRECT, "s")).statusCode());
        assertEquals(400, get(authorize("spm-dev-corp", "999", REDIRECT, "s")).statusCode());
        assertEquals(400, get(authorize("spm-dev-corp", "1000001", "/relative", "s")).statusCode());
        assertEquals(400, get(authorize("spm-dev-corp", "1000001", REDIRECT + "#frag", "s")).statusCode());
        assertEquals(400, get(authorize("spm-dev-corp", "1000001", REDIRECT, "s").replace("snsapi_base", "snsapi_userinfo"))
                .statusCode());
    }

    @Test
    void loginRedirectsWithCodeAndStateKeepingTheRedirectQuery() throws Exception {
        start(ZwySimulator.Settings.defaults());
        HttpResponse<String> r = get(login(ZwyFixtures.OFFICER, "st/ate 1"));
        assertEquals(302, r.statusCode());
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT + "&code="), location.toString());
        Map<String, String> q = ZwySimulator.query(location.getRawQuery());
        assertEquals("st/ate 1", q.get("state"));
        assertEquals("gd-zwy", q.get("provider"));
        assertEquals(404, get(login("nobody", "s")).statusCode());
    }

    // ------------------------------------------------------------------ API through the gateway

    @Test
    void fullFlowGettokenGetuserinfoUserGet() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String code = code(ZwyFixtures.REGULATOR);

        JsonNode token = ok(signed("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=spm-dev-corp-secret"));
        assertEquals("ok", token.path("errmsg").asText());
        assertEquals(7200, token.path("expires_in").asInt());
        String at = token.path("access_token").asText();

        JsonNode info = ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + code));
        assertEquals(ZwyFixtures.REGULATOR, info.path("UserId").asText());
        assertFalse(info.path("DeviceId").asText().isBlank());

        JsonNode user = ok(signed("/cgi-bin/user/get?access_token=" + at + "&userid=" + ZwyFixtures.REGULATOR));
        assertEquals("梁振华", user.path("name").asText());
        assertEquals("13926900001", user.path("mobile").asText());
        assertEquals(ZwyFixtures.DEPT_SUPERVISION, user.path("department").get(0).asInt());
        assertEquals(1, sim.gettokenCalls());
    }

    @Test
    void codeIsSingleUseAndExpiresAfterFiveMinutes() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String at = accessToken();
        String used = code(ZwyFixtures.OFFICER);
        ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + used));
        assertEquals(40029, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + used)).path("errcode").asInt());

        String fresh = code(ZwyFixtures.OFFICER);
        String stale = code(ZwyFixtures.OFFICER);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        at = accessToken();
        assertEquals(ZwyFixtures.OFFICER, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + fresh))
                .path("UserId").asText());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(40029, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + stale)).path("errcode").asInt());
        assertEquals(41008, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at)).path("errcode").asInt());
    }

    @Test
    void wrongCorpOrSecretIsRefusedWithWeComCodesAsHttp200() throws Exception {
        start(ZwySimulator.Settings.defaults());
        HttpResponse<String> r = signed("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=nope");
        assertEquals(200, r.statusCode(), "WeCom refusals are HTTP 200 with errcode");
        assertEquals(40001, JSON.readTree(r.body()).path("errcode").asInt());
        assertEquals(40013, ok(signed("/cgi-bin/gettoken?corpid=other&corpsecret=spm-dev-corp-secret")).path("errcode").asInt());
        assertEquals(41002, ok(signed("/cgi-bin/gettoken?corpsecret=x")).path("errcode").asInt());
        assertEquals(41004, ok(signed("/cgi-bin/gettoken?corpid=spm-dev-corp")).path("errcode").asInt());
        assertEquals(0, sim.gettokenCalls());
    }

    @Test
    void emptyConfiguredSecretAcceptsAny() throws Exception {
        start(ZwySimulator.Settings.defaults().withCorp("spm-dev-corp", ""));
        assertFalse(accessToken("whatever").isBlank());
    }

    @Test
    void expiredTokenAnswers42001RevokedOrUnknown40014MissingOne41001AndTheCodeIsNotSpent() throws Exception {
        start(ZwySimulator.Settings.defaults().withTokenTtlSeconds(120));
        String at = accessToken();
        String code = code(ZwyFixtures.INSPECTOR); // valid 5 minutes, longer than the token
        clock.advance(Duration.ofSeconds(120));
        assertEquals(42001, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + code)).path("errcode").asInt());
        assertEquals(40014, ok(signed("/cgi-bin/user/getuserinfo?access_token=nope&code=" + code)).path("errcode").asInt());
        assertEquals(41001, ok(signed("/cgi-bin/user/getuserinfo?code=" + code)).path("errcode").asInt());
        String fresh = accessToken();
        sim.revokeAccessTokens();
        assertEquals(40014, ok(signed("/cgi-bin/user/get?access_token=" + fresh + "&userid=zwy-officer")).path("errcode").asInt());
        String again = accessToken();
        assertEquals(ZwyFixtures.INSPECTOR, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + again + "&code=" + code))
                .path("UserId").asText(), "a refusal for the token does not spend the code");
    }

    @Test
    void unknownUseridAnswers60111AndMissingOne41009() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String at = accessToken();
        assertEquals(60111, ok(signed("/cgi-bin/user/get?access_token=" + at + "&userid=nobody")).path("errcode").asInt());
        assertEquals(41009, ok(signed("/cgi-bin/user/get?access_token=" + at)).path("errcode").asInt());
    }

    // ------------------------------------------------------------------ the gateway

    @Test
    void signatureIsLowercaseSha256HexOfTimestampTokenNonceTimestamp() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("1780300800tok3n-abc1780300800".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ZwySimulator.signature("1780300800", "tok3n", "-abc"));
        assertTrue(expected.matches("[0-9a-f]{64}"));
    }

    @Test
    void gatewayRefusesBadSignatureWith401And10010() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String ts = String.valueOf(clock.instant().getEpochSecond());
        HttpResponse<String> r = call("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=spm-dev-corp-secret",
                "spm-dev", ts, "n1", ZwySimulator.signature(ts, "wrong-token", "n1"));
        assertEquals(401, r.statusCode());
        assertEquals("application/json; charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(10010, body.path("errcode").asInt());
        assertEquals("x-tif-signature invalid", body.path("errmsg").asText());
        // uppercase hex of the right signature is not accepted either
        assertEquals(10010, code(call("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=x", "spm-dev", ts, "n2",
                ZwySimulator.signature(ts, "spm-dev-paas-token", "n2").toUpperCase())));
        assertEquals(10010, code(call("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=x", "spm-dev", ts, "n3", null)));
        assertEquals(3, sim.refusedByGateway());
        assertEquals(0, sim.gettokenCalls());
    }

    @Test
    void gatewayRefusesUnknownPaasidWith10012() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String ts = String.valueOf(clock.instant().getEpochSecond());
        assertEquals(10012, code(call(ZwySimulator.GETTOKEN, "other-paas", ts, "n", ZwySimulator.signature(ts, "spm-dev-paas-token", "n"))));
        assertEquals(10012, code(call(ZwySimulator.GETTOKEN, null, ts, "n", ZwySimulator.signature(ts, "spm-dev-paas-token", "n"))));
    }

    @Test
    void gatewayRefusesTimestampOutsideThreeHundredSecondsWith10011() throws Exception {
        start(ZwySimulator.Settings.defaults());
        long now = clock.instant().getEpochSecond();
        for (long ts : new long[] {now - 301, now + 301}) {
            String t = String.valueOf(ts);
            assertEquals(10011, code(call(ZwySimulator.GETTOKEN, "spm-dev", t, "n" + ts, ZwySimulator.signature(t, "spm-dev-paas-token", "n" + ts))));
        }
        assertEquals(10011, code(call(ZwySimulator.GETTOKEN, "spm-dev", String.valueOf(now * 1000), "ms",
                ZwySimulator.signature(String.valueOf(now * 1000), "spm-dev-paas-token", "ms"))), "milliseconds are not seconds");
        assertEquals(10011, code(call(ZwySimulator.GETTOKEN, "spm-dev", null, "n", "x")));
        for (long ts : new long[] {now - 300, now + 300}) {
            String t = String.valueOf(ts);
            HttpResponse<String> r = call("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=spm-dev-corp-secret", "spm-dev", t,
                    "ok" + ts, ZwySimulator.signature(t, "spm-dev-paas-token", "ok" + ts));
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @Test
    void gatewayRefusesAMissingOrReusedNonceWith10013() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String ts = String.valueOf(clock.instant().getEpochSecond());
        String path = "/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=spm-dev-corp-secret";
        String sig = ZwySimulator.signature(ts, "spm-dev-paas-token", "once");
        assertEquals(200, call(path, "spm-dev", ts, "once", sig).statusCode());
        assertEquals(10013, code(call(path, "spm-dev", ts, "once", sig)), "a replayed call is refused");
        assertEquals(10013, code(call(path, "spm-dev", ts, null, ZwySimulator.signature(ts, "spm-dev-paas-token", ""))));
    }

    @Test
    void browserPagesAndTheUserListAreNotSigned() throws Exception {
        start(ZwySimulator.Settings.defaults());
        HttpResponse<String> r = get(sim.baseUri() + ZwySimulator.USERS);
        assertEquals(200, r.statusCode());
        JsonNode list = JSON.readTree(r.body());
        assertEquals(ZwyFixtures.all().size(), list.size());
        assertEquals("zwy-regulator", list.get(0).path("userid").asText());
        assertEquals("REGULATOR", list.get(0).path("platformRole").asText());
        assertTrue(list.get(3).path("platformRole").isNull());
        assertEquals(401, get(sim.baseUri() + "/cgi-bin/anything").statusCode(), "unsigned calls never reach the API");
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        start(ZwySimulator.Settings.defaults());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + ZwySimulator.GETTOKEN))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(404, get(sim.baseUri() + "/nothing").statusCode());
        assertEquals(404, signed("/cgi-bin/nothing").statusCode());
    }

    @Test
    void noTokenOrCodeSurvivesARestart() throws Exception {
        start(ZwySimulator.Settings.defaults());
        String at = accessToken();
        String c = code(ZwyFixtures.REGULATOR);
        sim.stop();
        sim.start(0);
        assertEquals(40014, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + at + "&code=" + c)).path("errcode").asInt());
        assertEquals(40029, ok(signed("/cgi-bin/user/getuserinfo?access_token=" + accessToken() + "&code=" + c))
                .path("errcode").asInt());
    }

    @Test
    void settingsRequireCorpAgentPaasAndTokenAndHideSecrets() {
        ZwySimulator.Settings d = ZwySimulator.Settings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withCorp(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> d.withAgentId(""));
        assertThrows(IllegalArgumentException.class, () -> d.withPaas("", "t"));
        assertThrows(IllegalArgumentException.class, () -> d.withPaas("p", ""));
        assertThrows(IllegalArgumentException.class, () -> d.withTokenTtlSeconds(0));
        String s = d.toString();
        assertFalse(s.contains("spm-dev-corp-secret") || s.contains("spm-dev-paas-token"), s);
    }

    @Test
    void jsonWriterEscapesControlCharactersAndQuotes() throws Exception {
        String s = org.smartproperty.sim.support.SimJson.write(Map.of("k", "a\"b\\c\n\u0001中"));
        assertEquals("a\"b\\c\n\u0001中", JSON.readTree(s).path("k").asText());
    }

    // ------------------------------------------------------------------ helpers

    private String authorize(String appid, String agentid, String redirect, String state) {
        return sim.baseUri() + ZwySimulator.AUTHORIZE + "?appid=" + enc(appid) + "&redirect_uri=" + enc(redirect)
                + "&response_type=code&scope=snsapi_base&state=" + enc(state) + "&agentid=" + enc(agentid);
    }

    private String login(String who, String state) {
        return sim.baseUri() + ZwySimulator.LOGIN + "?who=" + enc(who) + "&appid=spm-dev-corp&agentid=1000001&redirect_uri="
                + enc(REDIRECT) + "&state=" + enc(state);
    }

    private String code(String who) throws Exception {
        HttpResponse<String> r = get(login(who, "x"));
        assertEquals(302, r.statusCode());
        return ZwySimulator.query(URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("code");
    }

    private String accessToken() throws Exception {
        return accessToken("spm-dev-corp-secret");
    }

    private String accessToken(String secret) throws Exception {
        JsonNode t = ok(signed("/cgi-bin/gettoken?corpid=spm-dev-corp&corpsecret=" + enc(secret)));
        assertEquals(0, t.path("errcode").asInt(), t.toString());
        return t.path("access_token").asText();
    }

    /** A call signed as the adapter signs it, with the simulator's clock and a fresh nonce. */
    private HttpResponse<String> signed(String pathAndQuery) throws Exception {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        return call(pathAndQuery, sim.settings().paasId(), ts, nonce, ZwySimulator.signature(ts, sim.settings().paasToken(), nonce));
    }

    private HttpResponse<String> call(String pathAndQuery, String paasid, String ts, String nonce, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery)).GET();
        if (paasid != null) {
            b.header(ZwySimulator.H_PAASID, paasid);
        }
        if (ts != null) {
            b.header(ZwySimulator.H_TIMESTAMP, ts);
        }
        if (nonce != null) {
            b.header(ZwySimulator.H_NONCE, nonce);
        }
        if (signature != null) {
            b.header(ZwySimulator.H_SIGNATURE, signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int code(HttpResponse<String> r) throws Exception {
        assertEquals(401, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("errcode").asInt();
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
