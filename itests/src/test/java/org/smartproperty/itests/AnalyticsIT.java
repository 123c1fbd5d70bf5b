package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * Analytics (ANA-1..6) through REST in the assembled distribution, shared container: the demo zone's rollups are there
 * once the demo data is (the analytics seeder rebuilds them), the regulator ranks estates and companies, a company sees
 * only itself, owners 403 and anonymous 401; the exports carry the caller's headers; a complaint registered now reaches
 * the statistics through one incremental run of the job analytics.rollup.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AnalyticsIT extends SpmTestSupport {

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

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        return json(r);
    }

    @Test
    public void a_theRegulatorRanksTheDemoZoneAndACompanySeesItselfOnly_ANA_1_ANA_2_ANA_6() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        String company = login("demo-company", DEMO_PASSWORD, null);
        String owner = login("demo-owner", DEMO_PASSWORD, null);

        JsonNode estates = ok(getAs(regulator, "/analytics/estates?size=5"), 200);
        assertTrue(estates.toString(), estates.get("total").asLong() > 0);
        assertEquals(1, estates.at("/rows/0/rank").asInt());
        assertEquals("complaints", estates.get("sort").asText());
        long sum = 0;
        for (JsonNode r : estates.get("rows")) {
            sum += r.at("/values/complaints").asLong();
        }
        assertTrue("the demo complaints are rolled up: " + estates, sum > 0);
        assertTrue(ok(getAs(regulator, "/analytics/estates/trend"), 200).size() > 0);

        JsonNode all = ok(getAs(regulator, "/analytics/companies?size=200"), 200);
        assertTrue(all.toString(), all.get("total").asLong() > 1);
        JsonNode own = ok(getAs(company, "/analytics/companies"), 200);
        assertEquals(own.toString(), 1, own.get("total").asLong());
        long companyId = own.at("/rows/0/id").asLong();
        JsonNode ownEstates = ok(getAs(company, "/analytics/estates?size=200"), 200);
        JsonNode scoped = ok(getAs(regulator, "/analytics/estates?size=200&companyId=" + companyId), 200);
        assertEquals("a company sees the rows of its estates the regulator sees for it", scoped.get("total").asLong(), ownEstates.get("total").asLong());
        assertTrue(ok(getAs(company, "/analytics/assessment"), 200).get("total").asLong() <= 1);

        assertEquals(403, getAs(owner, "/analytics/estates").statusCode());
        assertEquals(401, getAs(null, "/analytics/estates").statusCode());
        assertEquals(403, send("POST", "/analytics/rebuild", null, "Authorization", "Bearer " + company).statusCode());
    }

    @Test
    public void b_filtersAreCheckedAndExportsSpeakTheCallersLanguage_ANA_1_ANA_5() {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        HttpResponse<String> bad = get("/analytics/estates?from=2026-13&to=2026-01&sort=nonsense", "Authorization", "Bearer " + regulator,
                "Accept-Language", "en");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("\"from\"") && bad.body().contains("yyyy-MM"));
        assertEquals(404, getAs(regulator, "/analytics/houses").statusCode());

        HttpResponse<String> csv = get("/analytics/estates?format=csv", "Authorization", "Bearer " + regulator, "Accept-Language", "en");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("\uFEFFRank,Name,Community,Complaints received"));
        HttpResponse<String> zh = get("/analytics/satisfaction?format=csv&subject=COMMITTEE", "Authorization", "Bearer " + regulator,
                "Accept-Language", "zh-CN");
        assertTrue(zh.body(), zh.body().startsWith("\uFEFF排名,名称,社区,满意度"));
        HttpResponse<String> xlsx = get("/analytics/companies?format=xlsx", "Authorization", "Bearer " + regulator, "Accept-Language", "pt-PT");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        assertTrue("a zip (OOXML)", xlsx.body().startsWith("PK"));
    }

    @Test
    public void c_aNewComplaintReachesTheStatisticsThroughOneIncrementalRun_ANA_1() throws Exception {
        String regulator = login("demo-regulator", DEMO_PASSWORD, null);
        JsonNode estate = ok(getAs(regulator, "/estates?size=1&sort=id"), 200).at("/items/0");
        long estateId = estate.get("id").asLong();
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        String path = "/analytics/estates?estateId=" + estateId + "&from=" + month + "&to=" + month;
        // first bring the rollups up to date: the suites before this one filed complaints in the same estate (ComplaintsIT),
        // which the next run would count as well
        String caughtUp = shell(context, "spm:jobs-run analytics.rollup").get(0);
        assertTrue(caughtUp, caughtUp.contains("analytics.rollup") && caughtUp.contains("OK"));
        JsonNode before = ok(getAs(regulator, path), 200);
        long n = before.get("total").asLong() == 0 ? 0 : before.at("/rows/0/values/complaints").asLong();

        String company = estate.hasNonNull("companyId") ? ",\"companyId\":" + estate.get("companyId").asLong() : "";
        HttpResponse<String> filed = send("POST", "/complaints", "{\"channel\":\"HOTLINE_12345\",\"category\":\"ENQUIRY\"" + company
                + ",\"estateId\":" + estateId + ",\"complainantName\":\"统计\",\"complainantPhone\":\"13612345678\",\"title\":\"analytics "
                + System.nanoTime() + "\",\"content\":\"ANA-1\"}", "Authorization", "Bearer " + regulator);
        assertEquals(filed.body(), 201, filed.statusCode());

        String ran = shell(context, "spm:jobs-run analytics.rollup").get(0);
        assertTrue(ran, ran.contains("analytics.rollup") && ran.contains("OK"));
        JsonNode after = ok(getAs(regulator, path), 200);
        assertEquals(after.toString(), n + 1, after.at("/rows/0/values/complaints").asLong());
    }
}
