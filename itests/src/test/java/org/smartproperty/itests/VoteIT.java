package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.sql.DataSource;

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
import org.osgi.framework.ServiceReference;
import org.smartproperty.platform.JobRunner;

/**
 * Issue 16 part 1 through REST in the assembled distribution (docs/voting-contract.md): a vote from notice to published
 * result with each threshold case — a 3/4 matter passing, a matter failing the quorum on heads while passing it on area
 * (exactly 2/3), a majority matter failing on area — a changed ballot, a paper ballot with its scan, receipts, scopes (a
 * company and an owner of another estate see nothing: 404; an owner asks for the history: 403), problem+json for bad input;
 * then the 4,000-owner estate: 4,000 owners cast in the vote's last minutes at once, none lost, none counted twice.
 * The register (estate, houses, owners, verified titles) and the accounts with their tokens are written by SQL (the
 * setting-up, not the point); time moves by shifting the vote's own rows and running the job vote.clock now.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class VoteIT extends SpmTestSupport {

    static final int BIG = 4000;

    @Inject
    BundleContext context;

    /** Shared across the tests of the class (one container): the register and accounts are made once. */
    static Fixture fx;

    static final class Fixture {
        long base;
        long estate;
        long otherEstate;
        long o1;
        List<Long> small = new ArrayList<>();
        String committee;
        String company;
        String otherCompany;
        String otherOwner;
        List<String> owners = new ArrayList<>();
        long bigEstate;
        String bigCommittee;
        List<String> bigOwners = new ArrayList<>();
    }

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() throws Exception {
        awaitDemoData();
        await("/public/votes?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        token = login("demo-regulator", DEMO_PASSWORD, null);
        if (fx == null) {
            fx = fixture();
        }
    }

    // ------------------------------------------------------------------ fixture (SQL)

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

    void clock() throws Exception {
        ServiceReference<JobRunner> ref = context.getServiceReference(JobRunner.class);
        JobRunner jobs = context.getService(ref);
        try {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end) {
                var s = jobs.runNow("vote.clock").orElseThrow();
                if (!"SKIPPED".equals(String.valueOf(s.lastOutcome()))) {
                    return;
                }
                Thread.sleep(100);
            }
        } finally {
            context.ungetService(ref);
        }
    }

    Fixture fixture() throws Exception {
        Fixture f = new Fixture();
        f.base = 7_000_000L + (System.currentTimeMillis() % 1000) * 10_000L;
        long[] next = {f.base};
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            f.estate = estate(c, next, "VIT投票小区", 9_100_001L);
            f.otherEstate = estate(c, next, "VIT另一小区", 9_100_002L);
            long building = building(c, next, f.estate);
            f.o1 = owner(c, next, f.estate, building, "50.00", "30.00");
            for (int i = 0; i < 6; i++) {
                f.small.add(owner(c, next, f.estate, building, "5.00"));
            }
            house(c, next, f.estate, building, "10.00", "UNSOLD");
            house(c, next, f.estate, building, "33.00", "SOLD");
            long otherOwner = owner(c, next, f.otherEstate, building(c, next, f.otherEstate), "90.00");
            f.committee = account(c, next, "COMMITTEE", "estate_id", f.estate);
            f.company = account(c, next, "COMPANY", "company_id", 9_100_001L);
            f.otherCompany = account(c, next, "COMPANY", "company_id", 9_100_002L);
            f.otherOwner = account(c, next, "OWNER", "owner_id", otherOwner);
            f.owners.add(account(c, next, "OWNER", "owner_id", f.o1));
            for (long o : f.small) {
                f.owners.add(account(c, next, "OWNER", "owner_id", o));
            }
            // the 4,000-flat estate: 4,000 owners with verified titles and an account each
            f.bigEstate = estate(c, next, "VIT四千户小区", 9_100_003L);
            long bigBuilding = building(c, next, f.bigEstate);
            f.bigCommittee = account(c, next, "COMMITTEE", "estate_id", f.bigEstate);
            bigRegister(c, next, f, bigBuilding);
            c.commit();
        }
        return f;
    }

    static long estate(Connection c, long[] next, String name, long companyId) throws Exception {
        long id = ++next[0];
        exec(c, "INSERT INTO est_estate (id, name, address, community, admin_code, company_id, company_name, status, version, created_at, created_by,"
                + " updated_at, updated_by) VALUES (" + id + ", '" + name + id + "', '横琴', '横琴', '440404', " + companyId
                + ", 'VIT物业', 'ACTIVE', 1, CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
        return id;
    }

    static long building(Connection c, long[] next, long estate) throws Exception {
        long id = ++next[0];
        exec(c, "INSERT INTO est_building (id, estate_id, number, floors_above, floors_below, version, created_at, created_by, updated_at, updated_by)"
                + " VALUES (" + id + ", " + estate + ", 'V" + id + "', 30, 0, 1, CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
        return id;
    }

    static long house(Connection c, long[] next, long estate, long building, String area, String status) throws Exception {
        long id = ++next[0];
        exec(c, "INSERT INTO est_house (id, estate_id, building_id, unit_code, floor_no, room_no, house_use, measured_area, status, version, created_at,"
                + " created_by, updated_at, updated_by) VALUES (" + id + ", " + estate + ", " + building + ", 'VIT" + id + "', 1, '" + id
                + "', 'RESIDENTIAL', " + area + ", '" + status + "', 1, CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
        return id;
    }

    static long owner(Connection c, long[] next, long estate, long building, String... areas) throws Exception {
        long owner = ++next[0];
        exec(c, "INSERT INTO est_owner (id, name, id_type, id_number, version, created_at, created_by, updated_at, updated_by) VALUES (" + owner
                + ", '业主" + owner + "', 'CN_RESIDENT_ID', 'VIT" + owner + "', 1, CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
        for (String a : areas) {
            long h = house(c, next, estate, building, a, "SOLD");
            exec(c, "INSERT INTO est_house_owner (id, house_id, owner_id, created_at) VALUES (" + (++next[0]) + ", " + h + ", " + owner + ", CURRENT_TIMESTAMP)");
            exec(c, "INSERT INTO est_title_verification (id, house_id, owner_id, verified_at, result, exclusive_area, certificate_no, registry_source,"
                    + " verified_by) VALUES (" + (++next[0]) + ", " + h + ", " + owner + ", CURRENT_TIMESTAMP, 'HELD', " + a + ", 'C" + h + "', 'VIT', 'vit')");
        }
        return owner;
    }

    /** An ACTIVE account of the role with its stored scope and a bearer token (SHA-256 in sec_token, as a login writes it). */
    static String account(Connection c, long[] next, String role, String scopeColumn, long scopeId) throws Exception {
        long id = ++next[0];
        String kind = role.equals("OWNER") ? "OWNER" : role;
        exec(c, "INSERT INTO sec_account (id, username, display_name, status, must_change, failed_count, scope_kind, " + scopeColumn
                + ", created_at, updated_at, version) VALUES (" + id + ", 'vit-" + id + "', 'VIT', 'ACTIVE', FALSE, 0, '" + kind + "', " + scopeId
                + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        exec(c, "INSERT INTO sec_account_role (account_id, role) VALUES (" + id + ", '" + role + "')");
        String token = "vit-" + UUID.randomUUID() + UUID.randomUUID();
        exec(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited) VALUES ('" + sha256(token) + "', " + id
                + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 day', FALSE)");
        return token;
    }

    /** 4,000 houses of 88.00 m², each with its own verified owner and an owner account: batched. */
    static void bigRegister(Connection c, long[] next, Fixture f, long building) throws Exception {
        try (PreparedStatement h = c.prepareStatement("INSERT INTO est_house (id, estate_id, building_id, unit_code, floor_no, room_no, house_use,"
                + " measured_area, status, version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, 'RESIDENTIAL', 88.00, 'SOLD', 1,"
                + " CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
             PreparedStatement o = c.prepareStatement("INSERT INTO est_owner (id, name, id_type, id_number, version, created_at, created_by, updated_at,"
                     + " updated_by) VALUES (?, '业主', 'CN_RESIDENT_ID', ?, 1, CURRENT_TIMESTAMP, 'vit', CURRENT_TIMESTAMP, 'vit')");
             PreparedStatement ho = c.prepareStatement("INSERT INTO est_house_owner (id, house_id, owner_id, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)");
             PreparedStatement tv = c.prepareStatement("INSERT INTO est_title_verification (id, house_id, owner_id, verified_at, result, exclusive_area,"
                     + " certificate_no, registry_source, verified_by) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'HELD', 88.00, ?, 'VIT', 'vit')");
             PreparedStatement a = c.prepareStatement("INSERT INTO sec_account (id, username, display_name, status, must_change, failed_count, scope_kind,"
                     + " owner_id, created_at, updated_at, version) VALUES (?, ?, 'VIT', 'ACTIVE', FALSE, 0, 'OWNER', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
             PreparedStatement ar = c.prepareStatement("INSERT INTO sec_account_role (account_id, role) VALUES (?, 'OWNER')");
             PreparedStatement t = c.prepareStatement("INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited)"
                     + " VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 day', FALSE)")) {
            for (int i = 0; i < BIG; i++) {
                long house = ++next[0];
                long owner = ++next[0];
                long account = ++next[0];
                h.setLong(1, house);
                h.setLong(2, f.bigEstate);
                h.setLong(3, building);
                h.setString(4, "VIT" + house);
                h.setString(5, String.valueOf(house));
                h.addBatch();
                o.setLong(1, owner);
                o.setString(2, "VIT" + owner);
                o.addBatch();
                ho.setLong(1, ++next[0]);
                ho.setLong(2, house);
                ho.setLong(3, owner);
                ho.addBatch();
                tv.setLong(1, ++next[0]);
                tv.setLong(2, house);
                tv.setLong(3, owner);
                tv.setString(4, "C" + house);
                tv.addBatch();
                a.setLong(1, account);
                a.setString(2, "vit-" + account);
                a.setLong(3, owner);
                a.addBatch();
                ar.setLong(1, account);
                ar.addBatch();
                String token = "vit-" + UUID.randomUUID() + UUID.randomUUID();
                t.setString(1, sha256(token));
                t.setLong(2, account);
                t.addBatch();
                f.bigOwners.add(token);
            }
            for (PreparedStatement ps : List.of(h, o, ho, tv, a, ar, t)) {
                ps.executeBatch();
            }
        }
    }

    static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Moves the vote's own times back (vot_vote): {@code startsAgo} before now it started, it ends {@code endsIn} from now. */
    void move(long voteId, Duration startsAgo, Duration endsIn) throws Exception {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE vot_vote SET starts_at = ?, ends_at = ? WHERE id = ?")) {
            ps.setLong(1, now - startsAgo.toMillis());
            ps.setLong(2, now + endsIn.toMillis());
            ps.setLong(3, voteId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    // ------------------------------------------------------------------ REST helpers

    static HttpResponse<String> as(String bearer, String method, String path, String body, String... more) {
        List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + bearer));
        h.addAll(List.of(more));
        return send(method, path, body, h.toArray(new String[0]));
    }

    static String ifMatch(JsonNode v) {
        return "\"" + v.get("version").asLong() + "\"";
    }

    static String voteBody(long estate, Instant start, Instant end, boolean change, String... categories) {
        StringBuilder ms = new StringBuilder();
        for (String c : categories) {
            ms.append(ms.length() == 0 ? "" : ",").append("{\"title\":\"事项").append(c).append("\",\"category\":\"").append(c).append("\"}");
        }
        return "{\"estateId\":" + estate + ",\"title\":\"VIT表决" + System.nanoTime() + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
                + "\",\"ballotChangeAllowed\":" + change + ",\"matters\":[" + ms + "]}";
    }

    static String choices(JsonNode vote, String... choices) {
        return "{\"choices\":" + choiceArray(vote, choices) + "}";
    }

    static String choiceArray(JsonNode vote, String... choices) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] == null) {
                continue;
            }
            b.append(b.charAt(b.length() - 1) == '[' ? "" : ",").append("{\"matterId\":").append(vote.get("matters").get(i).get("id").asLong())
                    .append(",\"choice\":\"").append(choices[i]).append("\"}");
        }
        return b.append("]").toString();
    }

    /** Created by the committee, noticed (VOTE-8), started in the past by moving its rows, opened by the job. */
    JsonNode openVote(String committee, long estate, boolean change, Duration endsIn, String... categories) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(16));
        HttpResponse<String> made = as(committee, "POST", "/votes", voteBody(estate, start, start.plus(Duration.ofDays(7)), change, categories));
        assertEquals(made.body(), 201, made.statusCode());
        JsonNode v = json(made);
        HttpResponse<String> noticed = as(committee, "POST", "/votes/" + v.get("id").asLong() + "/notice", null, "If-Match", ifMatch(v));
        assertEquals(noticed.body(), 200, noticed.statusCode());
        move(v.get("id").asLong(), Duration.ofSeconds(5), endsIn);
        clock();
        JsonNode open = json(as(committee, "GET", "/votes/" + v.get("id").asLong(), null));
        assertEquals(open.toString(), "OPEN", open.get("status").asText());
        return open;
    }

    // ------------------------------------------------------------------ tests

    @Test
    public void a_fromNoticeToPublishedResult_VOTE_2_3_4_6_8_DIS_4() throws Exception {
        // problem+json for bad input, every field at once
        HttpResponse<String> bad = as(fx.committee, "POST", "/votes", "{\"title\":\" \",\"matters\":[{\"title\":\"x\",\"category\":\"NOPE\"}]}");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String fields = json(bad).get("errors").toString();
        for (String f : List.of("estateId", "title", "startsAt", "matters[0].category")) {
            assertTrue(fields, fields.contains("\"" + f + "\""));
        }
        // VOTE-8: a start 14 days after the notice is refused
        Instant soon = Instant.now().plus(Duration.ofDays(14));
        JsonNode quick = json(as(fx.committee, "POST", "/votes", voteBody(fx.estate, soon, soon.plus(Duration.ofDays(3)), false, "OTHER")));
        HttpResponse<String> tooSoon = as(fx.committee, "POST", "/votes/" + quick.get("id").asLong() + "/notice", null, "If-Match", ifMatch(quick));
        assertEquals(400, tooSoon.statusCode());
        assertTrue(tooSoon.body(), tooSoon.body().contains("vote.noticeTooShort"));
        assertEquals(428, as(fx.committee, "POST", "/votes/" + quick.get("id").asLong() + "/notice", null).statusCode());

        JsonNode v = openVote(fx.committee, fx.estate, true, Duration.ofMinutes(30), "FUND_RAISE", "COVENANT", "OTHER");
        long id = v.get("id").asLong();
        assertEquals(8, v.get("electorHeads").asInt());
        assertEquals("120.00", v.get("electorArea").asText());

        // scopes: a company of another estate and an owner of another estate: 404; an owner asks for the history: 403
        assertEquals(404, as(fx.otherCompany, "GET", "/votes/" + id, null).statusCode());
        assertEquals(404, as(fx.otherOwner, "GET", "/votes/" + id, null).statusCode());
        assertEquals(200, as(fx.company, "GET", "/votes/" + id, null).statusCode());
        assertEquals(403, as(fx.owners.get(0), "GET", "/votes/" + id + "/events", null).statusCode());
        assertEquals(403, as(fx.owners.get(0), "POST", "/votes/" + id + "/suspend", "{\"reason\":\"x\"}", "If-Match", ifMatch(v)).statusCode());

        // ballots: O1 all three; O2 changes; O3, O4; O5 on paper with the scan; O6 disagrees / abstains; O7 does not vote
        HttpResponse<String> c1 = as(fx.owners.get(0), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE", "AGREE", "DISAGREE"));
        assertEquals(c1.body(), 200, c1.statusCode());
        assertEquals(64, json(c1).get("receipts").get(0).get("receipt").asText().length());
        String before = json(as(fx.owners.get(1), "POST", "/votes/" + id + "/ballots", choices(v, "DISAGREE", null, "AGREE"))).get("receipts").get(0)
                .get("receipt").asText();
        JsonNode changed = json(as(fx.owners.get(1), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE")));
        assertTrue(changed.toString(), changed.get("receipts").get(0).get("changed").asBoolean());
        for (int i = 2; i <= 3; i++) {
            assertEquals(200, as(fx.owners.get(i), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE", null, "AGREE")).statusCode());
        }
        HttpResponse<String> up = upload(fx.committee, "ballot.pdf", pdf("paper ballot"));
        assertEquals(up.body(), 201, up.statusCode());
        String fileId = json(up).get("id").asText();
        String paper = "{\"electorKey\":\"O" + fx.small.get(3) + "\",\"choices\":" + choiceArray(v, "AGREE", null, "AGREE")
                + ",\"scan\":[{\"title\":\"扫描件\",\"fileId\":\"" + fileId + "\"}]}";
        HttpResponse<String> p = as(fx.committee, "POST", "/votes/" + id + "/paper-ballots", paper);
        assertEquals(p.body(), 200, p.statusCode());
        assertEquals("PAPER", json(p).get("receipts").get(0).get("channel").asText());
        assertEquals(200, as(fx.owners.get(5), "POST", "/votes/" + id + "/ballots", choices(v, "DISAGREE", null, "ABSTAIN")).statusCode());
        HttpResponse<String> stranger = as(fx.otherOwner, "POST", "/votes/" + id + "/ballots", choices(v, "AGREE"));
        assertEquals(stranger.body(), 404, stranger.statusCode());
        JsonNode mine = json(as(fx.owners.get(1), "GET", "/votes/" + id + "/my-ballot", null));
        assertEquals(2, mine.get("ballots").size());

        // the deadline passes: the job closes the vote and stores the tally; nothing changes afterwards
        move(id, Duration.ofDays(1), Duration.ofSeconds(-1));
        clock();
        assertEquals(409, as(fx.owners.get(6), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE")).statusCode());
        JsonNode result = json(as(fx.committee, "GET", "/votes/" + id + "/result", null));
        JsonNode m1 = result.get("matters").get(0);
        JsonNode m2 = result.get("matters").get(1);
        JsonNode m3 = result.get("matters").get(2);
        assertEquals(m1.toString(), "PASSED", m1.get("outcome").asText());
        assertEquals(5, m1.get("agree").get("heads").asInt());
        assertTrue(m2.toString(), m2.get("quorumArea").get("met").asBoolean());
        assertFalse(m2.get("quorumHeads").get("met").asBoolean());
        assertEquals("NO_QUORUM", m2.get("outcome").asText());
        assertTrue(m3.get("passHeads").get("met").asBoolean());
        assertFalse(m3.get("passArea").get("met").asBoolean());
        assertEquals("FAILED", m3.get("outcome").asText());
        assertTrue(json(as(fx.committee, "GET", "/votes/" + id + "/result/verify", null)).get("matches").asBoolean());
        assertEquals(409, as(fx.owners.get(0), "GET", "/votes/" + id + "/result", null).statusCode());

        JsonNode closed = json(as(fx.committee, "GET", "/votes/" + id, null));
        assertEquals(200, as(fx.committee, "POST", "/votes/" + id + "/publish", null, "If-Match", ifMatch(closed)).statusCode());
        JsonNode pub = json(get("/public/votes/" + id, "Authorization", "none"));
        assertEquals("NO_QUORUM", pub.get("result").get("matters").get(1).get("outcome").asText());
        assertFalse("no owner names in public", pub.toString().contains("业主"));
        JsonNode oldReceipt = json(get("/public/vote-receipts/" + before, "Authorization", "none"));
        assertTrue(oldReceipt.get("superseded").asBoolean());
        assertTrue(json(get("/public/vote-receipts/" + changed.get("receipts").get(0).get("receipt").asText(), "Authorization", "none"))
                .get("counted").asBoolean());
        assertEquals(400, get("/public/vote-receipts/xyz", "Authorization", "none").statusCode());
        assertTrue(json(get("/public/votes?estateId=" + fx.estate, "Authorization", "none")).get("items").toString().contains("\"id\":" + id));
    }

    @Test
    public void b_theRegulatorSuspendsAndResumes_SVC_VOTE_2() throws Exception {
        JsonNode v = openVote(fx.committee, fx.estate, false, Duration.ofMinutes(30), "OTHER");
        long id = v.get("id").asLong();
        HttpResponse<String> noReason = send("POST", "/votes/" + id + "/suspend", "{}", "If-Match", ifMatch(v));
        assertEquals(400, noReason.statusCode());
        JsonNode s = json(send("POST", "/votes/" + id + "/suspend", "{\"reason\":\"核查投诉\"}", "If-Match", ifMatch(v)));
        assertEquals("SUSPENDED", s.get("status").asText());
        assertEquals(409, as(fx.owners.get(0), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE")).statusCode());
        JsonNode r = json(send("POST", "/votes/" + id + "/resume", "{\"reason\":\"核查完毕\"}", "If-Match", ifMatch(s)));
        assertEquals("OPEN", r.get("status").asText());
        assertEquals(200, as(fx.owners.get(0), "POST", "/votes/" + id + "/ballots", choices(v, "AGREE")).statusCode());
        assertEquals("final ballot", 409, as(fx.owners.get(0), "POST", "/votes/" + id + "/ballots", choices(v, "DISAGREE")).statusCode());
    }

    /** The scale: 4,000 owners cast through REST in the vote's last minutes at once; none lost, none counted twice. */
    @Test
    public void c_fourThousandOwnersCastAtOnce_VOTE_6() throws Exception {
        JsonNode v = openVote(fx.bigCommittee, fx.bigEstate, true, Duration.ofMinutes(5), "PROPERTY_SERVICE", "FUND_USE");
        long id = v.get("id").asLong();
        assertEquals(BIG, v.get("electorHeads").asInt());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < BIG; i++) {
                String t = fx.bigOwners.get(i);
                String body = choices(v, i % 3 == 0 ? "DISAGREE" : "AGREE", i % 5 == 0 ? "ABSTAIN" : "AGREE");
                fs.add(pool.submit(() -> {
                    HttpResponse<String> r = as(t, "POST", "/votes/" + id + "/ballots", body);
                    (r != null && r.statusCode() == 200 ? ok : failed).incrementAndGet();
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("VoteIT: " + BIG + " owners cast 2 matters each through REST in " + millis + " ms (" + ok.get() + " 200, " + failed.get() + " other)");
        assertEquals(0, failed.get());
        assertEquals(BIG, ok.get());
        assertEquals(BIG, json(as(fx.bigCommittee, "GET", "/votes/" + id, null)).get("participatingHeads").asInt());

        move(id, Duration.ofDays(1), Duration.ofSeconds(-1));
        clock();
        JsonNode result = json(as(fx.bigCommittee, "GET", "/votes/" + id + "/result", null));
        JsonNode m1 = result.get("matters").get(0);
        int disagree = (BIG + 2) / 3; // i % 3 == 0
        assertEquals(BIG, m1.get("participating").get("heads").asInt());
        assertEquals(BIG - disagree, m1.get("agree").get("heads").asInt());
        assertEquals(disagree, m1.get("disagree").get("heads").asInt());
        assertEquals(String.format("%d.00", 88 * (BIG - disagree)), m1.get("agree").get("area").asText());
        assertEquals(BIG / 5, result.get("matters").get(1).get("abstain").get("heads").asInt());
        assertEquals("PASSED", m1.get("outcome").asText());
        assertTrue(json(as(fx.bigCommittee, "GET", "/votes/" + id + "/result/verify", null)).get("matches").asBoolean());
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT elector_key) FROM vot_ballot WHERE vote_id = " + id)) {
            rs.next();
            assertEquals(2L * BIG, rs.getLong(1));
            assertEquals(BIG, rs.getLong(2));
        }
        assertNotNull(result.get("hash"));
    }
}
