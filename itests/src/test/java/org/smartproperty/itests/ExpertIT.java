package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.ops4j.pax.exam.util.Filter;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.platform.Jdbc;

/**
 * Issue 15 part 2 through REST in the assembled distribution (spm-dev on PostgreSQL) as each role: an expert applies and is
 * admitted on the review kernel (SUP-EX-1), the regulator administers the pool; tenderers, companies and owners are kept
 * out; a project recorded through the OSGi service ExpertProjects (as tendering does) is drawn by its developer with the
 * configured rules (SUP-EX-3, TND-5: 400 naming the rule), an expert employed by a bidder is left out, the replay matches;
 * a drawn expert declines and the first reserve takes the seat, logged (SUP-EX-4); names are masked for the developer and
 * an expert not on the seat, visible to the regulator and the seated expert, public once published.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ExpertIT extends SpmTestSupport {

    static final String SPECIALTY = "IT_PANEL";
    static final long BIDDER = 777001L;
    static final long DEVELOPER_ID = 987601L;

    @Inject
    @Filter(timeout = 120_000)
    ExpertProjects projects;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=spm)", timeout = 120_000)
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/experts?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static HttpResponse<String> call(String method, String bearer, String path, String body, String etag) {
        return CreditIT.call(method, bearer, path, body, etag);
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        return CreditIT.ok(r, status);
    }

    static String expertBody(String name, String phone, String account, String ties) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"440402198001011234\",\"phone\":\"" + phone + "\",\"specialties\":[\"" + SPECIALTY
                + "\",\"LAW\"],\"title\":\"高级工程师\",\"employerName\":\"某单位\"" + (account == null ? "" : ",\"accountName\":\"" + account + "\"")
                + ",\"ties\":[" + ties + "]}";
    }

    @Test
    public void anExpertAppliesIsReturnedResubmitsAndIsAdmitted_SUP_EX_1() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String applicant = RepairsPatrolsIT.account("it-expert-applicant", "\"roles\":[\"EXPERT\"],\"scope\":\"NONE\"");
        JsonNode applied = ok(call("POST", applicant, "/experts/applications", "{\"name\":\"申请专家\",\"phone\":\"13912340001\","
                + "\"specialties\":[\"FINANCE\"],\"title\":\"注册会计师\",\"employerName\":\"某会计师事务所\",\"ties\":[]}", null), 201);
        assertEquals("APPLYING", applied.get("status").asText());
        assertEquals("it-expert-applicant", applied.get("accountName").asText());
        long id = applied.get("id").asLong();
        assertEquals(id, ok(getAs(applicant, "/experts/me"), 200).get("id").asLong());

        JsonNode first = ok(call("POST", applicant, "/experts/" + id + "/admission", "{\"materials\":" + CreditIT.evidence(applicant, "注册会计师证书")
                + "}", null), 201);
        assertEquals("SUBMITTED", first.get("status").asText());
        assertEquals(400, call("POST", regulator, "/experts/" + id + "/admission/" + first.get("id").asLong() + "/return", "{}",
                CreditIT.etag(first)).statusCode());
        assertEquals("the applicant cannot decide", 403, call("POST", applicant, "/experts/" + id + "/admission/" + first.get("id").asLong()
                + "/approve", "{}", CreditIT.etag(first)).statusCode());
        JsonNode returned = ok(call("POST", regulator, "/experts/" + id + "/admission/" + first.get("id").asLong() + "/return",
                "{\"reason\":\"请补充职称证明\"}", CreditIT.etag(first)), 200);
        assertEquals("RETURNED", returned.get("status").asText());
        JsonNode second = ok(call("POST", applicant, "/experts/" + id + "/admission", "{\"materials\":" + CreditIT.evidence(applicant, "职称证明")
                + "}", null), 201);
        JsonNode approved = ok(call("POST", regulator, "/experts/" + id + "/admission/" + second.get("id").asLong() + "/approve", "{}",
                CreditIT.etag(second)), 200);
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals("ACTIVE", ok(getAs(applicant, "/experts/me"), 200).get("status").asText());
        assertEquals(2, ok(getAs(applicant, "/experts/" + id + "/admission"), 200).size());
        JsonNode history = ok(getAs(regulator, "/experts/" + id + "/admission/history"), 200);
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").asText()));
        assertEquals(List.of("SUBMIT", "RETURN", "RESUBMIT", "APPROVE"), actions);
        // the applicant's materials are readable by the regulator
        String fileId = second.get("materials").get(0).get("fileId").asText();
        assertEquals(200, getAs(regulator, "/files/" + fileId + "/content").statusCode());
    }

    @Test
    public void theRegulatorAdministersThePoolOthersAreKeptOut_SUP_EX_1() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        JsonNode made = ok(call("POST", regulator, "/experts", expertBody("池管理专家", "13912340002", null,
                "{\"companyId\":" + BIDDER + ",\"kind\":\"FORMER_EMPLOYER\",\"since\":\"2015-01-01\",\"until\":\"2019-12-31\"}"), null), 201);
        assertEquals("ACTIVE", made.get("status").asText());
        long id = made.get("id").asLong();
        HttpResponse<String> bad = call("POST", regulator, "/experts", "{\"name\":\"\",\"phone\":\"1\",\"specialties\":[]}", null);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        assertEquals(428, call("PUT", regulator, "/experts/" + id, expertBody("改名专家", "13912340002", null, ""), null).statusCode());
        JsonNode renamed = ok(call("PUT", regulator, "/experts/" + id, expertBody("改名专家", "13912340002", null, ""), CreditIT.etag(made)), 200);
        assertEquals("改名专家", renamed.get("name").asText());
        assertEquals(412, call("PUT", regulator, "/experts/" + id, expertBody("再改", "13912340002", null, ""), CreditIT.etag(made)).statusCode());
        assertEquals("SUSPENDED", ok(call("POST", regulator, "/experts/" + id + "/status", "{\"status\":\"SUSPENDED\",\"reason\":\"休假\"}", null),
                200).get("status").asText());
        assertEquals("ACTIVE", ok(call("POST", regulator, "/experts/" + id + "/status", "{\"status\":\"ACTIVE\",\"reason\":\"返岗\"}", null),
                200).get("status").asText());
        JsonNode list = ok(getAs(regulator, "/experts?specialty=" + SPECIALTY + "&size=100"), 200);
        assertTrue(list.get("total").asInt() >= 1);
        JsonNode seeded = ok(getAs(regulator, "/experts?size=1&status=ACTIVE"), 200);
        assertTrue("the demo pool", seeded.get("total").asInt() >= 30);

        String company = login("demo-company", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        String developer = login("demo-developer", DEMO_PASSWORD, null);
        String expert = login("demo-expert", DEMO_PASSWORD, null);
        assertEquals(403, getAs(company, "/experts").statusCode());
        assertEquals(403, getAs(owner, "/experts").statusCode());
        assertEquals(403, getAs(developer, "/experts").statusCode());
        assertEquals(403, call("POST", developer, "/experts", expertBody("x", "13912340003", null, ""), null).statusCode());
        assertEquals(403, call("POST", company, "/expert-draws", "{}", null).statusCode());
        assertEquals(401, getAs(null, "/experts").statusCode());
        // demo-expert: its own record only
        JsonNode me = ok(getAs(expert, "/experts/me"), 200);
        assertEquals("demo-expert", me.get("accountName").asText());
        JsonNode own = ok(getAs(expert, "/experts?size=50"), 200);
        assertEquals(1, own.get("total").asInt());
        assertEquals(404, getAs(expert, "/experts/" + id).statusCode());
        assertEquals(403, call("POST", expert, "/experts/" + id + "/status", "{\"status\":\"REMOVED\",\"reason\":\"x\"}", null).statusCode());
    }

    @Test
    public void aDeveloperDrawsItsPanelWithTheRulesAndAReserveReplacesADecline_SUP_EX_3_SUP_EX_4_TND_5_DEV_5() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String developer = RepairsPatrolsIT.account("it-expert-developer",
                "\"roles\":[\"DEVELOPER\"],\"scope\":\"DEVELOPER\",\"developerId\":" + DEVELOPER_ID);
        String otherDeveloper = RepairsPatrolsIT.account("it-expert-developer-2",
                "\"roles\":[\"DEVELOPER\"],\"scope\":\"DEVELOPER\",\"developerId\":" + (DEVELOPER_ID + 1));
        // seven eligible experts with accounts of their own, and one employed by a bidder
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String account = "it-panel-" + i;
            RepairsPatrolsIT.account(account, "\"roles\":[\"EXPERT\"],\"scope\":\"NONE\"");
            accounts.add(account);
            ok(call("POST", regulator, "/experts", expertBody("评标专家" + i, "1391234010" + i, account, ""), null), 201);
        }
        long tied = ok(call("POST", regulator, "/experts", expertBody("投标人员工", "13912340200", null,
                "{\"companyId\":" + BIDDER + ",\"kind\":\"EMPLOYER\",\"since\":\"2020-01-01\"}"), null), 201).get("id").asLong();

        // tendering records the project and its bidders through the OSGi service, in its own transaction
        long projectId = Jdbc.write(dataSource, c -> {
            long p = projects.record(c, new ExpertProjects.ProjectRecord("tender", 990001L, "ZB-IT-990001", "集成测试物业服务招标", 1L,
                    "DEVELOPER", DEVELOPER_ID, Instant.now().plus(Duration.ofDays(5))), "it-tender");
            projects.bidders(c, "tender", 990001L, Set.of(BIDDER, BIDDER + 1), "it-tender");
            return p;
        });
        JsonNode library = ok(getAs(developer, "/expert-projects"), 200);
        assertTrue(library.toString(), library.get("items").toString().contains("ZB-IT-990001"));
        assertFalse(ok(getAs(otherDeveloper, "/expert-projects"), 200).get("items").toString().contains("ZB-IT-990001"));

        // the rules: panel 4, an even panel, too few drawn → 400 naming the rule
        assertRule(developer, "{\"projectId\":" + projectId + ",\"panelSize\":4,\"drawnCount\":4,\"reserveCount\":2,\"representatives\":[]}",
                "panelSize", "draw.panelMin");
        assertRule(developer, "{\"projectId\":" + projectId + ",\"panelSize\":6,\"drawnCount\":6,\"reserveCount\":2,\"representatives\":[]}",
                "panelSize", "draw.panelOdd");
        assertRule(developer, "{\"projectId\":" + projectId + ",\"panelSize\":5,\"drawnCount\":3,\"reserveCount\":2,"
                + "\"representatives\":[\"甲\",\"乙\"]}", "drawnCount", "draw.drawnRatio");
        String body = "{\"projectId\":" + projectId + ",\"panelSize\":5,\"drawnCount\":4,\"reserveCount\":2,\"specialty\":\"" + SPECIALTY
                + "\",\"representatives\":[\"开发建设单位代表\"],\"confirmHours\":24}";
        assertEquals("another developer's project", 404, call("POST", otherDeveloper, "/expert-draws", body, null).statusCode());
        JsonNode drawn = ok(call("POST", developer, "/expert-draws", body, null), 201);
        long drawId = drawn.get("id").asLong();
        assertEquals("SPM-EX3-SHA256-1", drawn.get("method").asText());
        assertEquals(32, drawn.get("seed").asText().length());
        assertEquals(409, call("POST", developer, "/expert-draws", body, null).statusCode());

        // the developer sees masked seats
        JsonNode seat1ForDeveloper = drawn.get("seats").get(0);
        assertTrue(seat1ForDeveloper.get("masked").asBoolean());
        assertFalse(seat1ForDeveloper.hasNonNull("expertId"));
        assertFalse(seat1ForDeveloper.hasNonNull("accountName"));
        assertEquals("专家 1", seat1ForDeveloper.get("name").asText());
        assertEquals(404, getAs(otherDeveloper, "/expert-draws/" + drawId).statusCode());

        // the regulator sees every name; the bidder's employee is in neither the seats nor the reserves
        JsonNode full = ok(getAs(regulator, "/expert-draws/" + drawId), 200);
        assertEquals(7, full.get("eligible").asInt());
        Set<Long> picked = new HashSet<>();
        full.get("seats").forEach(s -> {
            if (s.hasNonNull("expertId")) {
                picked.add(s.get("expertId").asLong());
            }
        });
        full.get("reserves").forEach(s -> picked.add(s.get("expertId").asLong()));
        assertEquals(6, picked.size());
        assertFalse("a bidder's employee is excluded (TND-5)", picked.contains(tied));
        String seat1 = full.get("seats").get(0).get("accountName").asText();
        String seat2 = full.get("seats").get(1).get("accountName").asText();
        long reserve1 = full.get("reserves").get(0).get("expertId").asLong();
        String reserve2 = full.get("reserves").get(1).get("accountName").asText();
        assertTrue(accounts.contains(seat1));

        // the replay matches
        JsonNode replay = ok(getAs(regulator, "/expert-draws/" + drawId + "/replay"), 200);
        assertTrue(replay.get("matches").asBoolean());
        assertEquals(drawn.get("seed").asText(), replay.get("seed").asText());
        assertEquals(4, replay.get("drawn").size());

        // the seated expert sees its own seat only; a reserve (not seated) sees masked seats
        String seated = login(seat2, "Repair9@2026ok", null);
        JsonNode forSeated = ok(getAs(seated, "/expert-draws/" + drawId), 200);
        assertFalse(forSeated.get("seats").get(1).get("masked").asBoolean());
        assertEquals(seat2, forSeated.get("seats").get(1).get("accountName").asText());
        assertTrue(forSeated.get("seats").get(0).get("masked").asBoolean());
        String notSeated = login(reserve2, "Repair9@2026ok", null);
        JsonNode forReserve = ok(getAs(notSeated, "/expert-draws/" + drawId), 200);
        forReserve.get("seats").forEach(s -> assertFalse(s.toString(), !s.get("representative").asBoolean() && s.hasNonNull("expertId")));
        assertEquals("a seat is confirmed by its own expert only", 403,
                call("POST", notSeated, "/expert-draws/" + drawId + "/confirmations/1/confirm", "{}", null).statusCode());

        // the expert on seat 1 declines: the first reserve takes the seat, logged
        String declining = login(seat1, "Repair9@2026ok", null);
        assertEquals(400, call("POST", declining, "/expert-draws/" + drawId + "/confirmations/1/decline", "{}", null).statusCode());
        ok(call("POST", declining, "/expert-draws/" + drawId + "/confirmations/1/decline", "{\"reason\":\"出差无法参加\"}", null), 200);
        JsonNode after = ok(getAs(regulator, "/expert-draws/" + drawId), 200);
        assertEquals(reserve1, after.get("seats").get(0).get("expertId").asLong());
        assertEquals("RESERVE", after.get("seats").get(0).get("origin").asText());
        List<String> kinds = new ArrayList<>();
        ok(getAs(regulator, "/expert-draws/" + drawId + "/events"), 200).forEach(e -> kinds.add(e.get("kind").asText()));
        assertTrue(kinds.toString(), kinds.containsAll(List.of("DRAWN", "DECLINED", "REPLACED")));
        JsonNode confirmations = ok(getAs(regulator, "/expert-draws/" + drawId + "/confirmations"), 200);
        assertTrue(confirmations.toString(), confirmations.toString().contains("出差无法参加"));
        assertEquals(200, call("POST", seated, "/expert-draws/" + drawId + "/confirmations/2/confirm", "{}", null).statusCode());

        // the tender service's read is unmasked; not complete until every seat confirms
        ExpertProjects.Panel panel = projects.panel("tender", 990001L);
        assertEquals(drawId, panel.drawId());
        assertFalse(panel.complete());
        assertEquals(seat2, panel.seats().get(1).accountName());

        // results published: public names
        Jdbc.write(dataSource, c -> {
            projects.published(c, "tender", 990001L, "it-tender");
            return null;
        });
        JsonNode published = ok(getAs(developer, "/expert-draws/" + drawId), 200);
        assertTrue(published.get("published").asBoolean());
        assertFalse(published.get("seats").get(0).get("masked").asBoolean());
        assertEquals(reserve1, published.get("seats").get(0).get("expertId").asLong());
        assertNotEquals("专家 1", published.get("seats").get(0).get("name").asText());
        // the confirmed expert of seat 2 has the evaluation in its history, the regulator rates it
        long seat2Id = full.get("seats").get(1).get("expertId").asLong();
        JsonNode evaluations = ok(getAs(regulator, "/experts/" + seat2Id + "/evaluations"), 200);
        assertEquals(1, evaluations.size());
        ok(call("POST", regulator, "/experts/" + seat2Id + "/evaluations/" + evaluations.get(0).get("id").asLong() + "/rating",
                "{\"rating\":5,\"comment\":\"评审认真\"}", null), 200);
        assertEquals(5.0, ok(getAs(regulator, "/experts/" + seat2Id), 200).get("rating").asDouble(), 0.001);
    }

    static void assertRule(String bearer, String body, String field, String code) {
        HttpResponse<String> r = call("POST", bearer, "/expert-draws", body, null);
        assertEquals(r.body(), 400, r.statusCode());
        boolean named = false;
        for (JsonNode e : json(r).get("errors")) {
            named |= field.equals(e.get("field").asText()) && code.equals(e.get("code").asText());
        }
        assertTrue(r.body(), named);
    }
}
