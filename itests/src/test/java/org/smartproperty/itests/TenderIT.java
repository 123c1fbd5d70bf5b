package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.After;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.smartproperty.company.UnifiedSocialCreditCode;

/**
 * Issue 15 part 1 through REST in the assembled distribution as every role involved (docs/tendering-contract.md "Tenders"):
 * TND-3/TND-4 refusals with the default rules; then, with the rules set to 0 through PUT /tenders/rules/{code} (restored after
 * each test) so bidding closes within seconds: an open tender with 3 bidders, a drawn and confirmed panel, scores, the result,
 * award and contract filings and the estate's manager changed (DEV-2..7, SUP-TND-2/3, TND-5, TND-6, SUP-CO-1); an invitation
 * tender (fewer than 3 invited = 400, TND-2); too few bidders → FAILED → retender (TND-2); a direct appointment approved →
 * award → contract (TND-1); a blacklisted and an unfiled company refused (TND-7); scopes and roles (DIS-3 public views).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TenderIT extends SpmTestSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] RULES = {"ANNOUNCEMENT_LEAD", "BID_PERIOD", "CLARIFICATION_LEAD", "MIN_BIDDERS", "MIN_INVITED"};
    static final Map<String, Integer> DEFAULTS = Map.of("ANNOUNCEMENT_LEAD", 10, "BID_PERIOD", 20, "CLARIFICATION_LEAD", 15,
            "MIN_BIDDERS", 3, "MIN_INVITED", 3);
    static final String CRITERIA = "[{\"code\":\"PLAN\",\"name\":\"服务方案\",\"weight\":60},{\"code\":\"PRICE\",\"name\":\"报价\",\"weight\":40}]";

    /** Shared across the tests of the class (one container): accounts are made once. */
    static String regulator;
    static String sysadmin;
    static Fixture fx;

    static final class Fixture {
        long developerId;
        List<Long> estates = new ArrayList<>();
        String developer;
        String otherDeveloper;
        /** FILED, not blacklisted companies (not demo-company's) with a logged-in account each. */
        List<Long> companies = new ArrayList<>();
        Map<Long, String> companyTokens = new LinkedHashMap<>();
        long blacklisted;
        String blacklistedToken;
        long unfiled;
        String unfiledToken;
    }

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/tenders?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        regulator = login("demo-regulator", DEMO_PASSWORD, null);
        if (fx == null) {
            fx = fixture();
        }
    }

    @After
    public void restoreRules() {
        rules(DEFAULTS);
    }

    // ------------------------------------------------------------------ helpers

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

    static String materials(String bearer, String title) {
        String id = ok(upload(bearer, title + ".pdf", pdf(title)), 201).get("id").asText();
        return "[{\"title\":\"" + title + "\",\"fileId\":\"" + id + "\"}]";
    }

    static void rules(Map<String, Integer> values) {
        for (JsonNode r : ok(call("GET", regulator, "/tenders/rules", null, null), 200)) {
            Integer want = values.get(r.get("code").asText());
            if (want != null && want != r.get("amount").asInt()) {
                ok(call("PUT", regulator, "/tenders/rules/" + r.get("code").asText(), "{\"amount\":" + want + "}", etag(r)), 200);
            }
        }
    }

    static void zeroRules() {
        rules(Map.of("ANNOUNCEMENT_LEAD", 0, "BID_PERIOD", 0, "CLARIFICATION_LEAD", 0, "MIN_BIDDERS", 3, "MIN_INVITED", 3));
    }

    static String sysadmin() {
        if (sysadmin == null) {
            sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
        }
        return sysadmin;
    }

    /** A new account with the given roles and scope (JSON fragment), logged in with its own password. */
    static String account(String username, String json) {
        HttpResponse<String> account = call("POST", sysadmin(), "/accounts", "{\"username\":\"" + username + "\"," + json + "}", null);
        assertEquals(account.body(), 200, account.statusCode());
        String initial = json(account).get("initialPassword").asText();
        String limited = login(username, initial, null);
        assertEquals(200, call("POST", limited, "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Tender9@2026ok\"}",
                null).statusCode());
        return login(username, "Tender9@2026ok", null);
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 100000000L, 36);
    }

    static Fixture fixture() {
        Fixture f = new Fixture();
        String u = unique();
        // the demo developer's legal person (real-name login: its estates are in its scope, DEV-1) and another developer organisation
        try {
            f.developer = IdentityBindingIT.provincial("gdsim-developer");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        JsonNode me = IdentityBindingIT.meOnce(f.developer, m -> "DEVELOPER".equals(m.at("/scope/kind").asText()));
        f.developerId = me.at("/scope/developerId").asLong();
        me.at("/scope/estateIds").forEach(e -> f.estates.add(e.asLong()));
        assertTrue("the demo developer has estates: " + me, f.estates.size() >= 1);
        if (f.estates.size() == 1) {
            f.estates.add(f.estates.get(0));
        }
        long other = 0;
        for (JsonNode d : ok(call("GET", regulator, "/developers?size=200", null, null), 200).get("items")) {
            if (d.get("id").asLong() != f.developerId && other == 0) {
                other = d.get("id").asLong();
            }
        }
        assertTrue("the demo data has another developer", other > 0);
        f.otherDeveloper = account("tnd-dev2-" + u, "\"roles\":[\"DEVELOPER\"],\"scope\":\"DEVELOPER\",\"developerId\":" + other);

        // companies: 5 FILED and not blacklisted ones (never demo-company, whose estates other suites use), the blacklisted one, an unfiled one
        String demoCompany = login("demo-company", DEMO_PASSWORD, null);
        long demoCompanyId = json(getAs(demoCompany, "/auth/me")).path("scope").path("companyId").asLong();
        Set<Long> black = new TreeSet<>();
        ok(call("GET", regulator, "/credit/companies?blacklisted=true&size=200", null, null), 200).get("items")
                .forEach(c -> black.add(c.get("companyId").asLong()));
        for (JsonNode c : ok(call("GET", regulator, "/companies?size=200", null, null), 200).get("items")) {
            long id = c.get("id").asLong();
            if (black.contains(id) && f.blacklisted == 0 && "FILED".equals(c.get("status").asText())) {
                f.blacklisted = id;
            } else if ("FILED".equals(c.get("status").asText()) && id != demoCompanyId && !black.contains(id) && f.companies.size() < 5) {
                f.companies.add(id);
            }
        }
        // the demo data has few filed companies: new ones filed through the registry (COS-2, SUP-CO-2)
        for (int i = 0; f.companies.size() < 5; i++) {
            long id = newCompany("投标物业" + u + i);
            String token = account("tnd-co" + id + "-" + u, "\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":" + id);
            JsonNode filing = ok(call("POST", token, "/companies/" + id + "/filings", "{\"qualificationGrade\":\"一级\",\"materials\":"
                    + materials(token, "营业执照") + "}", null), 201);
            ok(call("POST", regulator, "/companies/" + id + "/filings/" + filing.get("id").asLong() + "/approve", "{}", etag(filing)), 200);
            f.companies.add(id);
            f.companyTokens.put(id, token);
        }
        if (f.blacklisted == 0) {
            // no filed company is blacklisted: a veto record blacklists one (CRD-3, CRD-5), as the credit domain's rules say
            f.blacklisted = f.companies.remove(4);
            f.companyTokens.remove(f.blacklisted);
            ok(call("POST", regulator, "/credit/records", "{\"companyId\":" + f.blacklisted + ",\"kind\":\"BAD\",\"points\":1,\"veto\":true,"
                    + "\"occurredOn\":\"" + LocalDate.now(ZONE) + "\",\"reason\":\"围标串标\",\"evidence\":" + materials(regulator, "查处决定") + "}",
                    null), 201);
        }
        f.unfiled = newCompany("未备案物业" + u);
        for (long c : f.companies) {
            f.companyTokens.computeIfAbsent(c, x -> account("tnd-co" + c + "-" + u, "\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":" + c));
        }
        f.blacklistedToken = account("tnd-bl-" + u, "\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":" + f.blacklisted);
        f.unfiledToken = account("tnd-uf-" + u, "\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":" + f.unfiled);
        return f;
    }

    /** A new company in the registry (APPLYING), its credit code valid (GB 32100). */
    static long newCompany(String name) {
        String body = Integer.toString(30000000 + (int) (System.nanoTime() % 1000000));
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return ok(call("POST", regulator, "/companies", "{\"name\":\"" + name + "\",\"creditCode\":\"" + first17
                + UnifiedSocialCreditCode.checkChar(first17) + "\",\"legalRepresentative\":\"王五\",\"qualificationGrade\":\"二级\","
                + "\"certificateNumber\":\"ZH-9\",\"contact\":\"王经理\",\"phone\":\"13812345678\",\"officeAddress\":\"横琴\"}", null), 201)
                .get("id").asLong();
    }

    static JsonNode create(String dev, long estate, String method, String extra) {
        return ok(call("POST", dev, "/tenders", "{\"estateId\":" + estate + ",\"title\":\"前期物业服务招标\",\"method\":\"" + method
                + "\",\"serviceMonths\":36" + (extra == null ? "" : "," + extra) + "}", null), 201);
    }

    /** Submits the project and has the regulator approve it; @return the tender after the approval. */
    static JsonNode projectApproved(String dev, long id) {
        JsonNode round = ok(call("POST", dev, "/tenders/" + id + "/project", "{\"materials\":" + materials(dev, "招标项目备案表") + "}", null), 201);
        ok(call("POST", regulator, "/tenders/" + id + "/project/" + round.get("id").asLong() + "/approve", "{}", etag(round)), 200);
        return ok(call("GET", dev, "/tenders/" + id, null, null), 200);
    }

    /** Waits (polling) until the wall clock has passed {@code at}. */
    static void until(Instant at) {
        await("/public/tenders?size=1", r -> Instant.now().isAfter(at), Duration.ofSeconds(120));
    }

    /** With the rules at 0: the announcement published at once (publishAt passed before the approval), bids for {@code seconds}. */
    static JsonNode published(String dev, long id, int seconds) {
        JsonNode t = projectApproved(dev, id);
        assertEquals("ANNOUNCEMENT", t.get("stage").asText());
        Instant publish = Instant.now().plusSeconds(2);
        Instant deadline = publish.plusSeconds(seconds);
        t = ok(call("PUT", dev, "/tenders/" + id + "/announcement", "{\"text\":\"招标公告：欢迎符合条件的物业服务企业报名\",\"publishAt\":\"" + publish
                + "\",\"documentsFrom\":\"" + publish + "\",\"bidDeadline\":\"" + deadline + "\",\"openingAt\":\"" + deadline + "\"}", etag(t)), 200);
        JsonNode round = ok(call("POST", dev, "/tenders/" + id + "/announcement/submit", "{\"materials\":" + materials(dev, "招标公告") + "}",
                null), 201);
        until(publish);
        ok(call("POST", regulator, "/tenders/" + id + "/announcement/" + round.get("id").asLong() + "/approve", "{}", etag(round)), 200);
        t = ok(call("GET", dev, "/tenders/" + id, null, null), 200);
        assertEquals("published at the approval, publishAt being due", "BIDDING", t.get("stage").asText());
        return t;
    }

    /** After the bid deadline: the tenderer closes bidding. */
    static JsonNode closed(String dev, JsonNode t) {
        until(Instant.parse(t.get("bidDeadline").asText()));
        return ok(call("POST", dev, "/tenders/" + t.get("id").asLong() + "/close-bidding", "{}", null), 200);
    }

    static void awardAndContract(String dev, long id, long estate, long winner, LocalDate from) {
        JsonNode aw = ok(call("POST", dev, "/tenders/" + id + "/award", "{\"materials\":" + materials(dev, "中标结果备案表") + "}", null), 201);
        ok(call("POST", regulator, "/tenders/" + id + "/award/" + aw.get("id").asLong() + "/approve", "{}", etag(aw)), 200);
        JsonNode t = ok(call("GET", dev, "/tenders/" + id, null, null), 200);
        assertEquals("CONTRACT", t.get("stage").asText());
        assertTrue("the contract filing's deadline (TND-6)", t.hasNonNull("contractDueAt"));
        assertEquals("the signed contract is required", 400, call("POST", dev, "/tenders/" + id + "/contract", "{\"summary\":\"摘要\","
                + "\"serviceFrom\":\"" + from + "\",\"signedAt\":\"" + LocalDate.now(ZONE) + "\",\"materials\":[]}", null).statusCode());
        // the estate's managers before: their periods open on the new start end the day before it
        List<Long> previous = new ArrayList<>();
        for (JsonNode c : ok(call("GET", regulator, "/companies?size=200", null, null), 200).get("items")) {
            for (JsonNode p : c.path("servicePeriods")) {
                if (p.get("estateId").asLong() == estate && LocalDate.parse(p.get("from").asText()).isBefore(from)
                        && (!p.hasNonNull("to") || !LocalDate.parse(p.get("to").asText()).isBefore(from))) {
                    previous.add(c.get("id").asLong());
                }
            }
        }
        JsonNode cr = ok(call("POST", dev, "/tenders/" + id + "/contract", "{\"summary\":\"前期物业服务合同，服务期三年\",\"serviceFrom\":\"" + from
                + "\",\"serviceTo\":\"" + from.plusYears(3).minusDays(1) + "\",\"monthlyFee\":2.8,\"signedAt\":\"" + LocalDate.now(ZONE)
                + "\",\"materials\":" + materials(dev, "已签署的物业服务合同") + "}", null), 201);
        ok(call("POST", regulator, "/tenders/" + id + "/contract/" + cr.get("id").asLong() + "/approve", "{}", etag(cr)), 200);
        assertEquals("CONTRACTED", ok(call("GET", dev, "/tenders/" + id, null, null), 200).get("stage").asText());
        boolean managed = false;
        for (JsonNode p : ok(call("GET", regulator, "/companies/" + winner, null, null), 200).get("servicePeriods")) {
            managed |= p.get("estateId").asLong() == estate && p.get("from").asText().equals(from.toString());
        }
        assertTrue("the winner manages the estate from the contract's start (SUP-CO-1)", managed);
        for (long prev : previous) {
            if (prev == winner) {
                continue;
            }
            boolean ended = false;
            for (JsonNode p : ok(call("GET", regulator, "/companies/" + prev, null, null), 200).get("servicePeriods")) {
                ended |= p.get("estateId").asLong() == estate && p.path("to").asText().equals(from.minusDays(1).toString());
            }
            assertTrue("the previous manager's period ends the day before", ended);
        }
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    public void a_defaultRulesRefuseAShortBidPeriodAndALateFiling_TND_3_TND_4() {
        rules(DEFAULTS);
        String dev = fx.developer;
        long id = create(dev, fx.estates.get(0), "OPEN", "\"criteria\":" + CRITERIA).get("id").asLong();
        JsonNode t = projectApproved(dev, id);
        Instant publish = Instant.now().plus(Duration.ofDays(5));
        HttpResponse<String> shortPeriod = call("PUT", dev, "/tenders/" + id + "/announcement", "{\"text\":\"公告\",\"publishAt\":\"" + publish
                + "\",\"documentsFrom\":\"" + publish + "\",\"bidDeadline\":\"" + publish.plus(Duration.ofDays(10)) + "\",\"openingAt\":\""
                + publish.plus(Duration.ofDays(11)) + "\"}", etag(t));
        assertEquals(shortPeriod.body(), 400, shortPeriod.statusCode());
        assertEquals("bidDeadline", json(shortPeriod).at("/errors/0/field").asText());
        ok(call("PUT", dev, "/tenders/" + id + "/announcement", "{\"text\":\"公告\",\"publishAt\":\"" + publish + "\",\"documentsFrom\":\"" + publish
                + "\",\"bidDeadline\":\"" + publish.plus(Duration.ofDays(20)) + "\",\"openingAt\":\"" + publish.plus(Duration.ofDays(20)) + "\"}",
                etag(t)), 200);
        HttpResponse<String> late = call("POST", dev, "/tenders/" + id + "/announcement/submit", "{\"materials\":" + materials(dev, "公告") + "}", null);
        assertEquals(late.body(), 400, late.statusCode());
        assertEquals("publishAt", json(late).at("/errors/0/field").asText());
        // the rules are the regulator's
        JsonNode rule = ok(call("GET", dev, "/tenders/rules", null, null), 200).get(0);
        assertEquals(403, call("PUT", dev, "/tenders/rules/" + rule.get("code").asText(), "{\"amount\":0}", etag(rule)).statusCode());
    }

    @Test
    public void b_openTenderThreeBiddersPanelScoresResultAwardContract_theEstatesManagerChanges() {
        zeroRules();
        String dev = fx.developer;
        long estate = fx.estates.get(0);
        long id = create(dev, estate, "OPEN", "\"criteria\":" + CRITERIA).get("id").asLong();
        JsonNode t = published(dev, id, 25);
        assertEquals(200, get("/public/tenders/" + id).statusCode());
        long[] bidders = {fx.companies.get(0), fx.companies.get(1), fx.companies.get(2)};
        for (long c : bidders) {
            ok(call("POST", fx.companyTokens.get(c), "/tenders/" + id + "/bidders", "{}", null), 201);
        }
        HttpResponse<String> twice = call("POST", fx.companyTokens.get(bidders[0]), "/tenders/" + id + "/bidders", "{}", null);
        assertEquals(409, twice.statusCode());
        assertEquals("tender.bidder.duplicate", json(twice).get("code").asText());
        HttpResponse<String> black = call("POST", fx.blacklistedToken, "/tenders/" + id + "/bidders", "{}", null);
        assertEquals(black.body(), 409, black.statusCode());
        assertEquals("tender.bidder.blacklisted", json(black).get("code").asText());
        HttpResponse<String> unfiled = call("POST", fx.unfiledToken, "/tenders/" + id + "/bidders", "{}", null);
        assertEquals(unfiled.body(), 409, unfiled.statusCode());
        assertEquals("tender.bidder.notFiled", json(unfiled).get("code").asText());
        assertEquals(1, ok(call("GET", fx.companyTokens.get(bidders[1]), "/tenders/" + id + "/bidders", null, null), 200).size());
        assertEquals(3, ok(call("GET", dev, "/tenders/" + id + "/bidders", null, null), 200).size());

        t = closed(dev, t);
        assertEquals("EVALUATION", t.get("stage").asText());

        // the panel (DEV-5, TND-5): 6 experts of a specialty of this test, each with an EXPERT login
        String specialty = "TND_IT_" + unique().toUpperCase();
        Map<String, String> experts = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            String user = "tnd-ex" + i + "-" + unique();
            experts.put(user, account(user, "\"roles\":[\"EXPERT\"],\"scope\":\"NONE\""));
            ok(call("POST", regulator, "/experts", "{\"name\":\"评标专家" + i + "\",\"phone\":\"1381234567" + i + "\",\"specialties\":[\"" + specialty
                    + "\"],\"title\":\"高级工程师\",\"employerName\":\"横琴大学\",\"accountName\":\"" + user + "\",\"ties\":[]}", null), 201);
        }
        JsonNode panel = ok(call("POST", dev, "/tenders/" + id + "/panel", "{\"panelSize\":5,\"drawnCount\":4,\"reserveCount\":2,\"specialty\":\""
                + specialty + "\",\"representatives\":[\"招标人代表\"],\"confirmHours\":24}", null), 200);
        long drawId = panel.get("drawId").asLong();
        for (JsonNode s : ok(call("GET", regulator, "/expert-draws/" + drawId + "/confirmations", null, null), 200)) {
            ok(call("POST", regulator, "/expert-draws/" + drawId + "/confirmations/" + s.get("seat").asInt() + "/confirm", "{}", null), 200);
        }
        JsonNode masked = ok(call("GET", dev, "/tenders/" + id + "/panel", null, null), 200);
        assertTrue(masked.toString(), masked.get("complete").asBoolean());
        JsonNode full = ok(call("GET", regulator, "/tenders/" + id + "/panel", null, null), 200);
        for (int i = 0; i < 4; i++) {
            assertFalse("names hidden before publication (TND-5)", masked.get("seats").get(i).hasNonNull("expertId"));
            assertTrue(full.get("seats").get(i).hasNonNull("accountName"));
        }
        // every seat scores: bidders[1] wins
        for (JsonNode s : full.get("seats")) {
            int seat = s.get("seat").asInt();
            String scorer = s.get("representative").asBoolean() ? dev : experts.get(s.get("accountName").asText());
            assertNotNull(s.toString(), scorer);
            String body = "{" + (s.get("representative").asBoolean() ? "\"seat\":" + seat + "," : "") + "\"scores\":["
                    + "{\"companyId\":" + bidders[0] + ",\"criterion\":\"PLAN\",\"points\":40},{\"companyId\":" + bidders[0] + ",\"criterion\":\"PRICE\",\"points\":30},"
                    + "{\"companyId\":" + bidders[1] + ",\"criterion\":\"PLAN\",\"points\":" + (50 + seat) + "},{\"companyId\":" + bidders[1]
                    + ",\"criterion\":\"PRICE\",\"points\":35},"
                    + "{\"companyId\":" + bidders[2] + ",\"criterion\":\"PLAN\",\"points\":45},{\"companyId\":" + bidders[2] + ",\"criterion\":\"PRICE\",\"points\":33}]}";
            ok(call("POST", scorer, "/tenders/" + id + "/scores", body, null), 200);
        }
        JsonNode result = ok(call("POST", dev, "/tenders/" + id + "/result", "{}", null), 200);
        assertEquals(bidders[1], result.get("winnerCompanyId").asLong());
        assertEquals("TRIMMED_MEAN", result.get("method").asText());
        t = ok(call("GET", dev, "/tenders/" + id, null, null), 200);
        assertEquals("PUBLICITY", t.get("stage").asText());
        assertTrue("the award filing's deadline (TND-6)", t.hasNonNull("awardDueAt"));
        JsonNode pub = ok(get("/public/tenders/" + id), 200);
        assertEquals(bidders[1], pub.at("/result/winnerCompanyId").asLong());
        assertTrue("names public once published", pub.at("/panel/seats/0").hasNonNull("name"));
        assertFalse(pub.at("/panel/seats/0/name").asText().startsWith("专家 "));

        awardAndContract(dev, id, estate, bidders[1], LocalDate.now(ZONE).plusDays(30));
    }

    @Test
    public void c_invitationTenderInvitesAtLeastThree_TND_2() {
        zeroRules();
        String dev = fx.developer;
        long c0 = fx.companies.get(0);
        long c1 = fx.companies.get(1);
        long c2 = fx.companies.get(2);
        HttpResponse<String> few = call("POST", dev, "/tenders", "{\"estateId\":" + fx.estates.get(1) + ",\"title\":\"邀请招标\",\"method\":\"INVITATION\","
                + "\"serviceMonths\":24,\"invitedCompanyIds\":[" + c0 + "," + c1 + "],\"criteria\":" + CRITERIA + "}", null);
        assertEquals(few.body(), 400, few.statusCode());
        assertEquals("invitedCompanyIds", json(few).at("/errors/0/field").asText());
        long id = create(dev, fx.estates.get(1), "INVITATION", "\"invitedCompanyIds\":[" + c0 + "," + c1 + "," + c2 + "],\"criteria\":" + CRITERIA)
                .get("id").asLong();
        published(dev, id, 60);
        ok(call("POST", fx.companyTokens.get(c0), "/tenders/" + id + "/bidders", "{}", null), 201);
        HttpResponse<String> outsider = call("POST", fx.companyTokens.get(fx.companies.get(3)), "/tenders/" + id + "/bidders", "{}", null);
        assertEquals(outsider.body(), 403, outsider.statusCode());
        assertEquals("tender.bidder.notInvited", json(outsider).get("code").asText());
    }

    @Test
    public void d_tooFewBiddersFailThenRetender_TND_2() {
        zeroRules();
        String dev = fx.developer;
        long id = create(dev, fx.estates.get(1), "OPEN", "\"criteria\":" + CRITERIA).get("id").asLong();
        JsonNode t = published(dev, id, 8);
        ok(call("POST", fx.companyTokens.get(fx.companies.get(0)), "/tenders/" + id + "/bidders", "{}", null), 201);
        t = closed(dev, t);
        assertEquals("FAILED", t.get("stage").asText());
        JsonNode again = ok(call("POST", dev, "/tenders/" + id + "/retender", "{}", null), 201);
        assertEquals("DRAFT", again.get("stage").asText());
        assertEquals(id, again.get("retenderOf").asLong());
        assertEquals(409, call("POST", dev, "/tenders/" + id + "/retender", "{}", null).statusCode());
    }

    @Test
    public void e_directAppointmentApprovedThenAwardAndContract_TND_1() {
        zeroRules();
        String dev = fx.developer;
        long estate = fx.estates.get(1);
        long id = create(dev, estate, "OPEN", "\"criteria\":" + CRITERIA).get("id").asLong();
        JsonNode t = closed(dev, published(dev, id, 5));
        assertEquals("FAILED", t.get("stage").asText());
        long company = fx.companies.get(2);
        assertEquals(400, call("POST", dev, "/tenders/" + id + "/direct", "{\"companyId\":" + company + "}", null).statusCode());
        JsonNode direct = ok(call("POST", dev, "/tenders/" + id + "/direct", "{\"companyId\":" + company + ",\"grounds\":\"投标人不足三家，申请协议选聘\"}",
                null), 201);
        assertEquals("DIRECT", direct.get("method").asText());
        assertEquals("PROJECT_REVIEW", direct.get("stage").asText());
        long did = direct.get("id").asLong();
        JsonNode round = ok(call("GET", regulator, "/tenders/" + did + "/project", null, null), 200).get(0);
        ok(call("POST", regulator, "/tenders/" + did + "/project/" + round.get("id").asLong() + "/approve", "{\"reason\":\"同意协议选聘\"}",
                etag(round)), 200);
        JsonNode award = ok(call("GET", dev, "/tenders/" + did, null, null), 200);
        assertEquals("AWARD", award.get("stage").asText());
        assertEquals(company, award.get("winnerCompanyId").asLong());
        awardAndContract(dev, did, estate, company, LocalDate.now(ZONE).plusDays(60));
    }

    @Test
    public void f_scopesAndRoles() {
        zeroRules();
        String dev = fx.developer;
        long id = create(dev, fx.estates.get(0), "OPEN", "\"criteria\":" + CRITERIA).get("id").asLong();
        assertEquals("another developer's tender", 404, call("GET", fx.otherDeveloper, "/tenders/" + id, null, null).statusCode());
        assertEquals("another developer's estate", 404, call("POST", fx.otherDeveloper, "/tenders", "{\"estateId\":" + fx.estates.get(0)
                + ",\"title\":\"x\",\"method\":\"OPEN\",\"serviceMonths\":12,\"criteria\":" + CRITERIA + "}", null).statusCode());
        String company = fx.companyTokens.get(fx.companies.get(0));
        assertEquals("a company cannot create", 403, call("POST", company, "/tenders", "{\"estateId\":" + fx.estates.get(0)
                + ",\"title\":\"x\",\"method\":\"OPEN\",\"serviceMonths\":12,\"criteria\":" + CRITERIA + "}", null).statusCode());
        assertEquals("a draft is not the company's", 404, call("GET", company, "/tenders/" + id, null, null).statusCode());
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        assertEquals(403, call("GET", owner, "/tenders", null, null).statusCode());
        assertEquals(401, getAs(null, "/tenders").statusCode());
        assertEquals("the public sees announcements and results only", 404, get("/public/tenders/" + id).statusCode());
        for (JsonNode p : ok(get("/public/tenders?size=100"), 200).get("items")) {
            assertTrue(p.hasNonNull("announcement"));
            assertFalse(p.toString().contains("createdBy"));
        }
        assertEquals(400, get("/public/tenders?kind=drafts").statusCode());
        assertEquals("the regulator sees every tender", 200, call("GET", regulator, "/tenders/" + id, null, null).statusCode());
        // OCS-5: the committee is the tenderer for its estate; the developer does not see the committee's tender
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        long estate = json(getAs(committee, "/auth/me")).at("/scope/estateIds/0").asLong();
        JsonNode byCommittee = create(committee, estate, "OPEN", "\"criteria\":" + CRITERIA);
        assertEquals("COMMITTEE", byCommittee.get("tendererKind").asText());
        assertEquals(estate, byCommittee.get("tendererId").asLong());
        assertEquals(404, call("GET", dev, "/tenders/" + byCommittee.get("id").asLong(), null, null).statusCode());
        JsonNode mine = ok(call("GET", committee, "/tenders?size=200", null, null), 200);
        for (JsonNode t : mine.get("items")) {
            assertEquals(estate, t.get("estateId").asLong());
        }
    }

    @Test
    public void g_demoDataHasTendersInEveryStageEvaluatedByDrawnPanelsAndReappointmentsToAFiledContract() {
        Set<String> early = new TreeSet<>();
        Map<String, JsonNode> byStage = new java.util.HashMap<>();
        for (JsonNode t : ok(call("GET", regulator, "/tenders?size=200&q=" + java.net.URLEncoder.encode("前期物业服务招标（",
                java.nio.charset.StandardCharsets.UTF_8), null, null), 200).get("items")) {
            early.add(t.get("stage").asText());
            byStage.putIfAbsent(t.get("stage").asText(), t);
        }
        assertTrue(early.toString(), early.containsAll(Set.of("DRAFT", "PROJECT_REVIEW", "ANNOUNCEMENT", "ANNOUNCEMENT_REVIEW", "SCHEDULED",
                "BIDDING", "FAILED", "EVALUATION", "PUBLICITY", "CONTRACT", "CONTRACTED")));
        // evaluated by drawn panels whose experts confirmed and scored their own seats (DEV-5, TND-5): results public, names too
        for (String stage : List.of("PUBLICITY", "CONTRACT", "CONTRACTED")) {
            long id = byStage.get(stage).get("id").asLong();
            JsonNode result = ok(call("GET", regulator, "/tenders/" + id + "/result", null, null), 200);
            assertTrue(result.toString(), result.hasNonNull("winnerCompanyId"));
            JsonNode panel = ok(get("/public/tenders/" + id), 200).at("/panel/seats");
            assertEquals(panel.toString(), 5, panel.size());
            assertFalse(panel.toString(), panel.get(0).get("name").asText().startsWith("专家 "));
        }
        // the filed contract made its winner the estate's manager from today (SUP-CO-1, DEV-7)
        JsonNode contracted = byStage.get("CONTRACTED");
        long winner = ok(call("GET", regulator, "/tenders/" + contracted.get("id").asLong() + "/result", null, null), 200).get("winnerCompanyId").asLong();
        boolean manages = false;
        for (JsonNode p : ok(call("GET", regulator, "/companies/" + winner, null, null), 200).get("servicePeriods")) {
            manages |= p.get("estateId").asLong() == contracted.get("estateId").asLong() && !LocalDate.parse(p.get("from").asText()).isAfter(LocalDate.now(ZONE))
                    && (!p.hasNonNull("to") || !LocalDate.parse(p.get("to").asText()).isBefore(LocalDate.now(ZONE)));
        }
        assertTrue("the winner manages the estate", manages);
        // a year of history (issue 15): the finished tenders spread over the last year, the open ones recent, publicity still running
        Instant now = Instant.now();
        Duration oldest = Duration.ZERO;
        for (JsonNode t : ok(call("GET", regulator, "/tenders?size=200", null, null), 200).get("items")) {
            Duration age = Duration.between(Instant.parse(t.get("createdAt").asText()), now);
            String stage = t.get("stage").asText();
            if (Set.of("FAILED", "CONTRACTED").contains(stage)) {
                oldest = age.compareTo(oldest) > 0 ? age : oldest;
            }
        }
        assertTrue("the oldest finished tender is months old: " + oldest, oldest.compareTo(Duration.ofDays(300)) > 0);
        for (String stage : List.of("DRAFT", "BIDDING", "EVALUATION", "CONTRACT")) {
            Duration age = Duration.between(Instant.parse(byStage.get(stage).get("createdAt").asText()), now);
            assertTrue(stage + " is recent: " + age, age.compareTo(Duration.ofDays(30)) < 0);
        }
        JsonNode publicity = ok(call("GET", regulator, "/tenders/" + byStage.get("PUBLICITY").get("id").asLong(), null, null), 200);
        assertTrue(publicity.toString(), Instant.parse(publicity.get("publicityUntil").asText()).isAfter(now));
        assertTrue(publicity.toString(), Instant.parse(publicity.get("resultPublishedAt").asText()).isBefore(now.minus(Duration.ofHours(20))));
        Set<String> again = new TreeSet<>();
        for (JsonNode t : ok(call("GET", regulator, "/tenders?size=200&q=" + java.net.URLEncoder.encode("物业服务续聘",
                java.nio.charset.StandardCharsets.UTF_8), null, null), 200).get("items")) {
            again.add(t.get("stage").asText());
            assertEquals("DIRECT", t.get("method").asText());
            assertEquals("COMMITTEE", t.get("tendererKind").asText());
        }
        assertTrue(again.toString(), again.containsAll(Set.of("PROJECT_REVIEW", "AWARD", "AWARD_REVIEW", "CONTRACT", "CONTRACT_REVIEW",
                "CONTRACTED")));
        // the demo's published announcements are public (DIS-3)
        assertTrue(ok(get("/public/tenders?size=5"), 200).get("total").asInt() >= 1);
    }
}
