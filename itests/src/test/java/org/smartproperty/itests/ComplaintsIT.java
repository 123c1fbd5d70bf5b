package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * SVC-CMP-1..5, OWN-5, COS-7, OCS-8 through REST in the assembled distribution (spm-dev on
 * PostgreSQL), with the demo accounts: the owner files with a photo, the regulator dispatches,
 * the officer handles (wait/resume) and resolves, the owner follows the timeline and the result
 * and reopens within the window; after the window (the result's time moved back in the database)
 * reopening is 409. The company sees only complaints about itself, the committee only its estate's,
 * another owner gets 404; illegal transitions are 409.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ComplaintsIT extends SpmTestSupport {

    /** A complete 1×1 PNG (decodes). */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/complaints?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static JsonNode me(String bearer) {
        HttpResponse<String> r = getAs(bearer, "/auth/me");
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    static HttpResponse<String> post(String bearer, String path, String body, String etag) {
        List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + bearer));
        if (etag != null) {
            h.add("If-Match");
            h.add(etag);
        }
        return send("POST", path, body, h.toArray(new String[0]));
    }

    /** POST a transition with the complaint's current ETag; asserts 200 and returns the new ETag. */
    static String step(String bearer, long id, String transition, String body, String etag) {
        HttpResponse<String> r = post(bearer, "/complaints/" + id + "/" + transition, body, etag);
        assertEquals(transition + ": " + r.body(), 200, r.statusCode());
        return r.headers().firstValue("ETag").orElseThrow();
    }

    static Set<Long> ids(String bearer, String query) {
        HttpResponse<String> r = getAs(bearer, "/complaints?size=200" + query);
        assertEquals(r.body(), 200, r.statusCode());
        Set<Long> out = new HashSet<>();
        json(r).get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    /** POST /files as {@code bearer} (self-contained: needs nothing beyond the committed SpmTestSupport). */
    static HttpResponse<String> uploadPhoto(String bearer, String name, byte[] content) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/files?name="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).build();
        return java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
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

    /** A second owner account (another house), created by the system admin as in production. */
    static String anotherOwner() {
        String sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
        HttpResponse<String> account = send("POST", "/accounts", "{\"username\":\"it-owner-2\",\"roles\":[\"OWNER\"],\"scope\":\"OWNER\",\"ownerId\":987654}",
                "Authorization", "Bearer " + sysadmin);
        assertEquals(account.body(), 200, account.statusCode());
        String initial = json(account).get("initialPassword").asText();
        String limited = login("it-owner-2", initial, null);
        assertEquals(200, send("POST", "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Owner2@2026ok\"}",
                "Authorization", "Bearer " + limited).statusCode());
        return login("it-owner-2", "Owner2@2026ok", null);
    }

    @Test
    public void ownerFilesRegulatorDispatchesOfficerResolvesOwnerFollowsAndReopens_SVC_CMP_1_2_3_4_OWN_5() throws Exception {
        String regulator = token;
        String officer = login("demo-officer", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        assertNotNull(officer);
        String other = anotherOwner();
        long officerId = me(officer).get("accountId").asLong();
        long companyId = me(company).at("/scope/companyId").asLong();
        long estateId = me(committee).at("/scope/estateIds/0").asLong();
        assertTrue(companyId > 0 && estateId > 0);

        // the owner files against the company managing the estate, with a photo
        HttpResponse<String> up = uploadPhoto(owner, "电梯故障.png", PNG);
        assertEquals(up.body(), 201, up.statusCode());
        String photo = json(up).get("id").asText();
        HttpResponse<String> created = post(owner, "/complaints", "{\"category\":\"COMPLAINT\",\"estateId\":" + estateId + ",\"companyId\":" + companyId
                + ",\"title\":\"电梯长期故障\",\"content\":\"3 栋电梯停运两周无人维修\",\"photos\":[{\"fileId\":\"" + photo + "\"}]}", null);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode c = json(created);
        long id = c.get("id").asLong();
        assertEquals("REGISTERED", c.get("status").asText());
        assertTrue(c.get("number").asText(), c.get("number").asText().matches("TS-\\d{4}-\\d{6}"));
        assertEquals(photo, c.at("/photos/0/fileId").asText());
        String etag = created.headers().firstValue("ETag").orElseThrow();

        // scopes: the company and the committee see it, another owner does not
        assertTrue(ids(company, "").contains(id));
        assertTrue(ids(committee, "").contains(id));
        assertEquals(404, getAs(other, "/complaints/" + id).statusCode());
        assertEquals(404, getAs(other, "/complaints/" + id + "/events").statusCode());
        assertFalse(ids(other, "").contains(id));
        assertEquals("the photo is the complaint's", 200, getAs(company, "/files/" + photo + "/content").statusCode());
        assertEquals(404, getAs(other, "/files/" + photo + "/content").statusCode());
        JsonNode byCommittee = json(getAs(committee, "/complaints/" + id));
        assertFalse("the committee sees masked personal data", byCommittee.get("fullPersonalData").asBoolean());

        // illegal transitions are 409 naming the allowed ones; the owner may not dispatch; If-Match required
        HttpResponse<String> illegal = post(officer, "/complaints/" + id + "/resolve", "{\"result\":\"x\"}", etag);
        assertEquals(illegal.body(), 409, illegal.statusCode());
        assertTrue(illegal.body(), illegal.body().contains("DISPATCHED, REJECTED"));
        assertEquals(403, post(owner, "/complaints/" + id + "/dispatch", "{\"officerAccountId\":" + officerId + "}", etag).statusCode());
        assertEquals(428, post(regulator, "/complaints/" + id + "/dispatch", "{\"officerAccountId\":" + officerId + "}", null).statusCode());

        // regulator dispatches, officer handles, waits for the complainant, resumes and resolves
        etag = step(regulator, id, "dispatch", "{\"officerAccountId\":" + officerId + ",\"note\":\"请核实\"}", etag);
        JsonNode byOfficer = json(getAs(officer, "/complaints/" + id));
        assertTrue("the handling officer sees the complainant in full", byOfficer.get("fullPersonalData").asBoolean());
        assertTrue(json(getAs(officer, "/notifications")).toString().contains("/complaints/" + id));
        etag = step(officer, id, "accept", "{\"note\":\"已联系业主\"}", etag);
        etag = step(officer, id, "wait", "{\"note\":\"等待业主补充材料\"}", etag);
        etag = step(officer, id, "resume", "{}", etag);
        HttpResponse<String> noResult = post(officer, "/complaints/" + id + "/resolve", "{}", etag);
        assertEquals(noResult.body(), 400, noResult.statusCode());
        etag = step(officer, id, "resolve", "{\"result\":\"已督促物业三日内修复电梯\"}", etag);

        // the owner follows progress and sees the result; an SMS with the result is queued for them
        JsonNode mine = json(getAs(owner, "/complaints/" + id));
        assertEquals("RESOLVED", mine.get("status").asText());
        assertEquals("已督促物业三日内修复电梯", mine.get("result").asText());
        List<String> actions = new ArrayList<>();
        json(getAs(owner, "/complaints/" + id + "/events")).forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("create", "dispatch", "accept", "wait", "resume", "resolve"), actions);
        HttpResponse<String> outbox = get("/sms/messages?reference=complaint:" + id + "&size=50");
        assertEquals(outbox.body(), 200, outbox.statusCode());
        assertTrue(outbox.body(), outbox.body().contains("COMPLAINT_RESULT") && outbox.body().contains("COMPLAINT_RECEIVED"));

        // reopen within the window: only the complainant
        assertEquals(403, post(committee, "/complaints/" + id + "/reopen", "{}", etag).statusCode());
        etag = step(owner, id, "reopen", "{\"reason\":\"电梯仍未修好\"}", etag);
        assertEquals("REOPENED", json(getAs(owner, "/complaints/" + id)).get("status").asText());

        // handled again; this time the result is 16 days old when the owner tries to reopen
        etag = step(regulator, id, "dispatch", "{\"officerAccountId\":" + officerId + "}", etag);
        etag = step(officer, id, "accept", "{}", etag);
        etag = step(officer, id, "resolve", "{\"result\":\"已更换电梯控制板\"}", etag);
        try (Connection con = dataSource().getConnection();
             PreparedStatement ps = con.prepareStatement("UPDATE cpl_event SET event_at = event_at - INTERVAL '16 days' WHERE complaint_id = ? AND action = 'resolve'")) {
            ps.setLong(1, id);
            assertEquals(2, ps.executeUpdate());
        }
        HttpResponse<String> late = post(owner, "/complaints/" + id + "/reopen", "{}", etag);
        assertEquals(late.body(), 409, late.statusCode());
        assertTrue(late.body(), late.body().contains("15"));
        etag = step(owner, id, "close", "{\"note\":\"接受\"}", etag);
        assertEquals("CLOSED", json(getAs(owner, "/complaints/" + id)).get("status").asText());
        assertTrue(ids(regulator, "&status=CLOSED").contains(id));
    }

    @Test
    public void hotlineComplaintAgainstAnotherCompanyIsInvisibleToDemoCompanyAndCommittee_SVC_CMP_1_COS_7_OCS_8() {
        String regulator = token;
        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        long companyId = me(company).at("/scope/companyId").asLong();
        long otherCompany = -1;
        long otherEstate = -1;
        for (JsonNode e : json(get("/estates?size=200")).get("items")) {
            if (e.hasNonNull("companyId") && e.get("companyId").asLong() != companyId) {
                otherCompany = e.get("companyId").asLong();
                otherEstate = e.get("id").asLong();
                break;
            }
        }
        assertTrue("the demo data has an estate of another company", otherCompany > 0);
        HttpResponse<String> missing = post(regulator, "/complaints", "{\"channel\":\"HOTLINE_12345\",\"category\":\"ENQUIRY\",\"title\":\"t\",\"content\":\"c\"}", null);
        assertEquals(missing.body(), 400, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains("complainantName") && missing.body().contains("complainantPhone"));
        HttpResponse<String> r = post(regulator, "/complaints", "{\"channel\":\"HOTLINE_12345\",\"category\":\"ENQUIRY\",\"companyId\":" + otherCompany
                + ",\"estateId\":" + otherEstate + ",\"complainantName\":\"黄小姐\",\"complainantPhone\":\"13698765432\",\"title\":\"咨询物业费\",\"content\":\"12345 转来：咨询物业费标准\"}", null);
        assertEquals(r.body(), 201, r.statusCode());
        long id = json(r).get("id").asLong();
        assertEquals("HOTLINE_12345", json(r).get("channel").asText());
        assertTrue(ids(regulator, "&companyId=" + otherCompany).contains(id));
        assertFalse("companies see only complaints about themselves", ids(company, "").contains(id));
        assertEquals(404, getAs(company, "/complaints/" + id).statusCode());
        assertEquals(404, getAs(committee, "/complaints/" + id).statusCode());
        JsonNode listed = json(getAs(regulator, "/complaints?size=200&category=ENQUIRY")).get("items");
        for (JsonNode i : listed) {
            if (i.get("id").asLong() == id) {
                assertEquals("lists mask the caller's phone (ID-2)", "+86136****5432", i.get("complainantPhone").asText());
            }
        }
        // forwarded to that company: demo-company still cannot act on it
        String etag = r.headers().firstValue("ETag").orElseThrow();
        etag = step(regulator, id, "dispatch", "{\"forwardToCompany\":true}", etag);
        assertEquals(404, post(company, "/complaints/" + id + "/accept", "{}", etag).statusCode());
        HttpResponse<String> rejected = post(regulator, "/complaints/" + id + "/reject", "{}", etag);
        assertEquals(rejected.body(), 400, rejected.statusCode());
        step(regulator, id, "reject", "{\"reason\":\"重复来件\"}", etag);
    }
}
