package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * SVC-REP-1..2, OWN-4, COS-6, OCS-7 and SVC-PAT-1..2, COS-5 through REST in the assembled
 * distribution (spm-dev on PostgreSQL) with the demo accounts: the owner requests a repair of their
 * own house with a photo, the managing company accepts, schedules and completes it with a photo,
 * the owner follows the timeline and confirms; another owner and a company of another estate get
 * 404, the committee supervises its estate's repairs. The owner posts a photo report, the company
 * makes a patrol task of it, records findings and the fix and closes it; the owner is told and the
 * result is published on /public/patrols without personal data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class RepairsPatrolsIT extends SpmTestSupport {

    /** A complete 1×1 PNG (decodes). */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/repairs?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        await("/patrols?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(60));
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

    static String step(String bearer, String path, String body, String etag) {
        HttpResponse<String> r = post(bearer, path, body, etag);
        assertEquals(path + ": " + r.body(), 200, r.statusCode());
        return r.headers().firstValue("ETag").orElseThrow();
    }

    static Set<Long> ids(String bearer, String path) {
        HttpResponse<String> r = getAs(bearer, path);
        assertEquals(r.body(), 200, r.statusCode());
        Set<Long> out = new HashSet<>();
        json(r).get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    /** POST /files as {@code bearer} (self-contained: needs nothing beyond the committed SpmTestSupport). */
    static String uploadPhoto(String bearer, String name) throws Exception {
        byte[] content = PNG.clone();
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/files?name="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 201, r.statusCode());
        return json(r).get("id").asText();
    }

    /** A new account created by the system admin as in production, logged in with its own password. */
    /** demo-sysadmin's session, shared by the suites of this container (see {@link #account}). */
    private static volatile String sysadminToken;

    static String account(String username, String json) {
        // one demo-sysadmin session for all the accounts the suites create: each admin login needs a TOTP time step not used
        // before, so a login per account waited up to 30 s each (ExpertIT's nine accounts took 224 s); a new login only
        // when the session has ended (401)
        HttpResponse<String> account = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            String sysadmin = sysadminToken;
            if (sysadmin == null || attempt > 0) {
                sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
                sysadminToken = sysadmin;
            }
            account = send("POST", "/accounts", "{\"username\":\"" + username + "\"," + json + "}", "Authorization", "Bearer " + sysadmin);
            if (account.statusCode() != 401) {
                break;
            }
        }
        assertEquals(account.body(), 200, account.statusCode());
        String initial = json(account).get("initialPassword").asText();
        String limited = login(username, initial, null);
        assertEquals(200, send("POST", "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Repair9@2026ok\"}",
                "Authorization", "Bearer " + limited).statusCode());
        return login(username, "Repair9@2026ok", null);
    }

    /** An estate managed by another company than demo-company's: {estateId, companyId}. */
    static long[] otherEstate(long companyId) {
        for (JsonNode e : json(get("/estates?size=200")).get("items")) {
            if (e.hasNonNull("companyId") && e.get("companyId").asLong() != companyId) {
                return new long[] {e.get("id").asLong(), e.get("companyId").asLong()};
            }
        }
        throw new AssertionError("the demo data has an estate of another company");
    }

    @Test
    public void ownerRequestsCompanyHandlesOwnerConfirmsScopesHold_SVC_REP_1_2_OWN_4_COS_6_OCS_7() throws Exception {
        String regulator = token;
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        assertNotNull(owner);
        long companyId = me(company).at("/scope/companyId").asLong();
        long estateId = me(committee).at("/scope/estateIds/0").asLong();
        String otherOwner = account("it-owner-9", "\"roles\":[\"OWNER\"],\"scope\":\"OWNER\",\"ownerId\":987655");
        String otherCompany = account("it-company-9", "\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":" + otherEstate(companyId)[1]);

        // the owner's own house, as the estate registry shows it to them
        HttpResponse<String> houses = getAs(owner, "/estates/" + estateId + "/houses?size=5");
        assertEquals(houses.body(), 200, houses.statusCode());
        String unitCode = json(houses).at("/items/0/unitCode").asText();
        assertEquals(28, unitCode.length());

        // a house of someone else is a field error; the own house with a photo is accepted
        String photo = uploadPhoto(owner, "漏水.png");
        HttpResponse<String> notMine = post(owner, "/repairs", "{\"unitCode\":\"440402104001GB00001F00010101\",\"description\":\"漏水\"}", null);
        assertEquals(notMine.body(), 400, notMine.statusCode());
        assertTrue(notMine.body(), notMine.body().contains("unitCode"));
        HttpResponse<String> created = post(owner, "/repairs", "{\"unitCode\":\"" + unitCode + "\",\"category\":\"NORMAL\","
                + "\"description\":\"卫生间天花板漏水\",\"photos\":[{\"fileId\":\"" + photo + "\"}]}", null);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode r = json(created);
        long id = r.get("id").asLong();
        assertTrue(r.get("number").asText(), r.get("number").asText().matches("BX-\\d{4}-\\d{6}"));
        assertEquals("REQUESTED", r.get("status").asText());
        assertEquals(estateId, r.get("estateId").asLong());
        assertEquals(companyId, r.get("companyId").asLong());
        assertEquals(photo, r.at("/photos/0/fileId").asText());
        assertTrue("the deadline runs (SLA-4)", r.hasNonNull("dueAt"));
        String etag = created.headers().firstValue("ETag").orElseThrow();

        // scopes: regulator, company and committee see it; another owner and a company of another estate get 404
        assertTrue(ids(regulator, "/repairs?size=200").contains(id));
        assertTrue(ids(company, "/repairs?size=200").contains(id));
        assertTrue("the committee supervises its estate (OCS-7)", ids(committee, "/repairs?size=200&estateId=" + estateId).contains(id));
        assertFalse(json(getAs(committee, "/repairs/" + id)).get("fullPersonalData").asBoolean());
        assertEquals(404, getAs(otherOwner, "/repairs/" + id).statusCode());
        assertEquals(404, getAs(otherOwner, "/repairs/" + id + "/events").statusCode());
        assertFalse(ids(otherOwner, "/repairs?size=200").contains(id));
        assertEquals(404, getAs(otherCompany, "/repairs/" + id).statusCode());
        assertFalse(ids(otherCompany, "/repairs?size=200").contains(id));
        assertEquals(404, post(otherCompany, "/repairs/" + id + "/accept", "{}", etag).statusCode());
        assertEquals(200, getAs(company, "/files/" + photo + "/content").statusCode());
        assertEquals(404, getAs(otherOwner, "/files/" + photo + "/content").statusCode());
        assertEquals("the owner may not accept", 403, post(owner, "/repairs/" + id + "/accept", "{}", etag).statusCode());
        assertEquals(428, post(company, "/repairs/" + id + "/accept", "{}", null).statusCode());

        // illegal transitions are 409 naming the allowed ones
        HttpResponse<String> illegal = post(company, "/repairs/" + id + "/complete", "{\"report\":\"x\"}", etag);
        assertEquals(illegal.body(), 409, illegal.statusCode());
        assertTrue(illegal.body(), illegal.body().contains("ACCEPTED, REJECTED"));

        // the company accepts, schedules, completes with a photo
        etag = step(company, "/repairs/" + id + "/accept", "{\"note\":\"已派维修师傅\"}", etag);
        HttpResponse<String> badTime = post(company, "/repairs/" + id + "/schedule", "{\"appointmentAt\":\"tomorrow\"}", etag);
        assertEquals(badTime.body(), 400, badTime.statusCode());
        Instant appointment = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        etag = step(company, "/repairs/" + id + "/schedule", "{\"appointmentAt\":\"" + appointment + "\"}", etag);
        assertEquals(appointment, Instant.parse(json(getAs(owner, "/repairs/" + id)).get("appointmentAt").asText()));
        String after = uploadPhoto(company, "修复后.png");
        etag = step(company, "/repairs/" + id + "/complete", "{\"report\":\"已更换防水层并修补天花板\",\"photos\":[{\"fileId\":\"" + after + "\"}]}", etag);

        // the owner follows progress, sees the report and its photo, and confirms
        JsonNode mine = json(getAs(owner, "/repairs/" + id));
        assertEquals("COMPLETED", mine.get("status").asText());
        assertEquals("已更换防水层并修补天花板", mine.get("report").asText());
        assertEquals(after, mine.at("/reportPhotos/0/fileId").asText());
        assertTrue(mine.hasNonNull("reopenUntil"));
        assertEquals(200, getAs(owner, "/files/" + after + "/content").statusCode());
        assertEquals(403, post(committee, "/repairs/" + id + "/confirm", "{}", etag).statusCode());
        etag = step(owner, "/repairs/" + id + "/confirm", "{\"note\":\"满意\"}", etag);
        List<String> actions = new ArrayList<>();
        json(getAs(owner, "/repairs/" + id + "/events")).forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("create", "accept", "schedule", "complete", "confirm"), actions);
        HttpResponse<String> outbox = get("/sms/messages?reference=repair:" + id + "&size=50");
        assertEquals(outbox.body(), 200, outbox.statusCode());
        assertTrue(outbox.body(), outbox.body().contains("REPAIR_RECEIVED") && outbox.body().contains("REPAIR_DONE"));
        assertTrue(json(getAs(owner, "/notifications")).toString().contains("/repairs/" + id));

        // the committee requests a common-area repair of its estate; the owner does not see it, the company does
        HttpResponse<String> common = post(committee, "/repairs", "{\"location\":\"3栋大堂\",\"category\":\"EMERGENCY\",\"description\":\"大堂玻璃门破裂\"}", null);
        assertEquals(common.body(), 201, common.statusCode());
        long commonId = json(common).get("id").asLong();
        assertTrue(json(common).get("commonArea").asBoolean());
        assertTrue(ids(company, "/repairs?size=200&category=EMERGENCY").contains(commonId));
        assertFalse(ids(owner, "/repairs?size=200").contains(commonId));
        HttpResponse<String> rejected = post(company, "/repairs/" + commonId + "/reject", "{}", common.headers().firstValue("ETag").orElseThrow());
        assertEquals(rejected.body(), 400, rejected.statusCode());
    }

    @Test
    public void photoReportBecomesAPatrolTaskWhoseResultIsPublishedWithoutPersonalData_SVC_PAT_1_2_COS_5() throws Exception {
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        long estateId = me(committee).at("/scope/estateIds/0").asLong();
        String ownerName = "演示账号"; // every demo account's display name starts so (DemoAccounts)

        // a photo is required and the location must lie in Hengqin
        HttpResponse<String> bad = post(owner, "/patrols/reports", "{\"estateId\":" + estateId + ",\"latitude\":23.1,\"longitude\":113.3,"
                + "\"description\":\"路灯不亮\"}", null);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("latitude") && bad.body().contains("photos"));
        String photo = uploadPhoto(owner, "路灯.png");
        HttpResponse<String> rep = post(owner, "/patrols/reports", "{\"estateId\":" + estateId + ",\"latitude\":22.1234,\"longitude\":113.5321,"
                + "\"location\":\"2栋北侧小路\",\"description\":\"小区路灯连续三晚不亮\",\"photos\":[{\"fileId\":\"" + photo + "\"}]}", null);
        assertEquals(rep.body(), 201, rep.statusCode());
        long reportId = json(rep).get("id").asLong();
        assertEquals("REPORTED", json(rep).get("status").asText());
        assertTrue(ids(company, "/patrols/reports?size=200").contains(reportId));
        assertTrue(ids(committee, "/patrols/reports?size=200").contains(reportId));
        assertEquals(403, post(owner, "/patrols", "{\"reportIds\":[" + reportId + "]}", null).statusCode());

        // the company makes a task with a due date within the limit (3 working days): a due date beyond it is 400
        HttpResponse<String> tooLate = post(company, "/patrols", "{\"reportIds\":[" + reportId + "],\"dueAt\":\""
                + Instant.now().plus(Duration.ofDays(30)) + "\"}", null);
        assertEquals(tooLate.body(), 400, tooLate.statusCode());
        HttpResponse<String> task = post(company, "/patrols", "{\"reportIds\":[" + reportId + "],\"title\":\"2栋路灯巡查\"}", null);
        assertEquals(task.body(), 201, task.statusCode());
        JsonNode t = json(task);
        long taskId = t.get("id").asLong();
        assertTrue(t.get("number").asText().matches("XC-\\d{4}-\\d{6}"));
        assertEquals(t.get("limitDueAt").asText(), t.get("dueAt").asText());
        String etag = task.headers().firstValue("ETag").orElseThrow();
        assertEquals("TASKED", json(getAs(owner, "/patrols/reports/" + reportId)).get("status").asText());
        assertTrue("the owner follows the task made of their report", ids(owner, "/patrols?size=200").contains(taskId));
        String found = uploadPhoto(company, "现场.png");
        HttpResponse<String> early = post(company, "/patrols/" + taskId + "/close", "{\"text\":\"x\",\"photos\":[{\"fileId\":\"" + found + "\"}]}", etag);
        assertEquals(early.body(), 409, early.statusCode());
        assertTrue(early.body(), early.body().contains("INSPECTED"));
        etag = step(company, "/patrols/" + taskId + "/inspect", "{\"text\":\"路灯线路老化短路\",\"photos\":[{\"fileId\":\"" + found + "\"}]}", etag);
        HttpResponse<String> noPhoto = post(company, "/patrols/" + taskId + "/close", "{\"text\":\"已更换线路\"}", etag);
        assertEquals(noPhoto.body(), 400, noPhoto.statusCode());
        String fixed = uploadPhoto(company, "整改后.png");
        etag = step(company, "/patrols/" + taskId + "/close", "{\"text\":\"已更换线路，路灯恢复正常\",\"photos\":[{\"fileId\":\"" + fixed + "\"}]}", etag);
        assertEquals("CLOSED", json(getAs(owner, "/patrols/reports/" + reportId)).get("status").asText());

        // the owner is told in-app and by SMS
        assertTrue(json(getAs(owner, "/notifications")).toString().contains("/patrols/tasks/" + taskId));
        HttpResponse<String> outbox = get("/sms/messages?reference=patrol-task:" + taskId + "&size=50");
        assertEquals(outbox.body(), 200, outbox.statusCode());
        assertTrue(outbox.body(), outbox.body().contains("PATROL_RESULT"));

        // published without login, without personal data; the thumbnails are public too, the report's photo is not
        HttpResponse<String> pub = get("/public/patrols?size=50", "Authorization", "none");
        assertEquals(pub.body(), 200, pub.statusCode());
        JsonNode item = null;
        for (JsonNode i : json(pub).get("items")) {
            if (i.get("id").asLong() == taskId) {
                item = i;
            }
        }
        assertNotNull(pub.body(), item);
        assertEquals("已更换线路，路灯恢复正常", item.get("fix").asText());
        assertEquals("路灯线路老化短路", item.get("findings").asText());
        assertEquals(estateId, item.get("estateId").asLong());
        assertTrue(item.hasNonNull("estateName") && item.hasNonNull("closedAt"));
        assertEquals(List.of(found, fixed), List.of(item.at("/photoIds/0").asText(), item.at("/photoIds/1").asText()));
        String text = item.toString();
        assertFalse(text, text.contains(ownerName) || text.contains("demo-") || text.contains("13800") || text.contains(photo)
                || text.contains("reporter") || text.contains("Account"));
        HttpResponse<String> thumb = get("/public/patrols/" + taskId + "/photos/" + fixed, "Authorization", "none");
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get("/public/patrols/" + taskId + "/photos/" + photo, "Authorization", "none").statusCode());
    }
}
