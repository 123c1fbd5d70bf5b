package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * INT-WX (issue 18) in the shared container, with the WeChat simulator on a free port ({@code spm.it.wechat.port}): a code of
 * {@code wx.login} whose openid is unbound gives a ticket; the ticket binds with the real-name handoff (the provincial simulator
 * driven over HTTP as a web-view would, returnTo = /api/v1/auth/wechat/return) and the code then logs in directly; an organisation
 * account binds with user name and password; a repair filed by a bound owner reaches the simulator as a subscription message, and
 * a refused subscription (43101) is recorded as a final failure; WeChat's refusals and outages are problem+json; unbinding needs a
 * login. Every binding made here is removed again and the simulator left as found.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class WechatIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/repairs?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static final HttpClient SIM = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String sim() {
        return "http://127.0.0.1:" + System.getProperty("spm.it.wechat.port");
    }

    static HttpResponse<String> simCall(String method, String path) throws Exception {
        return SIM.send(HttpRequest.newBuilder(URI.create(sim() + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> session(String code) {
        return send("POST", "/auth/wechat/session", code == null ? "{}" : "{\"code\":\"" + code + "\"}", "Authorization", "none");
    }

    static String ticket(String code) {
        HttpResponse<String> r = session(code);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode j = json(r);
        assertTrue(r.body(), j.get("bindingRequired").asBoolean());
        assertFalse("the openid never reaches the client: " + r.body(), r.body().contains("o-sim-"));
        return j.get("ticket").asText();
    }

    static HttpResponse<String> bind(String body) {
        return send("POST", "/auth/wechat/bind", body, "Authorization", "none");
    }

    static void assertProblem(HttpResponse<String> r, int status, String field, String code) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        boolean named = field == null ? code.equals(json(r).get("code").asText()) : false;
        if (field != null) {
            for (JsonNode e : json(r).get("errors")) {
                named |= field.equals(e.get("field").asText()) && code.equals(e.get("code").asText());
            }
        }
        assertTrue(r.body(), named);
    }

    /** The handoff code of a real-name login of the provincial simulator's fixture, started with returnTo as the mini program does. */
    static String handoff(String fixtureUid) throws Exception {
        HttpResponse<String> start = getAs(null, "/auth/idp/gd-tyrz/authorize?returnTo=/api/v1/auth/wechat/return");
        assertEquals(start.body(), 200, start.statusCode());
        URI page = URI.create(json(start).get("url").asText());
        HttpClient webView = HttpClient.newHttpClient(); // redirects are not followed: each step is looked at
        String html = webView.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("href=\"([^\"]*who=" + fixtureUid + "[^\"]*)\"").matcher(html);
        assertTrue(html, m.find());
        HttpResponse<String> redirect = webView.send(HttpRequest.newBuilder(page.resolve(m.group(1).replace("&amp;", "&"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(redirect.body(), 302, redirect.statusCode());
        HttpResponse<String> callback = webView.send(HttpRequest.newBuilder(URI.create(redirect.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(callback.body(), 303, callback.statusCode());
        URI back = URI.create(callback.headers().firstValue("Location").orElseThrow());
        assertEquals("/api/v1/auth/wechat/return", back.getPath());
        HttpResponse<String> landing = webView.send(HttpRequest.newBuilder(back).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body(), landing.body().contains("id=\"done\"") && landing.body().contains("Real-name login done"));
        assertFalse("no script on the landing page", landing.body().contains("<script"));
        String q = back.getRawQuery();
        assertTrue(q, q.startsWith("handoff="));
        return URLDecoder.decode(q.substring("handoff=".length()), StandardCharsets.UTF_8);
    }

    DataSource dataSource() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            java.util.Collection<ServiceReference<DataSource>> refs = context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=spm)");
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no DataSource");
    }

    /** The newest WECHAT outbox row of the account once {@code done} matches its "state last_error", polled. */
    String wechatRow(long accountId, long afterId, Pattern done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT state, last_error FROM ntf_sms_outbox"
                    + " WHERE channel = 'WECHAT' AND account_id = ? AND id > ? ORDER BY id DESC")) {
                ps.setLong(1, accountId);
                ps.setLong(2, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? rs.getString(1) + " " + rs.getString(2) : null;
                }
            }
            if (last != null && done.matcher(last).find()) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("WECHAT outbox row of account " + accountId + ": " + last);
    }

    long maxOutboxId() throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM ntf_sms_outbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The subscription messages the simulator accepted for {@code openid}, once {@code n} are there. */
    static JsonNode messages(String openid, int n) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = JSON.readTree(simCall("GET", "/sim/messages?touser=" + openid).body());
            if (last.size() >= n) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("messages to " + openid + ": " + last);
    }

    String fileRepair(String owner, String committee, String description) {
        long estateId = RepairsPatrolsIT.me(committee).at("/scope/estateIds/0").asLong();
        String unitCode = json(getAs(owner, "/estates/" + estateId + "/houses?size=5")).at("/items/0/unitCode").asText();
        HttpResponse<String> created = RepairsPatrolsIT.post(owner, "/repairs", "{\"unitCode\":\"" + unitCode + "\",\"category\":\"NORMAL\","
                + "\"description\":\"" + description + "\"}", null);
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).get("number").asText();
    }

    @Test
    public void unboundCodeBindsByHandoffAndPasswordThenLogsInDirectlyAndRepairsReachTheMiniProgram_INT_WX_OWN_1_OWN_4() throws Exception {
        long started = System.nanoTime(); // after @Before: the demo data is in (a fresh container's first suite waits there)
        String run = Long.toString(System.nanoTime() % 100_000_000L, 36);
        String ownerCode = "sim-it-rn-" + run;
        String companyCode = "sim-it-co-" + run;
        String demoOwnerCode = "sim-it-ow-" + run;
        List<String> tokens = new ArrayList<>();
        try {
            // 1. an unbound WeChat user gets a ticket; the real-name login in the web-view gives the handoff code; bound, logged in
            String ticket = ticket(ownerCode);
            String handoff = handoff("gdsim-macao");
            HttpResponse<String> bound = bind("{\"ticket\":\"" + ticket + "\",\"handoff\":\"" + handoff + "\"}");
            assertEquals(bound.body(), 200, bound.statusCode());
            JsonNode login = json(bound);
            assertEquals("gd-tyrz:gdsim-macao", login.get("username").asText());
            for (String f : List.of("token", "expiresAt", "limited", "mustChangePassword", "totpEnrollmentRequired", "roles")) {
                assertTrue(f + " in " + bound.body(), login.has(f));
            }
            tokens.add(login.get("token").asText());

            // 2. the next wx.login code of the same user logs in at once
            HttpResponse<String> direct = session(ownerCode);
            assertEquals(direct.body(), 200, direct.statusCode());
            assertEquals("gd-tyrz:gdsim-macao", json(direct).get("username").asText());
            assertFalse(json(direct).has("bindingRequired"));
            assertEquals(200, getAs(json(direct).get("token").asText(), "/auth/me").statusCode());

            // 3. a used ticket, a bad code, missing fields: problem+json, never 500
            assertProblem(bind("{\"ticket\":\"" + ticket + "\",\"handoff\":\"" + handoff + "\"}"), 400, "ticket", "wechat.ticket");
            assertProblem(session("invalid"), 400, "code", "wechat.code");
            assertProblem(session(null), 400, "code", "field.required");
            HttpResponse<String> empty = bind("{}");
            assertProblem(empty, 400, "ticket", "field.required");
            assertEquals(empty.body(), 3, json(empty).get("errors").size()); // ticket, username, password at once

            // 4. an organisation account binds with user name and password (the checks of /auth/login)
            String companyTicket = ticket(companyCode);
            assertProblem(bind("{\"ticket\":\"" + companyTicket + "\",\"username\":\"demo-company\",\"password\":\"wrong-password-1\"}"),
                    401, null, "auth.invalid");
            HttpResponse<String> company = bind("{\"ticket\":\"" + companyTicket + "\",\"username\":\"demo-company\",\"password\":\"" + DEMO_PASSWORD + "\"}");
            assertEquals(company.body(), 200, company.statusCode());
            tokens.add(json(company).get("token").asText());
            assertEquals("demo-company", json(session(companyCode)).get("username").asText());

            // 5. a bound owner files a repair: the subscription message reaches the mini program
            String ownerTicket = ticket(demoOwnerCode);
            HttpResponse<String> owner = bind("{\"ticket\":\"" + ownerTicket + "\",\"username\":\"demo-owner\",\"password\":\"" + DEMO_PASSWORD + "\"}");
            assertEquals(owner.body(), 200, owner.statusCode());
            String ownerToken = json(owner).get("token").asText();
            tokens.add(ownerToken);
            String committee = login("demo-committee", DEMO_PASSWORD, null);
            String openid = "o-sim-it-ow-" + run;
            String number = fileRepair(ownerToken, committee, "微信订阅消息测试");
            JsonNode sent = messages(openid, 1);
            assertEquals(sent.toString(), "spmRepairProgress", sent.get(0).get("template_id").asText());
            assertEquals(sent.toString(), number, sent.get(0).at("/data/character_string1").asText());
            assertEquals("已受理", sent.get(0).at("/data/phrase2").asText());
            assertTrue(sent.toString(), sent.get(0).get("page").asText().startsWith("pages/notifications/index?link="));

            // 6. the user refused the subscription: 43101 is a final, recorded failure
            long accountId = RepairsPatrolsIT.me(ownerToken).get("accountId").asLong();
            long before = maxOutboxId();
            simCall("POST", "/sim/subscription?openid=" + openid + "&subscribed=false");
            try {
                fileRepair(ownerToken, committee, "微信订阅被拒测试");
                String row = wechatRow(accountId, before, Pattern.compile("^(FAILED|SENT|SKIPPED) "));
                assertTrue(row, row.startsWith("FAILED PERMANENT 43101"));
            } finally {
                simCall("POST", "/sim/subscription?openid=" + openid + "&subscribed=true");
            }
            assertEquals("nothing more was sent to the refusing user", 1, messages(openid, 1).size());

            // 7. WeChat unreachable: 503, not 500
            simCall("POST", "/sim/mode?mode=DOWN");
            try {
                assertProblem(session(ownerCode), 503, null, "wechat.unavailable");
            } finally {
                simCall("POST", "/sim/mode?mode=NORMAL");
            }

            // 8. unbinding needs a login
            assertEquals(401, send("DELETE", "/auth/wechat/binding", null, "Authorization", "none").statusCode());
            assertTrue(json(getAs(ownerToken, "/auth/wechat/binding")).get("bound").asBoolean());
        } finally {
            for (String t : tokens) {
                send("DELETE", "/auth/wechat/binding", null, "Authorization", "Bearer " + t);
            }
        }
        assertTrue("unbound: the code asks to bind again", json(session(ownerCode)).get("bindingRequired").asBoolean());
        assertTrue(json(session(demoOwnerCode)).get("bindingRequired").asBoolean());
        System.out.println("WechatIT: " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms after the demo data was in");
    }
}
