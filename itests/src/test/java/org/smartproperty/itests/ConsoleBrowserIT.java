package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;

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
 * Issue 13: the browser console at /console/ in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core,
 * never a downloaded browser) against the shared container: the security headers, the regulator's login, menu and the
 * estates table paged from the API, the language switch (labels and Accept-Language), and the owner who sees no
 * accounts menu. The checks are in {@code src/test/browser/run.mjs} (node; its packages installed by this
 * module's {@code npm ci}); screenshots go to {@code target/screenshots/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ConsoleBrowserIT extends SpmTestSupport {

    static final String CHROMIUM = System.getProperty("spm.it.chromium", "/usr/bin/chromium");

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

    @Test
    public void theConsoleLogsInShowsTheMenuOfThePermissionsPagesEstatesAndSpeaksEnglish_issue13() throws Exception {
        runSuite("10-console-shell");
    }

    /**
     * Issue 13 item 2, the provincial real-name login buttons through the dev profile's simulators: the console's 粤政易
     * button as zwy-officer lands back logged in as demo-officer (handoff code once, no token in an address), zwy-unbound
     * back on the login page with the idp.notLinked text; the portal's 广东省统一身份认证 button as 陈志明 (INT-IDP, OWN-1).
     */
    @Test
    public void theRealNameButtonsOfTheConsoleAndThePortalLogInThroughTheSimulators_issue13_INT_IDP_OWN_1() throws Exception {
        runSuite("12-realname");
    }

    /** Each role sees only its menus and cannot open another's page by URL; home pages per role; re-login keeps the work; axe. */
    @Test
    public void eachRoleSeesItsMenusOnlyItsHomePageAndAnEndedSessionKeepsTheWork_issue13() throws Exception {
        runSuite("15-roles");
    }

    /**
     * Issue 13 item 2/4, the registry pages: a company filing returned with a reason and, after the company resubmits in its
     * own console page, approved by the reviewer (SUP-CO-2, COS-2); the estate detail with its building table and masked
     * owners for demo-officer (SUP-EST-2, ID-2); demo-company sees only its own company and estates.
     */
    @Test
    public void aCompanyFilingIsReturnedAndApprovedEstateDetailMaskedAndTheCompanySeesOnlyItsOwn_issue13_SUP_CO_2_SUP_EST_2_ID_2() throws Exception {
        runSuite("20-registry");
    }

    /**
     * Issue 13 item 2/4, the supervision pages: a complaint filed by demo-owner is dispatched by demo-regulator and accepted
     * and resolved by demo-officer through the console's forms (a form without its required field shows the API's field
     * error), closed by the owner, each step in the timeline (SVC-CMP-1..5, OWN-5); demo-company sees only the complaints
     * against it (COS-7); the deadline view lists overdue items (SLA-3); the working-day calendar (SLA-2).
     */
    @Test
    public void aComplaintIsDispatchedResolvedAndClosedTheCompanySeesItsOwnDeadlinesAndCalendar_issue13_SVC_CMP_1_5_SLA_2_3() throws Exception {
        runSuite("30-supervision");
    }

    /**
     * Issue 13 item 3, the public portal at /: its security headers and that it shadows neither /api/v1 nor /console; the
     * disclosures and the one map without login (every estate of GET /public/estates drawn, PMAP-1); demo-owner on a
     * phone screen sees the own houses and files a complaint with a photo, found in "my complaints" and through the API
     * (OWN-2, OWN-5, DIS-2, DIS-5).
     */
    @Test
    public void thePortalShowsDisclosuresAndTheMapAndAnOwnerFilesAComplaintWithAPhotoOnAPhone_issue13_PMAP_1_OWN_5() throws Exception {
        runSuite("50-portal");
    }

    @Test
    public void creditVerifiedInTheConsoleBlacklistAndInspectionReplayInTheConsoleAndPortal_issue14_SUP_CO_3_CRD_5_DR_2_DIS_1_DIS_5()
            throws Exception {
        runSuite("70-credit-inspection");
    }

    @Test
    public void aCompanyReportsIsReturnedResubmitsAndIsAcceptedAndTheTop10IsPublic_issue14_SUP_AS_2_SUP_AS_3_COS_8_DIS_6() throws Exception {
        runSuite("80-assessment");
    }

    /**
     * Issue 15: the regulator's tender list with the demo tenders (one page, the stage filter) and a tender's page with its
     * steps, switched to zh-TW, pt and en; the expert pool and the rule table; the tendering and expert menus of
     * demo-developer, demo-committee, demo-company and demo-expert (its own page); the portal's /tenders with the
     * announcements and results without a login, on a phone too (SUP-TND-1..5, SUP-EX-1..3, TND-5, DIS-3).
     */
    @Test
    public void theRegulatorOpensADemoTenderEachRoleSeesItsTenderingMenusAndThePortalShowsTheAnnouncements_issue15_SUP_TND_1_SUP_EX_1_DIS_3()
            throws Exception {
        runSuite("90-tender");
    }

    /**
     * Issue 16 part 1: the regulator's vote list with the demo votes, a counted vote's result per matter recomputed from
     * the ballots, a noticed vote suspended and resumed with a reason; demo-committee creates, notices and cancels a vote
     * and enters a paper ballot with its scan; demo-company sees its estates' votes only; demo-owner casts a ballot on a
     * phone and checks the receipt; the public votes, a published result and the map's estate panel (SVC-VOTE-1/2, COS-4,
     * OCS-6, OWN-3, DIS-4, MAP-6; VOTE-6, VOTE-8).
     */
    @Test
    public void theRegulatorSuspendsAVoteTheCommitteeEntersAPaperBallotAndAnOwnerCastsAndChecksTheReceipt_issue16_SVC_VOTE_2_OWN_3_DIS_4_MAP_6()
            throws Exception {
        runSuite("100-vote");
    }

    /**
     * Issue 16 part 2: demo-regulator builds and opens a satisfaction questionnaire in the console; demo-owner answers it
     * once on a phone in the portal; closed, ranked with the comment in the console, published; the public ranking page
     * (SVC-SAT-1/2, OWN-6, ANA-5, MAP-11).
     */
    @Test
    public void theRegulatorBuildsASurveyAnOwnerAnswersOnceAndTheRankingIsPublic_issue16_SVC_SAT_1_SVC_SAT_2_OWN_6_ANA_5() throws Exception {
        runSuite("110-survey");
    }

    /**
     * Issue 16 part 3: the regulator searches the policy library and returns a committee's submitted rules notice with a
     * reason; demo-company writes and publishes a notice for its estate; the portal's news with the demo water cut and its
     * window, a notice, the policy search and a policy on a phone, the home page's latest notices and the map panel
     * (SVC-PUB-1, PUB-1, PUB-2, COS-9, MAP-7).
     */
    @Test
    public void theRegulatorSearchesPoliciesAndReturnsANoticeACompanyPublishesAndThePortalShowsTheNews_issue16_PUB_1_PUB_2_COS_9_MAP_7()
            throws Exception {
        runSuite("120-publishing");
    }

    /**
     * Issue 17 part 2: the one map in the console as the regulator (the zone's estates, the credit-grade layer with its
     * legend, every panel of an estate as a tab) and as demo-company (its own estates only, the complaints panel), and the
     * portal map's estate panel from the public panel endpoints on a phone, masked (MAP-1..11, PMAP).
     */
    @Test
    public void theOneMapShowsTheScopesEstatesThematicLayersAndEveryPanelAndThePublicSubset_issue17_MAP_1_MAP_11_PMAP() throws Exception {
        runSuite("130-map");
    }

    /**
     * Issue 17 part 3: the analytics pages (ANA-1..6) as the regulator (estate ranking with the trend chart, server-side
     * sort, narrowing to one estate, CSV export with English headers, companies, satisfaction), as demo-company (its own
     * row only, in Chinese) and an owner's 403.
     */
    @Test
    public void theStatisticsRankTheDemoZoneExportCsvAndKeepACompanyToItself_issue17_ANA_1_ANA_6() throws Exception {
        runSuite("140-analytics");
    }

    @Test
    public void administrationAccountsAuditChainIpBansHealthAndTheMenusOfTheAdminDuties_issue13_OPS_1_OPS_2_ID_3() throws Exception {
        runSuite("60-administration");
    }

    /**
     * Issue 13 item 4, "an auditor finding a tampered audit row" (ID-3): one row of {@code aud_event} is changed over JDBC —
     * its summary, a column the row's hash covers, not the hash — in the container's PostgreSQL schema; the suite
     * 60-administration then runs with {@code SPM_TAMPERED_AUDIT_ID} and must show the console's chain check broken at
     * exactly that row (its number and time); the original summary is written back afterwards and the chain is intact again.
     * The table refuses UPDATE (trigger {@code aud_event_append_only}, changeSet sec-3): the change disables it inside its
     * own transaction, so no other session ever sees the table unguarded.
     */
    @Test
    public void anAuditorFindsATamperedAuditRowWithTheConsolesChainCheck_issue13_ID_3() throws Exception {
        String schema = System.getProperty("spm.it.schema");
        String table = schema == null ? "aud_event" : schema + ".aud_event";
        DataSource ds = dataSource();
        long seq;
        String original;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, summary FROM " + table + " WHERE action = 'login.success' ORDER BY seq DESC LIMIT 1")) {
            assertTrue("no login.success row in " + table, rs.next());
            seq = rs.getLong(1);
            original = rs.getString(2);
        }
        setSummary(ds, table, seq, "{\"tampered\":\"ConsoleBrowserIT\"}");
        try {
            runSuite("60-administration", Map.of("SPM_TAMPERED_AUDIT_ID", Long.toString(seq)));
        } finally {
            setSummary(ds, table, seq, original);
        }
        String auditor = login("demo-auditor", DEMO_PASSWORD, "DEMOAUDITORSPMHENGQINAAAAAAAAAAA");
        assertTrue("demo-auditor logs in", auditor != null);
        java.net.http.HttpResponse<String> verify = getAs(auditor, "/audit/verify");
        assertTrue("the restored row makes the chain intact again: " + verify.body(), json(verify).path("intact").asBoolean());
    }

    /** Writes an audit row's summary past the append-only guard (PostgreSQL: the trigger off and on in the same transaction). */
    private static void setSummary(DataSource ds, String table, long seq, String summary) throws Exception {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET summary = ? WHERE seq = ?")) {
                if (postgres) {
                    s.execute("ALTER TABLE " + table + " DISABLE TRIGGER aud_event_append_only");
                }
                ps.setString(1, summary);
                ps.setLong(2, seq);
                assertEquals(1, ps.executeUpdate());
                if (postgres) {
                    s.execute("ALTER TABLE " + table + " ENABLE TRIGGER aud_event_append_only");
                }
                c.commit();
            } catch (Exception | AssertionError e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private DataSource dataSource() throws Exception {
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

    static void runSuite(String suite) throws Exception {
        runSuite(suite, Map.of());
    }

    /**
     * Runs one suite of {@code src/test/browser/suites/} with {@code node run.mjs} against this container and fails with
     * its output unless every check passed; {@code env} is added to the node process's environment. The output is kept in
     * {@code target/screenshots/<suite>.log} ({@code <suite>-<env values>.log} when env is given).
     */
    static void runSuite(String suite, Map<String, String> env) throws Exception {
        assertTrue("Chromium is missing: the browser tests need Debian's chromium at " + CHROMIUM
                + " (apt-get install -y chromium; .ci/run installs it), or -Dspm.it.chromium=<path>",
                new File(CHROMIUM).canExecute());
        File itests = new File(System.getProperty("spm.it.itests.dir"));
        File browser = new File(itests, "src/test/browser");
        assertTrue("playwright-core is not installed in " + browser + " (the itests build runs npm ci there)",
                new File(browser, "node_modules/playwright-core").isDirectory());
        File shots = new File(itests, "target/screenshots");
        Files.createDirectories(shots.toPath());
        File log = new File(shots, suite + (env.isEmpty() ? "" : "-" + String.join("-", new java.util.TreeMap<>(env).values())) + ".log");
        String root = root();
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "run.mjs", root, shots.getAbsolutePath(), suite))
                .directory(browser).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("SPM_CHROMIUM", CHROMIUM);
        builder.environment().putAll(env);
        Process node = builder.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue("the browser suite " + suite + " did not finish in 300 s:\n" + output, finished);
        assertEquals("the browser suite " + suite + " failed:\n" + output, 0, node.exitValue());
        assertTrue(output, output.contains("all checks passed"));
    }
}
