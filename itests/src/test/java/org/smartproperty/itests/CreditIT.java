package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 14 part 1 through REST in the assembled distribution (spm-dev on PostgreSQL) as the roles involved: demo-company
 * declares its base items with evidence (SUP-CO-3, CRD-1), demo-regulator verifies them item by item and the company is
 * graded (CRD-3); a bad record drops the grade, the company appeals (CRD-4), the regulator withdraws the record and the
 * grade is back; a veto blacklists a company, tendering's CreditStanding and the public page say so (CRD-5, DIS-1); a
 * company sees only its own credit, an owner none.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class CreditIT extends SpmTestSupport {

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/credit?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static HttpResponse<String> call(String method, String bearer, String path, String body, String etag) {
        List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + bearer));
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

    static String evidence(String bearer, String title) {
        String id = ok(upload(bearer, title + ".pdf", pdf(title)), 201).get("id").asText();
        return "[{\"title\":\"" + title + "\",\"fileId\":\"" + id + "\"}]";
    }

    static String etag(JsonNode n) {
        return "\"" + n.get("version").asLong() + "\"";
    }

    @Test
    public void declarationVerificationRecordAppealAndWithdrawal_SUP_CO_3_CRD_1_CRD_3_CRD_4() {
        String company = login("demo-company", DEMO_PASSWORD, null);
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        long companyId = json(getAs(company, "/auth/me")).path("scope").path("companyId").asLong();
        assertTrue("demo-company is bound to a company", companyId > 0);

        // CRD-1: the company declares, item by item with evidence
        JsonNode d = ok(call("POST", company, "/credit/companies/" + companyId + "/declarations", "{\"items\":["
                + "{\"category\":\"QUALIFICATION\",\"title\":\"一级资质\",\"claimedPoints\":40,\"evidence\":" + evidence(company, "资质证书") + "},"
                + "{\"category\":\"STAFF\",\"title\":\"持证项目经理\",\"claimedPoints\":30,\"evidence\":" + evidence(company, "人员名册") + "},"
                + "{\"category\":\"AWARD\",\"title\":\"市优秀项目\",\"claimedPoints\":12,\"evidence\":" + evidence(company, "获奖文件") + "}]}", null), 201);
        assertEquals("SUBMITTED", d.get("status").asText());
        HttpResponse<String> bad = call("POST", company, "/credit/companies/" + companyId + "/declarations",
                "{\"items\":[{\"category\":\"AWARD\",\"title\":\"\",\"claimedPoints\":99}]}", null);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("the company cannot verify", 403, call("POST", company, "/credit/companies/" + companyId + "/declarations/"
                + d.get("id").asLong() + "/verify", "{}", etag(d)).statusCode());

        // the regulator verifies item by item: 38 + 30 + 8 = 76 → A
        JsonNode items = d.get("items");
        JsonNode v = ok(call("POST", regulator, "/credit/companies/" + companyId + "/declarations/" + d.get("id").asLong() + "/verify",
                "{\"items\":[{\"itemId\":" + items.get(0).get("id") + ",\"verifiedPoints\":38},{\"itemId\":" + items.get(1).get("id")
                        + ",\"verifiedPoints\":30},{\"itemId\":" + items.get(2).get("id") + ",\"verifiedPoints\":8,\"note\":\"区级奖项\"}],"
                        + "\"reason\":\"核验完成\"}", etag(d)), 200);
        assertEquals(76, v.get("baseScore").asInt());
        JsonNode credit = ok(getAs(company, "/credit/companies/" + companyId), 200);
        int before = credit.get("score").asInt();
        String gradeBefore = credit.get("grade").asText();
        assertFalse(credit.get("blacklisted").asBoolean());

        // a bad record (the seeded appeal's record counts too); the grade drops
        JsonNode rec = ok(call("POST", regulator, "/credit/records", "{\"companyId\":" + companyId + ",\"kind\":\"BAD\",\"points\":12,"
                + "\"occurredOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"reason\":\"电梯年检过期\",\"evidence\":"
                + evidence(regulator, "检查记录") + "}", null), 201);
        JsonNode dropped = ok(getAs(company, "/credit/companies/" + companyId), 200);
        assertEquals(before - 12, dropped.get("score").asInt());
        assertFalse(gradeBefore.equals(dropped.get("grade").asText()));
        assertEquals("record.added", dropped.get("history").get(0).get("cause").asText());

        // CRD-4: the company appeals, the regulator withdraws the record, the grade is back
        JsonNode appeal = ok(call("POST", company, "/credit/records/" + rec.get("id").asLong() + "/appeals",
                "{\"reason\":\"年检已在期限内完成，证书附后\",\"evidence\":" + evidence(company, "年检证书") + "}", null), 201);
        assertNotNull(appeal.get("dueAt").asText(null));
        assertEquals("a company cannot decide", 403, call("POST", company, "/credit/appeals/" + appeal.get("id").asLong() + "/withdraw",
                "{}", etag(appeal)).statusCode());
        assertEquals("412 on a stale version", 412, call("POST", regulator, "/credit/appeals/" + appeal.get("id").asLong() + "/withdraw",
                "{}", "\"99\"").statusCode());
        JsonNode w = ok(call("POST", regulator, "/credit/appeals/" + appeal.get("id").asLong() + "/withdraw",
                "{\"reason\":\"证书属实\"}", etag(appeal)), 200);
        assertEquals("WITHDRAWN", w.get("status").asText());
        JsonNode back = ok(getAs(company, "/credit/companies/" + companyId), 200);
        assertEquals(before, back.get("score").asInt());
        assertEquals(gradeBefore, back.get("grade").asText());
        assertEquals("WITHDRAWN", ok(getAs(regulator, "/credit/records/" + rec.get("id").asLong()), 200).get("status").asText());
        // asOf: yesterday the company had no verified declaration yet
        JsonNode yesterday = ok(getAs(regulator, "/credit/companies/" + companyId + "?asOf="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)), 200);
        assertFalse("unrated yesterday: no grade", yesterday.hasNonNull("grade"));
        assertEquals(400, getAs(regulator, "/credit/companies/" + companyId + "?asOf=yesterday").statusCode());
    }

    @Test
    public void scopesAndThePublicBlacklist_CRD_5_DIS_1() {
        String company = login("demo-company", DEMO_PASSWORD, null);
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        long own = json(getAs(company, "/auth/me")).path("scope").path("companyId").asLong();
        JsonNode all = ok(getAs(regulator, "/credit/companies?size=50"), 200);
        assertTrue(all.get("total").asInt() >= 3);
        long other = -1;
        for (JsonNode c : all.get("items")) {
            if (c.get("companyId").asLong() != own) {
                other = c.get("companyId").asLong();
            }
        }
        assertEquals("another company's credit is 404 to a company", 404, getAs(company, "/credit/companies/" + other).statusCode());
        JsonNode mine = ok(getAs(company, "/credit/companies"), 200);
        assertEquals(1, mine.get("total").asInt());
        assertEquals(403, getAs(owner, "/credit/companies").statusCode());
        assertEquals(401, getAs(null, "/credit/companies").statusCode());
        for (JsonNode r : ok(getAs(company, "/credit/records?size=100"), 200).get("items")) {
            assertEquals(own, r.get("companyId").asLong());
        }

        // the seeded veto blacklists one company; the public page flags it without personal data
        JsonNode blacklisted = ok(getAs(regulator, "/credit/companies?blacklisted=true"), 200);
        assertTrue("the demo data has a blacklisted company", blacklisted.get("total").asInt() >= 1);
        long blId = blacklisted.get("items").get(0).get("companyId").asLong();
        HttpResponse<String> pub = get("/public/credit?size=50");
        JsonNode publicPage = ok(pub, 200);
        boolean flagged = false;
        for (JsonNode p : publicPage.get("items")) {
            if (p.get("companyId").asLong() == blId) {
                flagged = p.get("blacklisted").asBoolean();
            }
            assertFalse("no issuer in public", p.toString().contains("issuer"));
            assertFalse("no reasons in public", p.toString().contains("reason"));
        }
        assertTrue(flagged);
        assertEquals(400, getAs(regulator, "/credit/companies?blacklisted=maybe").statusCode());
        assertEquals(400, getAs(regulator, "/credit/records?kind=UGLY").statusCode());
        // the rule table and a change by the regulator only
        JsonNode rules = ok(getAs(regulator, "/credit/rules"), 200);
        assertTrue(rules.size() >= 7);
        JsonNode rule = rules.get(0);
        assertEquals(403, call("PUT", company, "/credit/rules/" + rule.get("code").asText(), "{\"points\":1,\"validMonths\":12,\"veto\":false,"
                + "\"active\":true}", etag(rule)).statusCode());
    }
}
