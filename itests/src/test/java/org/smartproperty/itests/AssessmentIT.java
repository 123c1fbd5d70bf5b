package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 14 part 3 through REST in the assembled distribution as the roles involved: demo-regulator builds a 100-point
 * indicator set (one self-reported, one computed from the inspection results) and opens a round (SUP-AS-1, SUP-AS-2);
 * demo-company submits its figure with evidence, the regulator returns it with a reason, the company resubmits, the
 * regulator accepts it with points (COS-8); the round is closed and published with a ranking (SUP-AS-3), the public TOP 10
 * shows it (DIS-6) and the results reach the credit domain as signals. Scopes: an inspector may not submit, an owner may
 * not read.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class AssessmentIT extends SpmTestSupport {

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/assessment/top10", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    @Test
    public void aRoundFromOpeningToAPublishedTop10_SUP_AS_1_SUP_AS_2_SUP_AS_3_COS_8_DIS_6() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        String inspector = login("demo-inspector", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        long companyId = json(getAs(company, "/auth/me")).path("scope").path("companyId").asLong();
        String tag = Long.toString(System.nanoTime(), 36);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // SUP-AS-1: leaves must weigh 100 before the set is used
        JsonNode set = CreditIT.ok(CreditIT.call("POST", regulator, "/assessment/indicator-sets", "{\"name\":\"IT 指标 " + tag + "\",\"indicators\":["
                + "{\"code\":\"A\",\"name\":\"基础管理\"},"
                + "{\"code\":\"A1\",\"parentCode\":\"A\",\"name\":\"管理制度\",\"weight\":60,\"method\":\"SELF_REPORTED\",\"evidenceRequired\":true},"
                + "{\"code\":\"B\",\"name\":\"监督检查\"},"
                + "{\"code\":\"B1\",\"parentCode\":\"B\",\"name\":\"双随机检查合格率\",\"weight\":30,\"method\":\"COMPUTED\","
                + "\"metric\":\"INSPECTION_PASS\",\"best\":100,\"worst\":50}]}", null), 201);
        assertEquals(0, set.get("totalWeight").decimalValue().compareTo(new java.math.BigDecimal(90)));
        assertEquals("a set of 90 points cannot be frozen", 409, CreditIT.call("POST", regulator, "/assessment/indicator-sets/"
                + set.get("id").asLong() + "/freeze", "{}", CreditIT.etag(set)).statusCode());
        String tree = "{\"name\":\"IT 指标 " + tag
                + "\",\"indicators\":[{\"code\":\"A\",\"name\":\"基础管理\"},"
                + "{\"code\":\"A1\",\"parentCode\":\"A\",\"name\":\"管理制度\",\"weight\":70,\"method\":\"SELF_REPORTED\",\"evidenceRequired\":true},"
                + "{\"code\":\"B\",\"name\":\"监督检查\"},"
                + "{\"code\":\"B1\",\"parentCode\":\"B\",\"name\":\"双随机检查合格率\",\"weight\":30,\"method\":\"COMPUTED\","
                + "\"metric\":\"INSPECTION_PASS\",\"best\":100,\"worst\":50}]}";
        JsonNode full = CreditIT.ok(CreditIT.call("PUT", regulator, "/assessment/indicator-sets/" + set.get("id").asLong(), tree,
                CreditIT.etag(set)), 200);
        JsonNode frozen = CreditIT.ok(CreditIT.call("POST", regulator, "/assessment/indicator-sets/" + full.get("id").asLong() + "/freeze", "{}",
                CreditIT.etag(full)), 200);
        assertEquals("FROZEN", frozen.get("status").asText());
        assertEquals("a frozen set is never edited", 409, CreditIT.call("PUT", regulator, "/assessment/indicator-sets/" + full.get("id").asLong(),
                tree, CreditIT.etag(frozen)).statusCode());
        long a1 = -1;
        for (JsonNode i : frozen.get("indicators")) {
            if (i.get("code").asText().equals("A1")) {
                a1 = i.get("id").asLong();
            }
        }

        // SUP-AS-2: the round, a report per filed company
        JsonNode round = CreditIT.ok(CreditIT.call("POST", regulator, "/assessment/rounds", "{\"name\":\"IT 考核 " + tag + "\",\"periodFrom\":\""
                + today.minusMonths(6) + "\",\"periodTo\":\"" + today + "\",\"indicatorSetId\":" + frozen.get("id").asLong() + ",\"dueDate\":\""
                + today.plusDays(10) + "\"}", null), 201);
        long roundId = round.get("id").asLong();
        assertEquals("OPEN", round.get("status").asText());
        String reportPath = "/assessment/rounds/" + roundId + "/reports/" + companyId;
        JsonNode report = CreditIT.ok(getAs(company, reportPath), 200);
        assertEquals("NOT_SUBMITTED", report.get("status").asText());
        assertEquals(403, getAs(owner, "/assessment/rounds").statusCode());
        String submission = "{\"values\":[{\"indicatorId\":" + a1 + ",\"value\":\"制度汇编共42项，均已公示\",\"evidence\":"
                + CreditIT.evidence(company, "制度汇编") + "}]}";
        assertEquals("an inspector does not report", 403, CreditIT.call("POST", inspector, reportPath + "/submit", submission, null).statusCode());
        HttpResponseCheck.badRequest(CreditIT.call("POST", company, reportPath + "/submit", "{\"values\":[{\"indicatorId\":" + a1
                + ",\"value\":\"无材料\"}]}", null));
        JsonNode submitted = CreditIT.ok(CreditIT.call("POST", company, reportPath + "/submit", submission, null), 200);
        assertEquals("SUBMITTED", submitted.get("status").asText());
        assertEquals("a return needs a reason", 400, CreditIT.call("POST", regulator, reportPath + "/return", "{}", CreditIT.etag(submitted))
                .statusCode());
        JsonNode returned = CreditIT.ok(CreditIT.call("POST", regulator, reportPath + "/return", "{\"reason\":\"请补充制度公示照片\"}",
                CreditIT.etag(submitted)), 200);
        assertEquals("RETURNED", returned.get("status").asText());
        JsonNode again = CreditIT.ok(CreditIT.call("POST", company, reportPath + "/submit", "{\"values\":[{\"indicatorId\":" + a1
                + ",\"value\":\"制度汇编共42项，公示照片附后\",\"evidence\":" + CreditIT.evidence(company, "公示照片") + "}]}", null), 200);
        assertEquals("SUBMITTED", again.get("status").asText());
        assertEquals("points above the weight", 400, CreditIT.call("POST", regulator, reportPath + "/accept", "{\"points\":[{\"indicatorId\":" + a1
                + ",\"points\":71}]}", CreditIT.etag(again)).statusCode());
        JsonNode accepted = CreditIT.ok(CreditIT.call("POST", regulator, reportPath + "/accept", "{\"points\":[{\"indicatorId\":" + a1
                + ",\"points\":66,\"note\":\"制度齐全\"}],\"reason\":\"核实\"}", CreditIT.etag(again)), 200);
        assertEquals("APPROVED", accepted.get("status").asText());

        // SUP-AS-3: close, rank, publish; DIS-6: the public TOP 10
        JsonNode open = CreditIT.ok(getAs(regulator, "/assessment/rounds/" + roundId), 200);
        assertEquals("publish before close", 409, CreditIT.call("POST", regulator, "/assessment/rounds/" + roundId + "/publish", "{}",
                CreditIT.etag(open)).statusCode());
        JsonNode closed = CreditIT.ok(CreditIT.call("POST", regulator, "/assessment/rounds/" + roundId + "/close", "{}", CreditIT.etag(open)), 200);
        assertEquals("CLOSED", closed.get("status").asText());
        JsonNode results = CreditIT.ok(getAs(regulator, "/assessment/rounds/" + roundId + "/results"), 200);
        assertTrue(results.size() >= 2);
        assertEquals(1, results.get(0).get("rank").asInt());
        assertEquals("demo-company is first: the only accepted report", companyId, results.get(0).get("companyId").asLong());
        assertTrue(results.get(0).get("score").decimalValue().compareTo(new java.math.BigDecimal(66)) >= 0);
        JsonNode published = CreditIT.ok(CreditIT.call("POST", regulator, "/assessment/rounds/" + roundId + "/publish", "{}",
                CreditIT.etag(closed)), 200);
        assertEquals("PUBLISHED", published.get("status").asText());
        JsonNode top = json(getAs(null, "/public/assessment/top10"));
        assertEquals(roundId, top.get("roundId").asLong());
        assertEquals(companyId, top.get("items").get(0).get("companyId").asLong());
        assertFalse("no personal data or evidence in public", top.toString().contains("fileId") || top.toString().contains("demo-"));

        // the results reach credit as signals (rule ASSESSMENT_TOP10 / _BELOW60), processed by the job
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < end) {
            String body = getAs(regulator, "/credit/records?companyId=" + companyId + "&source=ASSESSMENT&size=100").body();
            seen = body.contains("IT 考核 " + tag);
            if (!seen) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        assertTrue("an ASSESSMENT credit record names the round", seen);
        assertNotNull(top.get("publishedAt"));
    }

    /** A 400 problem with field errors. */
    static final class HttpResponseCheck {
        static void badRequest(java.net.http.HttpResponse<String> r) {
            assertEquals(r.body(), 400, r.statusCode());
            assertTrue(r.body(), r.body().contains("errors"));
        }
    }
}
