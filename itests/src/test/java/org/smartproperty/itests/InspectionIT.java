package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
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
 * Issue 14 part 2 through REST in the assembled distribution as the roles involved: demo-regulator builds a check item and
 * an object of its own, plans a task whose seed is on record before the draw, draws (frozen; a second draw 409) and
 * replays it identically (SUP-DR-1, DR-2); a failed item recorded by a drawn inspector or the regulator — an inspector not
 * drawn for the object gets 403 — becomes a bad credit record of the company through the rule table (SUP-DR-4, CRD-2); the
 * finished task carries the DR-3 publication deadline, and once published it is public without inspector data (DIS-5).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class InspectionIT extends SpmTestSupport {

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/inspections?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    @Test
    public void seededDrawReplayedFailedItemBecomesABadRecordAndTheResultIsPublished_SUP_DR_1_DR_2_SUP_DR_4_DR_3_DIS_5() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String inspector = login("demo-inspector", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        long companyId = json(getAs(company, "/auth/me")).path("scope").path("companyId").asLong();
        String tag = Long.toString(System.nanoTime(), 36);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        assertEquals("a company cannot plan inspections", 403, CreditIT.call("POST", company, "/inspections/items",
                "{\"code\":\"X\",\"name\":\"x\",\"target\":\"COMPANY\"}", null).statusCode());
        JsonNode item = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/items", "{\"code\":\"IT-" + tag + "\",\"name\":\"消防设施维护保养"
                + "\",\"legalBasis\":\"《物业管理条例》第五十五条\",\"method\":\"现场查看\",\"target\":\"COMPANY\",\"active\":true}", null), 201);
        HttpResponse<String> badItem = CreditIT.call("POST", regulator, "/inspections/items", "{\"code\":\"\",\"target\":\"NOWHERE\"}", null);
        assertEquals(badItem.body(), 400, badItem.statusCode());
        // the object library holds one entry per company: demo-company's (seeded, or made here when the demo has none)
        JsonNode object = null;
        for (JsonNode o : CreditIT.ok(getAs(regulator, "/inspections/objects?target=COMPANY&size=100"), 200).get("items")) {
            if (o.get("refId").asLong() == companyId) {
                object = o;
            }
        }
        if (object == null) {
            object = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/objects", "{\"kind\":\"COMPANY\",\"refId\":" + companyId
                    + ",\"name\":\"demo-company\",\"companyId\":" + companyId + ",\"riskLevel\":\"LOW\",\"active\":true}", null), 201);
        }
        assertEquals(409, CreditIT.call("POST", regulator, "/inspections/objects", "{\"kind\":\"COMPANY\",\"refId\":" + companyId
                + ",\"name\":\"twice\",\"companyId\":" + companyId + ",\"riskLevel\":\"LOW\",\"active\":true}", null).statusCode());
        String level = object.get("riskLevel").asText();

        JsonNode task = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/tasks", "{\"name\":\"IT 抽查 " + tag + "\",\"authority\":\"横琴住建\","
                + "\"target\":\"COMPANY\",\"itemIds\":[" + item.get("id") + "],\"drawDate\":\"" + today + "\",\"startDate\":\"" + today
                + "\",\"endDate\":\"" + today.plusDays(5) + "\",\"rule\":{\"mode\":\"RATIO\",\"perLevel\":{\"" + level + "\":1}},\"inspectorsPerObject\":2}",
                null), 201);
        String seed = task.get("seed").asText();
        assertTrue("the seed is on record before the draw", seed.length() >= 16);
        assertEquals("PLANNED", task.get("status").asText());
        long taskId = task.get("id").asLong();

        JsonNode drawn = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/draw", "{}", CreditIT.etag(task)), 200);
        assertEquals("DRAWN", drawn.get("status").asText());
        assertEquals(409, CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/draw", "{}", CreditIT.etag(drawn)).statusCode());
        JsonNode draw = CreditIT.ok(getAs(regulator, "/inspections/tasks/" + taskId + "/draw"), 200);
        assertEquals(seed, draw.get("seed").asText());
        JsonNode mine = null;
        for (JsonNode o : draw.get("objects")) {
            assertTrue("at least two inspectors per object (DR-2)", o.get("inspectors").size() >= 2);
            if (o.get("objectId").asLong() == object.get("id").asLong()) {
                mine = o;
            }
        }
        assertTrue("ratio 1 of its risk level draws the object", mine != null);
        JsonNode replay = CreditIT.ok(getAs(regulator, "/inspections/tasks/" + taskId + "/draw/replay"), 200);
        assertTrue(replay.get("identical").asBoolean());
        assertEquals(draw.get("objects").toString(), replay.get("objects").toString());

        int badBefore = CreditIT.ok(getAs(regulator, "/credit/companies/" + companyId), 200).get("badPoints").asInt();
        int scoreBefore = CreditIT.ok(getAs(regulator, "/credit/companies/" + companyId), 200).get("score").asInt();

        // SUP-DR-4: the result; an inspector not drawn for the object is refused
        String body = "{\"objectId\":" + object.get("id") + ",\"itemId\":" + item.get("id") + ",\"outcome\":\"FAIL\",\"note\":\"灭火器过期\"}";
        HttpResponse<String> byInspector = CreditIT.call("POST", inspector, "/inspections/tasks/" + taskId + "/results", body, null);
        String recorder = regulator;
        if (byInspector.statusCode() == 201) {
            recorder = inspector;
        } else {
            assertEquals(byInspector.body(), 403, byInspector.statusCode());
            CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/results", body, null), 201);
        }
        assertEquals("one result per object and item", 409, CreditIT.call("POST", recorder, "/inspections/tasks/" + taskId + "/results", body, null)
                .statusCode());

        // CRD-2: the credit domain turns the failure into a bad record (job credit.signals)
        String number = task.get("number").asText();
        HttpResponse<String> records = null;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) { // polling, not sleeping a fixed time: the job runs every 10 s
            records = getAs(regulator, "/credit/records?companyId=" + companyId + "&source=INSPECTION&size=100");
            if (records.statusCode() == 200 && records.body().contains(number)) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertTrue("a bad record within a minute: " + records.body(), records.body().contains(number));
        JsonNode rec = null;
        for (JsonNode r : json(records).get("items")) {
            if (r.get("reference").asText("").contains(number)) {
                rec = r;
            }
        }
        assertEquals("BAD", rec.get("kind").asText());
        assertEquals("INSPECTION_FAILED", rec.get("ruleCode").asText());
        assertEquals("the company sees its record", 200, getAs(company, "/credit/records/" + rec.get("id").asLong()).statusCode());
        JsonNode after = CreditIT.ok(getAs(company, "/credit/companies/" + companyId), 200);
        assertEquals("the rule deducts 5 points (CRD-2)", badBefore + 5, after.get("badPoints").asInt());
        assertTrue("the score does not rise", after.get("score").asInt() <= scoreBefore);

        // DR-3 and DIS-5
        JsonNode current = CreditIT.ok(getAs(regulator, "/inspections/tasks/" + taskId), 200);
        assertEquals(409, CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/publish", "{}", CreditIT.etag(current)).statusCode());
        JsonNode finished = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/finish", "{}", CreditIT.etag(current)), 200);
        assertFalse("the publication deadline runs", finished.get("publishDueAt").isNull());
        JsonNode published = CreditIT.ok(CreditIT.call("POST", regulator, "/inspections/tasks/" + taskId + "/publish", "{}", CreditIT.etag(finished)), 200);
        assertEquals("PUBLISHED", published.get("status").asText());
        String pub = get("/public/inspections?size=50").body();
        assertTrue(pub.contains(number));
        assertFalse("no inspector logins in public", pub.contains("demo-inspector"));
        assertFalse("no seed in public", pub.contains(seed));
        assertFalse("no notes in public", pub.contains("灭火器过期"));
    }
}
