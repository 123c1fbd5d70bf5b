package org.smartproperty.sim.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.smartproperty.platform.testsupport.MutableClock;

class IdpSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://localhost:8181/api/v1/auth/callback";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    private IdpSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private IdpSimulator start(IdpSimulator.Settings s) throws IOException {
        sim = new IdpSimulator(s.withClock(clock)).start(0);
        return sim;
    }

    // ------------------------------------------------------------------ fixtures

    @Test
    void fixtureDocumentNumbersPassTheirCheckRules_ID1() {
        for (IdpFixtures.Fixture f : IdpFixtures.all()) {
            switch (f.uid()) {
                case IdpFixtures.MACAO -> assertTrue(f.idcardnumber().matches("[157]\\d{6}\\(\\d\\)"), f.idcardnumber());
                case IdpFixtures.HONG_KONG -> assertTrue(hkIdValid(f.idcardnumber()), f.idcardnumber());
                case IdpFixtures.LEGAL, IdpFixtures.DEVELOPER -> assertTrue(usccValid(f.idcardnumber()), f.idcardnumber());
                default -> {
                    assertEquals("111", f.idcardtype());
                    assertTrue(cnIdValid(f.idcardnumber()), f.idcardnumber());
                }
            }
        }
        assertTrue(cnIdValid((String) IdpFixtures.byUid(IdpFixtures.LEGAL).orElseThrow().pareobj().get("idcardnumber")));
    }

    @Test
    void fixturesHaveOneUnverifiedAndOneLowTrustAccountTheOthersAtThreeOrFour_INT_IDP() {
        List<IdpFixtures.Fixture> all = IdpFixtures.all();
        assertEquals(List.of(IdpFixtures.UNVERIFIED), all.stream()
                .filter(f -> !Boolean.parseBoolean(String.valueOf(f.isreal())) && !"1".equals(String.valueOf(f.isreal())))
                .map(IdpFixtures.Fixture::uid).toList());
        assertEquals(List.of(IdpFixtures.LOW_TRUST), all.stream().filter(f -> f.trustLevel() == 1)
                .map(IdpFixtures.Fixture::uid).toList());
        assertTrue(all.stream().filter(f -> f.trustLevel() != 1).allMatch(f -> f.trustLevel() == 3 || f.trustLevel() == 4));
        assertEquals(List.of(IdpFixtures.LEGAL, IdpFixtures.DEVELOPER), all.stream().filter(f -> f.usertype().equals(IdpFixtures.LEGAL_PERSON))
                .map(IdpFixtures.Fixture::uid).toList(), "a company's legal person and a developer's (issue 12 item 4)");
        assertEquals(all.size(), all.stream().map(IdpFixtures.Fixture::uid).distinct().count());
    }

    // ------------------------------------------------------------------ HTTP

    @Test
    void loginPageIsChineseUtf8AndLinksEveryFixture_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        HttpResponse<String> page = get(authorize("/tif", "s1"));
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<html lang=\"zh-CN\">"));
        assertTrue(page.body().contains("广东省统一身份认证平台"));
        for (IdpFixtures.Fixture f : IdpFixtures.all()) {
            assertTrue(page.body().contains("who=" + f.uid() + "&amp;"), f.uid());
            assertTrue(page.body().contains(f.cn()), f.cn());
        }
    }

    @Test
    void authorizeWithUnknownClientOrRelativeRedirectIsRefused_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        String base = sim.baseUri() + "/tif" + IdpSimulator.AUTHORIZE + "?service=initService&response_type=code&scope=all";
        assertEquals(400, get(base + "&client_id=other&redirect_uri=" + enc(REDIRECT)).statusCode());
        assertEquals(400, get(base + "&client_id=spm-dev&redirect_uri=" + enc("/relative")).statusCode());
        assertEquals(400, get(base + "&client_id=spm-dev&redirect_uri=" + enc(REDIRECT + "#frag")).statusCode());
    }

    @Test
    void fullFlowIssuesOneTimeCodeTokenAndTokeninfo_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        HttpResponse<String> redirect = get(login("/tif", IdpFixtures.MACAO, "st/ate 1"));
        assertEquals(302, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT + "?code="));
        Map<String, String> q = IdpSimulator.query(location.getRawQuery());
        assertEquals("st/ate 1", q.get("state"));

        JsonNode token = json(get(accessToken("/tif", q.get("code"), REDIRECT)));
        assertEquals(7200, token.path("expires_in").asInt());
        String accessToken = token.path("access_token").asText();
        assertFalse(accessToken.isBlank());

        JsonNode info = json(get(sim.baseUri() + "/tif" + IdpSimulator.TOKENINFO + "?access_token=" + accessToken));
        assertTrue(info.path("signdata").asText().matches("[0-9a-f]{64}"));
        assertEquals(4, info.path("user_creditable_level").asInt());
        JsonNode u = info.path("userobj");
        assertEquals(IdpFixtures.MACAO, u.path("uid").asText());
        assertEquals("何嘉欣", u.path("cn").asText());
        assertEquals("1512034(6)", u.path("idcardnumber").asText());
        assertTrue(u.path("extproperties").isArray());
        assertTrue(info.path("pareobj").isObject());

        JsonNode reused = json(get(accessToken("/tif", q.get("code"), REDIRECT)));
        assertEquals(IdpSimulator.ERR_INVALID_CODE, reused.path("errcode").asInt());
        assertEquals("invalid code", reused.path("errmsg").asText());
    }

    @Test
    void codeExpiresAfterFiveMinutes_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        String fresh = code("/tif", IdpFixtures.MAINLAND);
        String stale = code("/tif", IdpFixtures.MAINLAND);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertTrue(json(get(accessToken("/tif", fresh, REDIRECT))).has("access_token"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(40029, json(get(accessToken("/tif", stale, REDIRECT))).path("errcode").asInt());
    }

    @Test
    void codeIsBoundToItsRedirectUriAndSpentByAWrongOne_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        String c = code("/tif", IdpFixtures.MAINLAND);
        assertEquals(40029, json(get(accessToken("/tif", c, "http://evil.example/cb"))).path("errcode").asInt());
        assertEquals(40029, json(get(accessToken("/tif", c, REDIRECT))).path("errcode").asInt());
    }

    @Test
    void configuredSecretIsCheckedAndWrongClientOrGrantTypeRefused_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults().withClient("spm-test", "s3cret"));
        String base = sim.baseUri() + "/tif" + IdpSimulator.ACCESS_TOKEN + "?scope=all&redirect_uri=" + enc(REDIRECT);
        assertEquals(40013, json(get(base + "&client_id=spm-dev&client_secret=s3cret&grant_type=authorization_code&code=x"))
                .path("errcode").asInt());
        assertEquals(40001, json(get(base + "&client_id=spm-test&client_secret=nope&grant_type=authorization_code&code=x"))
                .path("errcode").asInt());
        assertEquals(40002, json(get(base + "&client_id=spm-test&client_secret=s3cret&grant_type=password&code=x"))
                .path("errcode").asInt());
        HttpResponse<String> r = get(base + "&client_id=spm-test&client_secret=s3cret&grant_type=authorization_code&code=x");
        assertEquals(200, r.statusCode(), "refusals are HTTP 200 with errcode, as the gateway answers");
        assertEquals(40029, json(r).path("errcode").asInt());
    }

    @Test
    void unknownAccessTokenAnswers40014_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        assertEquals(40014, json(get(sim.baseUri() + "/tif" + IdpSimulator.TOKENINFO + "?access_token=nope"))
                .path("errcode").asInt());
    }

    @Test
    void pscpPrefixServesTheSameEndpointsAndTifIsThenUnknown_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults().withPrefix("/pscp/"));
        assertEquals("/pscp", sim.settings().prefix());
        assertEquals(200, get(authorize("/pscp", "s")).statusCode());
        assertEquals(404, get(authorize("/tif", "s")).statusCode());
        assertTrue(json(get(accessToken("/pscp", code("/pscp", IdpFixtures.LEGAL), REDIRECT))).has("access_token"));
    }

    @Test
    void identitiesEndpointListsTheFixturesInTokeninfoShape_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        HttpResponse<String> r = get(sim.baseUri() + IdpSimulator.IDENTITIES);
        assertEquals("application/json; charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode list = json(r);
        assertEquals(IdpFixtures.all().size(), list.size());
        Map<String, JsonNode> byUid = new java.util.HashMap<>();
        list.forEach(n -> byUid.put(n.path("userobj").path("uid").asText(), n));
        JsonNode legal = byUid.get(IdpFixtures.LEGAL);
        assertNotNull(legal);
        assertEquals("2", legal.path("userobj").path("usertype").asText());
        assertEquals("王建国", legal.path("pareobj").path("cn").asText());
        assertEquals("1", byUid.get(IdpFixtures.HONG_KONG).path("userobj").path("isreal").asText());
        assertTrue(byUid.get(IdpFixtures.UNVERIFIED).path("userobj").path("isreal").isBoolean());
    }

    @Test
    void noCodeSurvivesARestart_INT_IDP() throws Exception {
        start(IdpSimulator.Settings.defaults());
        String c = code("/tif", IdpFixtures.MAINLAND);
        sim.stop();
        sim.start(0);
        assertEquals(40029, json(get(accessToken("/tif", c, REDIRECT))).path("errcode").asInt());
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        start(IdpSimulator.Settings.defaults());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + IdpSimulator.IDENTITIES))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(404, get(sim.baseUri() + "/tif/nothing").statusCode());
    }

    @Test
    void prefixMustStartWithSlash() {
        assertThrows(IllegalArgumentException.class, () -> IdpSimulator.Settings.defaults().withPrefix("tif"));
        assertThrows(IllegalArgumentException.class, () -> IdpSimulator.Settings.defaults().withPrefix(""));
        assertThrows(IllegalArgumentException.class, () -> IdpSimulator.Settings.defaults().withPrefix("/a b"));
        assertEquals("/gw/tif", IdpSimulator.Settings.defaults().withPrefix("/gw/tif").prefix());
    }

    @Test
    void jsonWriterEscapesControlCharactersAndQuotes() throws Exception {
        String s = org.smartproperty.sim.support.SimJson.write(Map.of("k", "a\"b\\c\n\u0001中"));
        assertEquals("a\"b\\c\n\u0001中", JSON.readTree(s).path("k").asText());
    }

    // ------------------------------------------------------------------ helpers

    private String authorize(String prefix, String state) {
        return sim.baseUri() + prefix + IdpSimulator.AUTHORIZE + "?service=initService&response_type=code&client_id=spm-dev"
                + "&scope=all&redirect_uri=" + enc(REDIRECT) + "&state=" + enc(state);
    }

    private String login(String prefix, String who, String state) {
        return sim.baseUri() + prefix + IdpSimulator.LOGIN + "?who=" + enc(who) + "&client_id=spm-dev&redirect_uri="
                + enc(REDIRECT) + "&state=" + enc(state);
    }

    private String accessToken(String prefix, String code, String redirect) {
        return sim.baseUri() + prefix + IdpSimulator.ACCESS_TOKEN + "?client_id=spm-dev&client_secret=&code=" + enc(code)
                + "&scope=all&grant_type=authorization_code&redirect_uri=" + enc(redirect);
    }

    private String code(String prefix, String who) throws Exception {
        HttpResponse<String> r = get(login(prefix, who, "x"));
        assertEquals(302, r.statusCode());
        return IdpSimulator.query(URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery()).get("code");
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean cnIdValid(String n) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        if (!n.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11) == n.charAt(17);
    }

    private static boolean hkIdValid(String raw) {
        String n = raw.replaceAll("[()]", "");
        if (!n.matches("[A-Z]{1,2}\\d{6}[0-9A]")) {
            return false;
        }
        String body = n.length() == 8 ? " " + n : n;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            sum += (c == ' ' ? 36 : Character.isDigit(c) ? c - '0' : c - 'A' + 10) * (9 - i);
        }
        char check = body.charAt(8);
        return (sum + (check == 'A' ? 10 : check - '0')) % 11 == 0;
    }

    /** GB 32100-2015 check character, and the GB 11714 check of the embedded organization code. */
    private static boolean usccValid(String n) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        if (n.length() != 18 || !n.chars().allMatch(c -> chars.indexOf(c) >= 0)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(n.charAt(i)) * w[i];
        }
        int c = (31 - sum % 31) % 31;
        if (chars.charAt(c) != n.charAt(17)) {
            return false;
        }
        String org = n.substring(8, 17);
        int[] ow = {3, 7, 9, 10, 5, 8, 4, 2};
        int os = 0;
        for (int i = 0; i < 8; i++) {
            char ch = org.charAt(i);
            os += (Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10) * ow[i];
        }
        int oc = 11 - os % 11;
        char expected = oc == 10 ? 'X' : oc == 11 ? '0' : (char) ('0' + oc);
        return expected == org.charAt(8);
    }

}
