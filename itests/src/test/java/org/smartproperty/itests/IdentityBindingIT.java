package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 12 in the assembled distribution (spm-dev on PostgreSQL, simulators on free ports): each kind
 * of account logs in through its simulator, reaches exactly its own data and gets 404 elsewhere, and
 * its scope follows a title verification, a committee's members and a revoked company without a
 * restart or a new login. The demo data set makes the provincial simulator's 陈志明 a co-owner in the
 * third demo estate (which has a committee) and 何嘉欣 a co-owner in the second and fourth.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING) // a_ sees the owner before any verification, b_ reuses it
public class IdentityBindingIT extends SpmTestSupport {

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    /** Follows a provider's login page like a browser: pick the user's link, follow the redirect to our callback, return its answer. */
    static HttpResponse<String> browserLogin(String provider, String linkPattern) throws Exception {
        JsonNode start = json(getAs(null, "/auth/idp/" + provider + "/authorize"));
        URI page = URI.create(start.get("url").asText());
        HttpClient browser = HttpClient.newHttpClient();
        String html = browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile(linkPattern).matcher(html);
        assertTrue(provider + " login page offers " + linkPattern + ": " + html, m.find());
        URI link = page.resolve(m.group(1).replace("&amp;", "&"));
        HttpResponse<String> redirect = browser.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(redirect.body(), 302, redirect.statusCode());
        URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString(), callback.getPath().endsWith("/api/v1/auth/idp/" + provider + "/callback"));
        return browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String provincial(String fixtureUid) throws Exception {
        HttpResponse<String> r = browserLogin("gd-tyrz", "href=\"([^\"]*who=" + fixtureUid + "[^\"]*)\"");
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).get("token").asText();
    }

    static HttpResponse<String> government(String userId) throws Exception {
        return browserLogin("gd-zwy", "id=\"" + userId + "\" href=\"([^\"]*)\"");
    }

    static JsonNode me(String token) {
        HttpResponse<String> r = getAs(token, "/auth/me");
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    /** The caller's principal once it satisfies {@code ok}: a change reaches the sessions within the revision check (0.5 s), polled, never slept. */
    static JsonNode meOnce(String token, java.util.function.Predicate<JsonNode> ok) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        JsonNode last = me(token);
        while (!ok.test(last) && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            last = me(token);
        }
        return last;
    }

    static String as(String token) {
        return "Bearer " + token;
    }

    @Test
    public void a_anOwnerReachesExactlyTheHousesVerifiedForTheirDocumentInOneOrTwoEstates_OWN_1_OWN_2() throws Exception {
        String chen = provincial("gdsim-mainland");
        assertEquals("NONE", me(chen).at("/scope/kind").asText());
        assertEquals("no verified house, no estate", 0, json(getAs(chen, "/estates")).get("total").asInt());

        HttpResponse<String> verified = send("POST", "/me/houses/verification", null, "Authorization", as(chen));
        assertEquals(verified.body(), 200, verified.statusCode());
        JsonNode items = json(verified).get("items");
        assertEquals(verified.body(), 1, items.size());
        assertEquals("HELD", items.get(0).get("result").asText());
        String ownCode = items.get(0).get("unitCode").asText();

        // the same session, no new login: the verified house and its estate, nothing else
        JsonNode scope = meOnce(chen, m -> "OWNER".equals(m.at("/scope/kind").asText())).get("scope");
        assertEquals("OWNER", scope.get("kind").asText());
        assertEquals(1, scope.get("houseIds").size());
        JsonNode estates = json(getAs(chen, "/estates"));
        assertEquals(estates.toString(), 1, estates.get("total").asInt());
        long estateId = estates.at("/items/0/id").asLong();
        assertEquals(200, getAs(chen, "/houses/" + ownCode).statusCode());
        JsonNode all = json(get("/estates/" + estateId + "/houses?size=5")).get("items");
        String neighbour = all.get(0).get("unitCode").asText().equals(ownCode) ? all.get(1).get("unitCode").asText() : all.get(0).get("unitCode").asText();
        assertEquals("a neighbour's house in the same estate", 404, getAs(chen, "/houses/" + neighbour).statusCode());
        assertEquals(1, json(getAs(chen, "/estates/" + estateId + "/houses")).get("total").asInt());
        long otherEstate = json(get("/estates?size=5")).at("/items/0/id").asLong() == estateId
                ? json(get("/estates?size=5")).at("/items/1/id").asLong() : json(get("/estates?size=5")).at("/items/0/id").asLong();
        assertEquals(404, getAs(chen, "/estates/" + otherEstate).statusCode());

        // 何嘉欣 owns in two estates: both, after one verification call
        String ho = provincial("gdsim-macao");
        JsonNode hers = json(send("POST", "/me/houses/verification", null, "Authorization", as(ho))).get("items");
        assertEquals(hers.toString(), 2, hers.size());
        assertEquals(2, json(getAs(ho, "/estates")).get("total").asInt());
        assertEquals("her houses are not his", 404, getAs(chen, "/houses/" + hers.get(0).get("unitCode").asText()).statusCode());

        // a real-name person without a house in the registry verifies nothing and reaches nothing
        String wong = provincial("gdsim-hongkong");
        assertEquals(0, json(send("POST", "/me/houses/verification", null, "Authorization", as(wong))).get("items").size());
        assertEquals(0, json(getAs(wong, "/estates")).get("total").asInt());
        // a password account has no real-name identity to verify by
        HttpResponse<String> noIdentity = send("POST", "/me/houses/verification", null, "Authorization", as(login("demo-owner", DEMO_PASSWORD, null)));
        assertEquals(noIdentity.body(), 409, noIdentity.statusCode());
        assertEquals("verification.noIdentity", json(noIdentity).get("code").asText());
    }

    @Test
    public void b_aCommitteeMemberActsAsTheCommitteeWhileInOfficeTheDeputyEditsItAndLosesItWhenTheTermEnds_OCS_1_OCS_2_OCS_3() throws Exception {
        String chen = provincial("gdsim-mainland");
        JsonNode verified = json(send("POST", "/me/houses/verification", null, "Authorization", as(chen))).get("items");
        long ownerId = verified.get(0).get("ownerId").asLong();
        long estateId = json(getAs(chen, "/estates")).at("/items/0/id").asLong();
        JsonNode committees = json(get("/committees?estateId=" + estateId + "&status=ACTIVE")).get("items");
        assertEquals("the demo data has a committee in " + estateId, 1, committees.size());
        long committeeId = committees.get(0).get("id").asLong();
        String key = "committee:" + committeeId;
        assertTrue(json(getAs(chen, "/auth/me/bindings")).get("bindings").findValuesAsText("key").stream().noneMatch(key::equals));

        // the regulator makes him a deputy in place of the last plain member
        JsonNode before = json(get("/committees/" + committeeId + "/members"));
        ArrayNode with = JSON.createArrayNode();
        ArrayNode original = JSON.createArrayNode();
        boolean replaced = false;
        for (int i = before.size() - 1; i >= 0; i--) {
            JsonNode m = before.get(i);
            original.insert(0, member(m.get("ownerId").asLong(), m.get("name").asText(), m.get("position").asText()));
            if (!replaced && "MEMBER".equals(m.get("position").asText())) {
                with.insert(0, member(ownerId, "陈志明", "DEPUTY"));
                replaced = true;
            } else {
                with.insert(0, member(m.get("ownerId").asLong(), m.get("name").asText(), m.get("position").asText()));
            }
        }
        HttpResponse<String> put = send("PUT", "/committees/" + committeeId + "/members", with.toString(), "If-Match", etag(committeeId));
        assertEquals(put.body(), 200, put.statusCode());

        meOnce(chen, m -> true);
        JsonNode bindings = json(getAs(chen, "/auth/me/bindings"));
        assertEquals("owner first", "owner:" + ownerId, bindings.get("active").asText());
        assertTrue(bindings.toString(), bindings.get("bindings").findValuesAsText("key").contains(key));
        HttpResponse<String> choose = send("POST", "/auth/me/binding", "{\"key\":\"" + key + "\"}", "Authorization", as(chen));
        assertEquals(choose.body(), 200, choose.statusCode());
        JsonNode acting = me(chen);
        assertEquals("COMMITTEE", acting.at("/roles/0").asText());
        assertEquals(estateId, acting.at("/scope/estateIds/0").asLong());

        // the deputy edits the committee's details (OCS-2); another committee is 404
        JsonNode c = json(getAs(chen, "/committees/" + committeeId));
        ObjectNode details = JSON.createObjectNode();
        for (String f : List.of("name", "address", "companyId", "electedOn", "termStart", "termEnd")) {
            details.set(f, c.get(f));
        }
        details.put("phone", "07568123456");
        HttpResponse<String> edit = send("PUT", "/committees/" + committeeId, details.toString(), "Authorization", as(chen), "If-Match", etag(committeeId));
        assertEquals(edit.body(), 200, edit.statusCode());
        assertEquals("07568123456", json(get("/committees/" + committeeId)).get("phone").asText());
        JsonNode others = json(get("/committees?status=ACTIVE&size=5")).get("items");
        long other = others.get(0).get("id").asLong() == committeeId ? others.get(1).get("id").asLong() : others.get(0).get("id").asLong();
        assertEquals(404, send("PUT", "/committees/" + other, details.toString(), "Authorization", as(chen), "If-Match", etag(other)).statusCode());
        assertEquals("creating committees stays the regulator's", 403, send("POST", "/committees", "{}", "Authorization", as(chen)).statusCode());

        // the term ends: the regulator registers the next committee (without him), the old one ends, and the same
        // session falls back to the owner binding at once
        ObjectNode next = details.deepCopy();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        next.put("estateId", estateId);
        next.put("electedOn", today);
        next.put("termStart", today);
        next.put("termEnd", java.time.LocalDate.parse(today).plusYears(5).toString());
        next.set("members", original);
        HttpResponse<String> elected = send("POST", "/committees", next.toString());
        assertEquals(elected.body(), 201, elected.statusCode());
        assertEquals("ENDED", json(get("/committees/" + committeeId)).get("status").asText());
        JsonNode after = meOnce(chen, m -> "OWNER".equals(m.at("/roles/0").asText()));
        assertEquals("OWNER", after.at("/roles/0").asText());
        assertEquals(403, send("PUT", "/committees/" + committeeId, details.toString(), "Authorization", as(chen), "If-Match", etag(committeeId)).statusCode());
        HttpResponse<String> stale = send("POST", "/auth/me/binding", "{\"key\":\"" + key + "\"}", "Authorization", as(chen));
        assertEquals(stale.body(), 404, stale.statusCode());
        assertEquals("binding.unknown", json(stale).get("code").asText());
    }

    static ObjectNode member(long ownerId, String name, String position) {
        ObjectNode m = JSON.createObjectNode();
        m.put("ownerId", ownerId);
        m.put("name", name);
        m.put("position", position);
        return m;
    }

    static String etag(long committeeId) {
        return get("/committees/" + committeeId).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    public void c_aLegalPersonAppliesIsBoundToItsCompanyFilesAndLosesItWhenRevoked_COS_1_SUP_CO_2() throws Exception {
        String legal = provincial("gdsim-legal");
        assertEquals("COMPANY", me(legal).at("/roles/0").asText());
        assertEquals("NONE", me(legal).at("/scope/kind").asText());
        assertEquals(0, json(getAs(legal, "/companies")).get("total").asInt());

        HttpResponse<String> applied = send("POST", "/companies/applications", "{\"name\":\"珠海横琴示例物业服务有限公司\",\"legalRepresentative\":\"王建国\","
                + "\"contact\":\"王建国\",\"phone\":\"07568880001\",\"officeAddress\":\"横琴新区环岛东路3000号\"}", "Authorization", as(legal));
        assertEquals(applied.body(), 201, applied.statusCode());
        long companyId = json(applied).get("id").asLong();
        assertEquals("91440400MA4W3K7B97", json(applied).get("creditCode").asText());
        assertEquals("APPLYING", json(applied).get("status").asText());
        assertEquals(companyId, meOnce(legal, m -> m.at("/scope/companyId").asLong() == companyId).at("/scope/companyId").asLong());
        assertEquals(200, getAs(legal, "/companies/" + companyId).statusCode());
        long demoCompany = json(get("/companies?size=1&sort=id")).at("/items/0/id").asLong();
        assertEquals("another company", 404, getAs(legal, "/companies/" + demoCompany).statusCode());
        HttpResponse<String> again = send("POST", "/companies/applications", "{\"name\":\"重复申请\",\"legalRepresentative\":\"王建国\"}", "Authorization", as(legal));
        assertEquals(again.body(), 409, again.statusCode());

        // the filing (SUP-CO-2), approved by the regulator
        String licence = json(upload(legal, "营业执照.pdf", pdf("licence"))).get("id").asText();
        HttpResponse<String> filing = send("POST", "/companies/" + companyId + "/filings", "{\"qualificationGrade\":\"一级\",\"materials\":[{\"title\":"
                + "\"营业执照\",\"fileId\":\"" + licence + "\"}]}", "Authorization", as(legal));
        assertEquals(filing.body(), 201, filing.statusCode());
        HttpResponse<String> approved = send("POST", "/companies/" + companyId + "/filings/" + json(filing).get("id").asLong() + "/approve", "{}",
                "If-Match", filing.headers().firstValue("ETag").orElseThrow());
        assertEquals(approved.body(), 200, approved.statusCode());
        assertEquals("FILED", json(getAs(legal, "/companies/" + companyId)).get("status").asText());

        // COS-1: the legal person (the company's administrator) invites a staff account of its company and disables it
        HttpResponse<String> invited = send("POST", "/company/staff", "{\"username\":\"it-hq-clerk\",\"displayName\":\"客服专员\"}",
                "Authorization", as(legal));
        assertEquals(invited.body(), 200, invited.statusCode());
        String initial = json(invited).get("initialPassword").asText();
        String limited = login("it-hq-clerk", initial, null);
        assertEquals(200, send("POST", "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Clerk@2026hq\"}",
                "Authorization", as(limited)).statusCode());
        String clerk = login("it-hq-clerk", "Clerk@2026hq", null);
        assertEquals(200, getAs(clerk, "/companies/" + companyId).statusCode());
        assertEquals(404, getAs(clerk, "/companies/" + demoCompany).statusCode());
        assertEquals("staff do not invite staff", 403, send("POST", "/company/staff", "{\"username\":\"it-hq-x\"}", "Authorization", as(clerk)).statusCode());
        long clerkId = json(invited).get("id").asLong();
        assertEquals(200, send("POST", "/company/staff/" + clerkId + "/disable", null, "Authorization", as(legal)).statusCode());
        assertEquals(401, getAs(clerk, "/companies/" + companyId).statusCode());

        // revoked: the same session loses the company at once
        String companyTag = get("/companies/" + companyId).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revoked = send("POST", "/companies/" + companyId + "/revoke", "{\"reason\":\"集成测试：吊销\"}", "If-Match", companyTag);
        assertEquals(revoked.body(), 200, revoked.statusCode());
        assertEquals("NONE", meOnce(legal, m -> "NONE".equals(m.at("/scope/kind").asText())).at("/scope/kind").asText());
        assertEquals(404, getAs(legal, "/companies/" + companyId).statusCode());

        // DEV-1: the same legal person registered as a developer is bound to it (same login, same session); every demo
        // estate has its developer already, so this one has none and reaches no estate
        HttpResponse<String> developer = send("POST", "/developers", "{\"name\":\"珠海横琴示例开发建设有限公司\",\"creditCode\":\"91440400MA4W3K7B97\","
                + "\"legalRepresentative\":\"王建国\",\"contact\":\"王建国\",\"phone\":\"07568880001\",\"estateIds\":[]}");
        assertEquals(developer.body(), 201, developer.statusCode());
        long developerId = json(developer).get("id").asLong();
        JsonNode dev = meOnce(legal, m -> "DEVELOPER".equals(m.at("/scope/kind").asText()));
        assertEquals("DEVELOPER", dev.at("/roles/0").asText());
        assertEquals(developerId, dev.at("/scope/developerId").asLong());
        assertEquals(200, getAs(legal, "/developers/" + developerId).statusCode());
        JsonNode developers = json(get("/developers?size=5")).get("items");
        for (JsonNode d : developers) {
            if (d.get("id").asLong() != developerId) {
                assertEquals("another developer", 404, getAs(legal, "/developers/" + d.get("id").asLong()).statusCode());
                break;
            }
        }
        assertEquals(0, json(getAs(legal, "/estates")).get("total").asInt());
    }

    @Test
    public void d_regulatorStaffSignInThroughTheGovernmentSideAsTheirLinkedAccountsOnly_INT_IDP() throws Exception {
        HttpResponse<String> officer = government("zwy-officer");
        assertEquals(officer.body(), 200, officer.statusCode());
        assertEquals("demo-officer", json(officer).get("username").asText());
        String t = json(officer).get("token").asText();
        JsonNode who = me(t);
        assertEquals("OFFICER", who.at("/roles/0").asText());
        assertEquals("ALL", who.at("/scope/kind").asText());
        assertTrue(json(getAs(t, "/estates")).get("total").asInt() > 0);

        HttpResponse<String> unbound = government("zwy-unbound");
        assertEquals(unbound.body(), 403, unbound.statusCode());
        assertEquals("idp.notLinked", json(unbound).get("code").asText());
    }

    @Test
    public void e_theDemoDevelopersLegalPersonReachesItsOwnRecordAndEstatesOnly_DEV_1() throws Exception {
        String developer = provincial("gdsim-developer");
        JsonNode who = meOnce(developer, m -> "DEVELOPER".equals(m.at("/scope/kind").asText()));
        assertEquals("DEVELOPER", who.at("/roles/0").asText());
        long developerId = who.at("/scope/developerId").asLong();
        assertEquals(200, getAs(developer, "/developers/" + developerId).statusCode());
        JsonNode estates = json(getAs(developer, "/estates?size=50"));
        assertTrue(estates.toString(), estates.get("total").asInt() >= 1);
        JsonNode own = json(get("/developers/" + developerId));
        java.util.Set<Long> linked = new java.util.TreeSet<>();
        own.get("estateIds").forEach(e -> linked.add(e.asLong()));
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        estates.get("items").forEach(e -> seen.add(e.get("id").asLong()));
        assertEquals("exactly the estates it developed", linked, seen);
        for (JsonNode d : json(get("/developers?size=5")).get("items")) {
            if (d.get("id").asLong() != developerId) {
                assertEquals("another developer", 404, getAs(developer, "/developers/" + d.get("id").asLong()).statusCode());
                break;
            }
        }
    }
}
