package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 16 part 2 through REST in the assembled distribution (docs/surveys.md): the regulator builds a company survey over
 * demo-owner's estate and an estate of another company, opens it; verified owners answer once (OWN-6; a second answer 409
 * problem+json; an owner of another estate 404), the committee evaluates its company once (OCS-9); closed, ranked with response
 * rates (SVC-SAT-2, ANA-5), a company sees only its own row, published: the public estate results (MAP-11) and ranking;
 * the assessment metric SATISFACTION is available (SUP-AS-1 feed).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SurveyIT extends SpmTestSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/surveys/ranking", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static HttpResponse<String> call(String method, String bearer, String path, String body, String etag) {
        List<String> h = new ArrayList<>(List.of("Authorization", bearer == null ? "none" : "Bearer " + bearer));
        if (etag != null) {
            h.add("If-Match");
            h.add(etag);
        }
        return send(method, path, body, h.toArray(new String[0]));
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        return r.body() == null || r.body().isEmpty() ? null : json(r);
    }

    static String etag(JsonNode n) {
        return "\"" + n.get("version").asLong() + "\"";
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 100000000L, 36);
    }

    /** A new OWNER account of the owner record, logged in with its own password. */
    static String ownerAccount(String sysadmin, String username, long ownerId) {
        JsonNode a = ok(call("POST", sysadmin, "/accounts", "{\"username\":\"" + username + "\",\"roles\":[\"OWNER\"],\"scope\":\"OWNER\",\"ownerId\":"
                + ownerId + "}", null), 200);
        String initial = a.get("initialPassword").asText();
        String limited = login(username, initial, null);
        assertEquals(200, call("POST", limited, "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Survey9@2026ok\"}",
                null).statusCode());
        return login(username, "Survey9@2026ok", null);
    }

    /** A sold one-owner house of the estate, verified by the regulator (OWN-2 through the registration simulator): {unitCode, ownerId}. */
    static String[] verifiedHouse(String regulator, long estateId, int skip) {
        int seen = 0;
        for (JsonNode h : ok(call("GET", regulator, "/estates/" + estateId + "/houses?size=100", null, null), 200).get("items")) {
            if (h.get("owners").size() == 1 && seen++ >= skip) {
                String code = h.get("unitCode").asText();
                long owner = h.at("/owners/0/id").asLong();
                JsonNode v = ok(call("POST", regulator, "/houses/" + code + "/verification?ownerId=" + owner, null, null), 200);
                if (v.get("verified").asBoolean()) {
                    return new String[] {code, Long.toString(owner)};
                }
            }
        }
        throw new AssertionError("no verifiable one-owner house in estate " + estateId);
    }

    static String answers(JsonNode survey, int score) {
        StringBuilder b = new StringBuilder("{\"answers\":[");
        for (JsonNode q : survey.get("questions")) {
            if (b.charAt(b.length() - 1) != '[') {
                b.append(',');
            }
            long id = q.get("id").asLong();
            switch (q.get("kind").asText()) {
                case "SCORE" -> b.append("{\"questionId\":").append(id).append(",\"score\":").append(score).append('}');
                case "SINGLE" -> b.append("{\"questionId\":").append(id).append(",\"choices\":[0]}");
                default -> b.append("{\"questionId\":").append(id).append(",\"text\":\"门岗服务好\"}");
            }
        }
        return b.append("]}").toString();
    }

    @Test
    public void a_surveyBuiltOpenedAnsweredOnceClosedRankedAndPublished_SVC_SAT_1_SVC_SAT_2_OWN_6_OCS_9_ANA_5_MAP_11() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        assertNotNull(owner);

        // demo-owner's estate (the first demo estate) and an estate of another company; a third estate not targeted
        long estateA = json(getAs(owner, "/estates")).at("/items/0/id").asLong();
        JsonNode a = ok(call("GET", regulator, "/estates/" + estateA, null, null), 200);
        long companyA = a.get("companyId").asLong();
        long estateB = 0;
        long companyB = 0;
        long estateC = 0;
        for (JsonNode e : ok(call("GET", regulator, "/estates?size=200&sort=id", null, null), 200).get("items")) {
            if (e.hasNonNull("companyId") && e.get("companyId").asLong() != companyA && estateB == 0 && e.get("houseCount").asLong() > 0) {
                estateB = e.get("id").asLong();
                companyB = e.get("companyId").asLong();
            } else if (e.get("id").asLong() != estateA && estateC == 0 && e.get("houseCount").asLong() > 0
                    && (!e.hasNonNull("companyId") || e.get("companyId").asLong() != companyA)) {
                estateC = e.get("id").asLong();
            }
        }
        assertTrue("demo data has an estate of another company", estateB > 0 && estateC > 0 && estateC != estateB);

        // demo-owner verifies its own house (OWN-2); an owner of estate B and one of estate C are verified by the regulator
        String ownCode = json(getAs(owner, "/estates/" + estateA + "/houses?size=1")).at("/items/0/unitCode").asText();
        ok(call("POST", owner, "/houses/" + ownCode + "/verification", null, null), 200);
        String u = unique();
        String[] hb = verifiedHouse(regulator, estateB, 7);
        String ownerB = ownerAccount(sysadmin, "svy-b-" + u, Long.parseLong(hb[1]));
        String[] hc = verifiedHouse(regulator, estateC, 7);
        String ownerC = ownerAccount(sysadmin, "svy-c-" + u, Long.parseLong(hc[1]));

        // SVC-SAT-1: the regulator builds the questionnaire; invalid input is 400 problem+json with the fields
        HttpResponse<String> bad = call("POST", regulator, "/surveys", "{\"title\":\"\"}", null);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(403, call("POST", company, "/surveys", "{\"title\":\"x\"}", null).statusCode());
        LocalDate today = LocalDate.now(ZONE);
        String body = "{\"title\":\"IT满意度调查 " + u + "\",\"subject\":\"COMPANY\",\"periodFrom\":\"" + today.minusDays(7) + "\",\"periodTo\":\""
                + today.plusDays(7) + "\",\"estateIds\":[" + estateA + "," + estateB + "],\"questions\":["
                + "{\"kind\":\"SCORE\",\"text\":\"总体满意度\"},{\"kind\":\"SINGLE\",\"text\":\"保洁\",\"options\":[\"好\",\"差\"]},"
                + "{\"kind\":\"TEXT\",\"text\":\"意见\",\"required\":false}]}";
        JsonNode draft = ok(call("POST", regulator, "/surveys", body, null), 201);
        long id = draft.get("id").asLong();
        assertEquals("DRAFT", draft.get("status").asText());
        assertEquals(404, call("GET", company, "/surveys/" + id, null, null).statusCode());
        JsonNode open = ok(call("POST", regulator, "/surveys/" + id + "/open", null, etag(draft)), 200);
        assertEquals("OPEN", open.get("status").asText());
        assertEquals(2, open.get("targets").size());

        // OWN-6: the verified owner sees it, answers once; a second answer is 409 problem+json
        boolean listed = false;
        for (JsonNode m : ok(call("GET", owner, "/surveys/mine", null, null), 200)) {
            listed |= m.at("/survey/id").asLong() == id && !m.get("answered").asBoolean();
        }
        assertTrue("demo-owner sees the open survey", listed);
        ok(call("POST", owner, "/surveys/" + id + "/answers", answers(open, 5), null), 204);
        HttpResponse<String> twice = call("POST", owner, "/surveys/" + id + "/answers", answers(open, 1), null);
        assertEquals(twice.body(), 409, twice.statusCode());
        assertTrue(twice.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("answer.already", json(twice).get("code").asText());
        HttpResponse<String> invalid = call("POST", ownerB, "/surveys/" + id + "/answers", "{\"answers\":[{\"questionId\":"
                + open.at("/questions/0/id").asLong() + ",\"score\":9}]}", null);
        assertEquals(invalid.body(), 400, invalid.statusCode());
        ok(call("POST", ownerB, "/surveys/" + id + "/answers", answers(open, 3), null), 204);
        // an owner of an estate the survey does not target: 404, nothing revealed
        assertEquals(404, call("POST", ownerC, "/surveys/" + id + "/answers", answers(open, 1), null).statusCode());
        assertEquals(404, call("GET", ownerC, "/surveys/" + id, null, null).statusCode());

        // OCS-9: the committee evaluates its company once
        ok(call("POST", committee, "/surveys/" + id + "/answers", answers(open, 2), null), 204);
        assertEquals(409, call("POST", committee, "/surveys/" + id + "/answers", answers(open, 2), null).statusCode());

        // results wait for the close for everyone but the regulator
        assertEquals(409, call("GET", company, "/surveys/" + id + "/results", null, null).statusCode());
        JsonNode current = ok(call("GET", regulator, "/surveys/" + id, null, null), 200);
        assertEquals(3, current.get("respondents").asInt());
        JsonNode closed = ok(call("POST", regulator, "/surveys/" + id + "/close", null, etag(current)), 200);
        assertEquals("CLOSED", closed.get("status").asText());
        assertEquals(409, call("POST", ownerB, "/surveys/" + id + "/answers", answers(open, 3), null).statusCode());

        JsonNode results = ok(call("GET", regulator, "/surveys/" + id + "/results", null, null), 200);
        JsonNode rowA = null;
        JsonNode rowB = null;
        for (JsonNode r : results.get("rows")) {
            if (r.get("subjectId").asLong() == companyA) {
                rowA = r;
            } else if (r.get("subjectId").asLong() == companyB) {
                rowB = r;
            }
        }
        assertNotNull(results.toString(), rowA);
        assertNotNull(results.toString(), rowB);
        assertEquals(100.0, rowA.get("score").asDouble(), 0.001); // demo-owner scored 5
        assertEquals(50.0, rowB.get("score").asDouble(), 0.001); // owner B scored 3
        assertEquals(25.0, rowA.get("committeeScore").asDouble(), 0.001);
        assertEquals(1, rowA.get("rank").asInt());
        assertEquals(2, rowB.get("rank").asInt());
        assertTrue(rowA.get("eligible").asLong() >= 1);
        assertTrue(rowA.get("responseRate").asDouble() > 0);
        assertTrue("the regulator reads free texts", results.at("/questions/2/texts").size() >= 1);

        // scopes: a company its own row, without texts
        JsonNode own = ok(call("GET", company, "/surveys/" + id + "/results", null, null), 200);
        assertEquals(1, own.get("rows").size());
        assertEquals(companyA, own.at("/rows/0/subjectId").asLong());
        assertTrue(own.at("/questions/2/texts").isNull() || own.at("/questions/2/texts").isMissingNode());

        // published: the estate's public results (MAP-11) and the ranking
        JsonNode published = ok(call("POST", regulator, "/surveys/" + id + "/publish", null, etag(closed)), 200);
        assertEquals("PUBLISHED", published.get("status").asText());
        JsonNode pub = ok(get("/public/surveys/results?estateId=" + estateA), 200);
        assertEquals(id, pub.at("/company/surveyId").asLong());
        assertEquals(companyA, pub.at("/company/subjectId").asLong());
        assertFalse(pub.toString().contains("门岗"));
        assertEquals(400, get("/public/surveys/results?estateId=x").statusCode());
        JsonNode ranking = ok(get("/public/surveys/ranking?subject=COMPANY"), 200);
        assertTrue(ranking.get("rows").size() >= 1);
        assertEquals(400, get("/public/surveys/ranking?subject=NOPE").statusCode());
    }

    @Test
    public void b_theSatisfactionMetricIsAvailableToTheAssessment_SUP_AS_1() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        JsonNode metrics = ok(call("GET", regulator, "/assessment/metrics", null, null), 200);
        boolean available = false;
        for (JsonNode m : metrics.isArray() ? metrics : metrics.get("items")) {
            available |= "SATISFACTION".equals(m.get("name").asText()) && m.get("available").asBoolean();
        }
        assertTrue(metrics.toString(), available);
    }

    @Test
    public void c_demoDataHasAPublishedRankingAndAnOpenSurvey() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        JsonNode list = ok(call("GET", regulator, "/surveys?status=OPEN&size=50", null, null), 200);
        assertTrue(list.toString(), list.get("total").asInt() >= 1);
        assertEquals(400, call("GET", regulator, "/surveys?status=NOPE", null, null).statusCode());
        assertEquals(401, call("GET", null, "/surveys", null, null).statusCode());
    }
}
