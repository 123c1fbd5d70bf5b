package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

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
import org.osgi.framework.BundleContext;

/**
 * Issue 16 part 3 (publishing) through REST in the assembled distribution: a policy published and found by a Chinese query
 * (PUB-1); a notice scheduled, published by the job publishing.schedule and expired (PUB-2); an estate notice of demo-company
 * returned with a reason, resubmitted and approved by the regulator (COS-9); scopes (a company cannot publish for another
 * company's estate, a committee does not see the company's notice) and problem+json; the demo data (policies, a water cut, MAP-7).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PublishingIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    static String regulator;
    static String company;
    static long companyEstate;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/policies?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        regulator = login("demo-regulator", DEMO_PASSWORD, null);
        company = login("demo-company", DEMO_PASSWORD, null);
        if (companyEstate == 0) {
            companyEstate = ok(call("GET", company, "/estates?size=1&sort=id", null, null), 200).at("/items/0/id").asLong();
        }
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
        return json(r);
    }

    static String etag(JsonNode n) {
        return "\"" + n.get("version").asLong() + "\"";
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void problem(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    static boolean has(JsonNode page, long id) {
        for (JsonNode n : page.get("items")) {
            if (n.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /** Runs the job now (through its cluster lock, as the runner does) until the notice has the state, at most 60 s. */
    JsonNode runJobUntil(long id, String status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode n = null;
        while (System.nanoTime() < until) {
            shell(context, "spm:jobs-run publishing.schedule");
            n = ok(call("GET", regulator, "/notices/" + id, null, null), 200);
            if (status.equals(n.get("status").asText())) {
                return n;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("notice " + id + " never became " + status + ": " + n);
    }

    @Test
    public void a_aPublishedPolicyIsFoundByAChineseQuery_PUB_1() {
        String mark = "横琴" + Long.toString(System.nanoTime() % 100000, 36);
        String body = "{\"level\":\"ZONE\",\"issuer\":\"合作区执委会\",\"title\":\"" + mark + "住宅专项维修资金管理办法\","
                + "\"summary\":\"专项维修资金的交存、使用和监督。\",\"effectiveDate\":\"2025-01-01\"}";
        JsonNode p = ok(call("POST", regulator, "/policies", body, null), 201);
        long id = p.get("id").asLong();
        assertFalse("a draft is not public", has(ok(get("/public/policies?q=" + q("维修资金 " + mark)), 200), id));
        ok(call("POST", regulator, "/policies/" + id + "/publish", null, etag(p)), 200);
        JsonNode found = ok(get("/public/policies?q=" + q("维修资金 " + mark)), 200);
        assertTrue(found.toString(), has(found, id));
        assertEquals(1, found.get("total").asLong());
        assertEquals(mark + "住宅专项维修资金管理办法", ok(get("/public/policies/" + id), 200).get("title").asText());
        // the demo library: the State Council's regulation by its number
        JsonNode state = ok(get("/public/policies?q=" + q("物业管理条例 379")), 200);
        assertTrue(state.toString(), state.get("total").asLong() >= 1);
        assertEquals("国务院令第379号", state.at("/items/0/docNumber").asText());
        problem(get("/public/policies?level=STATE"), 400);
        problem(call("POST", company, "/policies", body, null), 403);
    }

    @Test
    public void b_aNoticeIsScheduledPublishedByTheJobAndExpired_PUB_2() throws Exception {
        Instant at = Instant.now().plusSeconds(2);
        String body = "{\"category\":\"GENERAL\",\"title\":\"IT定时通知\",\"body\":\"定时发布的测试通知\",\"estateIds\":[" + companyEstate
                + "],\"publishAt\":\"" + at + "\",\"expireAt\":\"" + at.plusSeconds(4) + "\"}";
        JsonNode n = ok(call("POST", regulator, "/notices", body, null), 201);
        long id = n.get("id").asLong();
        n = ok(call("POST", regulator, "/notices/" + id + "/submit", null, etag(n)), 200);
        assertEquals("SCHEDULED", n.get("status").asText());
        assertFalse(has(ok(get("/public/notices?estateId=" + companyEstate + "&size=200"), 200), id));
        JsonNode published = runJobUntil(id, "PUBLISHED");
        assertTrue(published.toString(), !published.get("publishedAt").isNull());
        if (Instant.now().isBefore(at.plusSeconds(4))) {
            assertTrue(has(ok(get("/public/notices?estateId=" + companyEstate + "&size=200"), 200), id));
        }
        runJobUntil(id, "EXPIRED");
        problem(get("/public/notices/" + id), 404);
    }

    @Test
    public void c_aCompanysNoticeIsReturnedResubmittedAndApproved_COS_9() {
        String body = "{\"category\":\"RULES\",\"title\":\"IT电梯使用规定\",\"body\":\"电梯内禁止吸烟。\",\"estateIds\":[" + companyEstate + "]}";
        JsonNode n = ok(call("POST", company, "/notices", body, null), 201);
        long id = n.get("id").asLong();
        assertEquals("COMPANY", n.get("publisherKind").asText());
        n = ok(call("POST", company, "/notices/" + id + "/submit", null, etag(n)), 200);
        assertEquals("SUBMITTED", n.get("status").asText());
        problem(call("POST", regulator, "/notices/" + id + "/return", "{\"reason\":\" \"}", etag(n)), 400);
        n = ok(call("POST", regulator, "/notices/" + id + "/return", "{\"reason\":\"请写明处罚依据\"}", etag(n)), 200);
        assertEquals("RETURNED", n.get("status").asText());
        n = ok(call("GET", company, "/notices/" + id, null, null), 200);
        assertEquals("请写明处罚依据", n.get("reason").asText());
        n = ok(call("PUT", company, "/notices/" + id, body.replace("电梯内禁止吸烟。", "依据管理规约，电梯内禁止吸烟。"), etag(n)), 200);
        n = ok(call("POST", company, "/notices/" + id + "/submit", null, etag(n)), 200);
        n = ok(call("POST", regulator, "/notices/" + id + "/approve", "{}", etag(n)), 200);
        assertEquals("PUBLISHED", n.get("status").asText());
        JsonNode history = ok(call("GET", company, "/notices/" + id + "/history", null, null), 200);
        assertEquals(history.toString(), 4, history.size());
        assertTrue(has(ok(get("/public/notices?estateId=" + companyEstate + "&size=200"), 200), id));
        assertEquals("依据管理规约，电梯内禁止吸烟。", ok(get("/public/notices/" + id), 200).get("body").asText());
    }

    @Test
    public void d_aCompanyPublishesOnlyForItsOwnEstates_COS_9() {
        long other = -1;
        long demoCompany = ok(call("GET", regulator, "/estates/" + companyEstate, null, null), 200).get("companyId").asLong();
        for (JsonNode e : ok(call("GET", regulator, "/estates?size=200", null, null), 200).get("items")) {
            if (!e.get("companyId").isNull() && e.get("companyId").asLong() != demoCompany) {
                other = e.get("id").asLong();
                break;
            }
        }
        assertTrue("an estate of another company", other > 0);
        String body = "{\"category\":\"GENERAL\",\"title\":\"IT越权通知\",\"body\":\"正文\",\"estateIds\":[" + other + "]}";
        problem(call("POST", company, "/notices", body, null), 404);
        problem(call("POST", company, "/notices", "{\"category\":\"WATER_CUT\",\"title\":\"停水\",\"body\":\"正文\",\"estateIds\":[" + companyEstate
                + "]}", null), 400);
        JsonNode mine = ok(call("POST", company, "/notices", body.replace("[" + other + "]", "[" + companyEstate + "]"), null), 201);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        problem(call("GET", committee, "/notices/" + mine.get("id").asLong(), null, null), 404);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        problem(call("POST", owner, "/notices", body, null), 403);
        problem(call("GET", null, "/notices", null, null), 401);
        problem(get("/public/notices?estateId=abc"), 400);
    }

    @Test
    public void e_theDemoDataHasACurrentWaterCut_MAP_7() {
        JsonNode cuts = ok(get("/public/notices?category=WATER_CUT&size=50"), 200);
        assertTrue(cuts.toString(), cuts.get("total").asLong() >= 1);
        JsonNode cut = cuts.at("/items/0");
        assertFalse(cut.toString(), cut.get("windowStart").isNull() || cut.get("windowEnd").isNull());
        assertTrue(ok(get("/public/notices/categories"), 200).size() >= 4);
    }
}
