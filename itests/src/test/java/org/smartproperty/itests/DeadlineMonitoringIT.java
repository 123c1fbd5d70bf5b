package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
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
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;

/**
 * SLA-1..4, SVC-CMP-5, SVC-REP-2, SVC-PAT-2 in the assembled distribution (spm-dev on PostgreSQL):
 * the public calendar and the regulator's edits; deadlines seeded through the OSGi
 * {@link DeadlineTracker} (the complaint, repair and patrol domains do not exist yet) are listed by
 * /monitoring/deadlines for the regulator (all), demo-company (its company's) and demo-committee
 * (its estate's); the scheduled monitor raises the warning.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(SharedContainer.class)
public class DeadlineMonitoringIT extends SpmTestSupport {

    static final String DOMAIN = "ittest";
    static final long OTHER_COMPANY = 990_001L;
    static final long OTHER_ESTATE = 990_002L;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    static JsonNode me(String bearer) {
        HttpResponse<String> r = getAs(bearer, "/auth/me");
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).get("scope");
    }

    <S> S service(Class<S> type, String filter) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            java.util.Collection<ServiceReference<S>> refs = context.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    static Set<Long> itemIds(HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
        Set<Long> out = new TreeSet<>();
        for (JsonNode n : json(r).get("items")) {
            out.add(n.get("itemId").asLong());
        }
        assertEquals(r.body(), out.size(), json(r).get("total").asInt());
        return out;
    }

    @Test
    public void a_calendarIsPublicAndEditedByTheRegulatorOnly_SLA_2() {
        HttpResponse<String> year = get("/calendar?year=2026", "Authorization", "none");
        assertEquals(year.body(), 200, year.statusCode());
        JsonNode cal = json(year);
        assertEquals("Asia/Shanghai", cal.get("zone").asText());
        assertEquals(39, cal.get("days").size());
        assertTrue(year.body(), year.body().contains("\"2026-10-10\""));
        assertEquals(400, get("/calendar?year=abc", "Authorization", "none").statusCode());

        String company = login("demo-company", DEMO_PASSWORD, null);
        String day = "{\"kind\":\"HOLIDAY\",\"name\":\"台风停工\"}";
        assertEquals(403, send("PUT", "/calendar/days/2026-12-24", day, "Authorization", "Bearer " + company).statusCode());
        assertEquals(401, send("PUT", "/calendar/days/2026-12-24", day, "Authorization", "none").statusCode());
        HttpResponse<String> put = send("PUT", "/calendar/days/2026-12-24", day);
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals("\"0\"", put.headers().firstValue("ETag").orElseThrow());
        assertEquals(428, send("PUT", "/calendar/days/2026-12-24", day).statusCode());
        HttpResponse<String> bad = send("PUT", "/calendar/days/2026-12-24", "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"\"}", "If-Match", "\"0\"");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("name") && bad.body().contains("kind"));
        assertEquals(400, send("PUT", "/calendar/days/24.12.2026", day).statusCode());
        assertTrue(get("/calendar?year=2026").body().contains("台风停工"));
        assertEquals(204, send("DELETE", "/calendar/days/2026-12-24", null).statusCode());
        assertEquals(404, send("DELETE", "/calendar/days/2026-12-24", null).statusCode());
        assertFalse(get("/calendar?year=2026").body().contains("台风停工"));

        HttpResponse<String> limits = get("/calendar/time-limits");
        assertEquals(limits.body(), 200, limits.statusCode());
        assertTrue(limits.body(), limits.body().contains("\"ENQUIRY\""));
        assertEquals(403, getAs(company, "/calendar/time-limits").statusCode());
    }

    @Test
    public void b_monitoringViewsAreScopedForRegulatorCompanyAndCommittee_SVC_CMP_5_SVC_REP_2_SVC_PAT_2() throws Exception {
        // a 10-hour limit so that "near" (after 7.5 h) and "overdue" can be seeded relative to now
        HttpResponse<String> limit = send("PUT", "/calendar/time-limits/" + DOMAIN + "/H10",
                "{\"amount\":10,\"unit\":\"CALENDAR_HOURS\",\"pausable\":false,\"warningRatio\":0.75}");
        assertEquals(limit.body(), 200, limit.statusCode());
        assertEquals(400, send("PUT", "/calendar/time-limits/" + DOMAIN + "/BAD",
                "{\"amount\":0,\"unit\":\"CALENDAR_HOURS\",\"warningRatio\":1.5}").statusCode());

        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        long companyId = me(company).get("companyId").asLong();
        long estateId = me(committee).get("estateIds").get(0).asLong();
        assertTrue(companyId > 0 && estateId > 0);

        DeadlineTracker tracker = service(DeadlineTracker.class, null);
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=spm)");
        Instant now = Instant.now();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            tracker.start(c, new TrackedItem(DOMAIN, 1, "H10", "近期到期：本公司本小区", estateId, companyId, null, null, now.minus(Duration.ofHours(9))));
            tracker.start(c, new TrackedItem(DOMAIN, 2, "H10", "超期：本公司他小区", OTHER_ESTATE, companyId, null, null, now.minus(Duration.ofHours(11))));
            tracker.start(c, new TrackedItem(DOMAIN, 3, "H10", "超期：他公司本小区", estateId, OTHER_COMPANY, null, null, now.minus(Duration.ofHours(11))));
            tracker.start(c, new TrackedItem(DOMAIN, 4, "H10", "未到期：他公司他小区", OTHER_ESTATE, OTHER_COMPANY, null, null, now.minus(Duration.ofHours(1))));
            c.commit();
        }
        String q = "/monitoring/deadlines?domain=" + DOMAIN + "&state=";
        assertEquals(Set.of(1L, 2L, 3L, 4L), itemIds(get(q + "all")));
        assertEquals(Set.of(1L), itemIds(get(q + "near")));
        assertEquals(Set.of(2L, 3L), itemIds(get(q + "overdue")));
        assertEquals(Set.of(3L), itemIds(get(q + "overdue&estateId=" + estateId)));

        assertEquals(Set.of(1L, 2L), itemIds(getAs(company, q + "all")));
        assertEquals(Set.of(1L), itemIds(getAs(company, q + "near")));
        assertEquals(Set.of(2L), itemIds(getAs(company, q + "overdue")));

        assertEquals(Set.of(1L, 3L), itemIds(getAs(committee, q + "all")));
        assertEquals(Set.of(3L), itemIds(getAs(committee, q + "overdue")));
        assertEquals(Set.of(), itemIds(getAs(committee, q + "all&estateId=" + OTHER_ESTATE)));

        assertEquals(403, getAs(owner, q + "all").statusCode());
        assertEquals(400, get(q + "soon").statusCode());
        assertEquals(400, get(q + "all&size=0").statusCode());
        HttpResponse<String> paged = get(q + "all&size=2&sort=-dueAt");
        assertEquals(4, json(paged).get("total").asInt());
        assertEquals(4L, json(paged).get("items").get(0).get("itemId").asLong());

        // the monitor raises the warning and the escalations once: run it now on the platform runner (spm:jobs-run, as an
        // operator would) rather than wait up to a minute for its schedule; should the scheduled run hold the job's lock at
        // that moment, the polling below waits for that run instead
        String ran = shell(context, "spm:jobs-run deadline.monitor").get(0);
        assertTrue(ran, ran.contains("deadline.monitor"));
        HttpResponse<String> warned = await(q + "near", r -> r.statusCode() == 200 && json(r).get("items").size() == 1
                && json(r).get("items").get(0).hasNonNull("warnedAt"), Duration.ofSeconds(150));
        assertNotNull(json(warned).get("items").get(0).get("warnedAt").asText());
        HttpResponse<String> overdue = await(q + "overdue", r -> r.statusCode() == 200 && json(r).get("items").size() == 2
                && json(r).get("items").get(0).hasNonNull("overdueAt") && json(r).get("items").get(1).hasNonNull("overdueAt"),
                Duration.ofSeconds(150));
        assertEquals(2, json(overdue).get("total").asInt());
        HttpResponse<String> health = get("/health/ready");
        assertEquals("UP", json(health).at("/checks/deadline-monitor/status").asText());
    }

    /**
     * Issue 10 item 3 (OPS-2, OPS-4): every periodic job of the node is on the one platform runner: {@code spm:jobs-list}
     * shows each with its schedule, last run and next run, {@code spm:jobs-run} runs one at once through its cluster
     * lock, and the health check {@code jobs} is operational, never a readiness gate.
     */
    @Test
    public void c_everyJobIsListedAndRunsOnDemand_issue10_item3_OPS_2_OPS_4() throws Exception {
        String[] expected = {"committee.term-reminders", "complaint.auto-close", "deadline.monitor", "files.purge",
            "notification.sms-dispatch", "platform.request-metrics", "repair.auto-confirm", "security.audit-retention"};
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String list = "";
        while (System.nanoTime() < end) {
            list = shell(context, "spm:jobs-list").get(0);
            boolean all = true;
            for (String name : expected) {
                all &= list.contains(name + " ");
            }
            if (all) {
                break;
            }
            Thread.sleep(500);
        }
        for (String name : expected) {
            assertTrue(name + " in\n" + list, list.contains(name + " "));
        }
        assertFalse(list, list.contains("(not here)"));
        assertTrue(list, list.matches("(?s).*deadline\\.monitor\\s+every 1min\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+OK.*"));

        String ran = shell(context, "spm:jobs-run deadline.monitor").get(0);
        assertTrue(ran, ran.contains("deadline.monitor") && ran.contains("OK"));
        String unknown = shell(context, "spm:jobs-run no.such-job").get(0);
        assertTrue(unknown, unknown.contains("no.such-job") && !unknown.contains("Exception"));

        HttpResponse<String> health = get("/health/ready");
        JsonNode jobs = json(health).at("/checks/jobs");
        assertFalse(health.body(), jobs.isMissingNode());
        assertFalse(health.body(), jobs.get("readiness").asBoolean());
    }
}
