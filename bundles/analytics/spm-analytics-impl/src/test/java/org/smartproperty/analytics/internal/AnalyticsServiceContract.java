package org.smartproperty.analytics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.RollupRun;
import org.smartproperty.analytics.StatRow;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * ANA-1..6 on a real database: the rollups built from the sources (their columns as the read model has them,
 * {@code analytics/sources.sql}), kept up to date incrementally, and the rankings, ties, filters, trends and scopes read
 * from them. Run on PostgreSQL and on H2 by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AnalyticsServiceContract {

    abstract TestDatabase db();

    static final SpmPrincipal REGULATOR = new SpmPrincipal(1, "regulator", Set.of(Role.REGULATOR),
            Set.of("analytics:read", "analytics:rebuild"), DataScope.ALL, false, "127.0.0.1");
    static final SpmPrincipal BETA = new SpmPrincipal(2, "beta", Set.of(Role.COMPANY), Set.of("analytics:read"), DataScope.company(2), false, "127.0.0.1");
    static final SpmPrincipal OWNER = new SpmPrincipal(3, "owner", Set.of(Role.OWNER), Set.of(), DataScope.owner(7), false, "127.0.0.1");
    static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");

    AnalyticsServiceImpl service;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the rebuild's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/analytics.changelog.xml");
        sql(resource("/analytics/sources.sql"));
        sql("""
                INSERT INTO cmp_company VALUES (1, 'Alpha'), (2, 'Beta');
                INSERT INTO crd_company VALUES (1, 95, 'A'), (2, 80, 'B');
                INSERT INTO cmp_filing VALUES (1, 2, 'APPROVED', TIMESTAMP WITH TIME ZONE '2026-01-05 12:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-05 12:00:00+00');
                INSERT INTO asm_round VALUES (1, DATE '2026-06-30');
                INSERT INTO asm_report VALUES (1, 1, 1, 90.5), (2, 1, 2, 90.5);
                INSERT INTO est_estate VALUES (10, 'East Garden', 'Hengqin-East', 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
                  (11, 'West Garden', 'Hengqin-West', 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
                  (12, 'Bay Court', 'Hengqin-East', 2, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00');
                INSERT INTO cpl_complaint VALUES (100, 10, 1, 'CLOSED', TIMESTAMP WITH TIME ZONE '2026-03-15 12:00:00+00'),
                  (101, 10, 1, 'REGISTERED', TIMESTAMP WITH TIME ZONE '2026-03-16 12:00:00+00'),
                  (102, 11, 1, 'CLOSED', TIMESTAMP WITH TIME ZONE '2026-04-10 12:00:00+00'),
                  (103, 12, 2, 'REJECTED', TIMESTAMP WITH TIME ZONE '2026-04-11 12:00:00+00'),
                  (104, 12, 2, 'REGISTERED', TIMESTAMP WITH TIME ZONE '2026-04-12 12:00:00+00');
                INSERT INTO cpl_event VALUES (1, 100), (2, 101), (3, 102), (4, 103), (5, 104);
                INSERT INTO dl_deadline VALUES (1, 'complaint', 101, 10, 'RUNNING', TIMESTAMP WITH TIME ZONE '2026-03-20 12:00:00+00', NULL),
                  (2, 'complaint', 100, 10, 'COMPLETED', TIMESTAMP WITH TIME ZONE '2026-03-25 12:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-18 12:00:00+00');
                INSERT INTO svc_repair VALUES (1, 11, 1, 'COMPLETED', TIMESTAMP WITH TIME ZONE '2026-04-01 12:00:00+00');
                INSERT INTO svc_repair_event VALUES (1, 1);
                INSERT INTO svc_patrol_task VALUES (1, 12, 2, 'CLOSED', TIMESTAMP WITH TIME ZONE '2026-04-05 12:00:00+00');
                INSERT INTO svc_patrol_event VALUES (1, 1);
                INSERT INTO vot_vote VALUES (1, 10, 1, TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00');
                INSERT INTO vot_event VALUES (1, 1);
                INSERT INTO svy_survey VALUES (1, 'COMPANY', DATE '2026-03-01', TIMESTAMP WITH TIME ZONE '2026-02-20 12:00:00+00'),
                  (2, 'COMMITTEE', DATE '2026-04-01', TIMESTAMP WITH TIME ZONE '2026-03-20 12:00:00+00');
                INSERT INTO svy_target VALUES (1, 10, 1), (1, 12, 2), (2, 11, 1);
                INSERT INTO svy_response VALUES (1, 1, 10), (2, 1, 12), (3, 2, 11);
                INSERT INTO svy_answer VALUES (1, 5), (1, 4), (2, 3), (3, 5), (3, NULL);
                INSERT INTO tnd_tender VALUES (1, 11, 1, TIMESTAMP WITH TIME ZONE '2026-02-10 12:00:00+00', TIMESTAMP WITH TIME ZONE '2026-02-20 12:00:00+00');
                INSERT INTO tnd_bidder VALUES (1, 1, 1, TIMESTAMP WITH TIME ZONE '2026-02-10 12:00:00+00'), (2, 1, 2, TIMESTAMP WITH TIME ZONE '2026-02-10 12:00:00+00');
                """);
        service = new AnalyticsServiceImpl(db().dataSource(), db().dataSource(), audit);
        service.clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    String resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void sql(String script) throws Exception {
        try (Connection c = db().dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!s.isBlank()) {
                    st.execute(s);
                }
            }
        }
    }

    StatTable table(SpmPrincipal who, AnalyticsView view, AnalyticsFilter f, String sort) {
        return service.statistics(who, view, f, sort, PageRequest.of(0, 50));
    }

    static Map<String, Integer> ranks(StatTable t) {
        return t.rows().stream().collect(Collectors.toMap(StatRow::name, StatRow::rank));
    }

    static StatRow row(StatTable t, String name) {
        return t.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + t));
    }

    static Number num(StatRow r, String key) {
        return (Number) r.values().get(key);
    }

    @Test
    @Order(1)
    void theRebuildRanksEstatesByComplaintsWithTies_ANA_1() {
        RollupRun run = service.rebuild(REGULATOR);
        assertTrue(run.full() && run.rows() > 0, run.toString());
        assertEquals("analytics.rebuild", audited.get(audited.size() - 1).action());

        StatTable t = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null);
        assertEquals("complaints", t.sort());
        assertEquals(3, t.total());
        assertEquals(Map.of("East Garden", 1, "Bay Court", 1, "West Garden", 3), ranks(t), t.toString());
        StatRow east = row(t, "East Garden");
        assertEquals(2L, num(east, "complaints").longValue());
        assertEquals(1L, num(east, "complaintsClosed").longValue());
        assertEquals(1L, num(east, "complaintsOverdue").longValue(), "the open one is past its deadline; the one finished in time is not");
        assertEquals(0, new BigDecimal("50").compareTo(new BigDecimal(num(east, "closeRate").toString())));
        assertEquals(0, new BigDecimal("87.5").compareTo(new BigDecimal(num(east, "satisfaction").toString())), "mean 4.5 of 1–5 → 87.5");
        assertEquals("Hengqin-East", east.community());
        StatRow bay = row(t, "Bay Court");
        assertEquals(1L, num(bay, "complaintsClosed").longValue(), "REJECTED is closed");
        assertEquals(1L, num(row(t, "West Garden"), "repairsDone").longValue());
    }

    @Test
    @Order(2)
    void filtersByPeriodCommunityAndCompany_ANA_1() {
        StatTable april = table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(202604, 202604, null, null, null, null), null);
        assertEquals(Map.of("Bay Court", 1, "West Garden", 2), ranks(april));
        StatTable east = table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(null, null, null, null, "Hengqin-East", null), null);
        assertEquals(Set.of("East Garden", "Bay Court"), ranks(east).keySet());
        StatTable beta = table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(null, null, null, 2L, null, null), null);
        assertEquals(Set.of("Bay Court"), ranks(beta).keySet());
        StatTable one = table(REGULATOR, AnalyticsView.SERVICES, new AnalyticsFilter(null, null, 10L, null, null, null), null);
        assertEquals(1L, num(row(one, "East Garden"), "votes").longValue());
        // whole years come from the year rollup, the edge months from the month rollup: the same answers
        StatTable all = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null);
        assertEquals(all.rows(), table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(202601, 202612, null, null, null, null), null).rows());
        assertEquals(all.rows(), table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(202512, 202703, null, null, null, null), null).rows());
        assertEquals(all.rows(), table(REGULATOR, AnalyticsView.ESTATES, new AnalyticsFilter(202603, 202604, null, null, null, null), null).rows());
        assertEquals(Map.of("Alpha", 1, "Beta", 2), ranks(table(REGULATOR, AnalyticsView.TENDERS, new AnalyticsFilter(202501, 202602, null, null, null, null), null)));
        StatTable asc = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, "complaints");
        assertEquals("West Garden", asc.rows().get(0).name(), "ascending: the fewest first");
    }

    @Test
    @Order(3)
    void pagesKeepTheRanksAndTheTotal() {
        StatTable p = service.statistics(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null, PageRequest.of(1, 2));
        assertEquals(3, p.total());
        assertEquals(1, p.rows().size());
        assertEquals(3, p.rows().get(0).rank());
        StatTable beyond = service.statistics(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null, PageRequest.of(5, 2));
        assertEquals(0, beyond.rows().size());
        assertEquals(3, beyond.total());
    }

    @Test
    @Order(4)
    void trendsByMonth_ANA_1_ANA_4() {
        List<TrendPoint> t = service.trend(REGULATOR, AnalyticsView.SERVICES, AnalyticsFilter.ALL);
        Map<String, Object> byMonth = t.stream().collect(Collectors.toMap(TrendPoint::month, p -> p.values().get("complaints")));
        assertEquals(2L, ((Number) byMonth.get("2026-03")).longValue(), t.toString());
        assertEquals(3L, ((Number) byMonth.get("2026-04")).longValue(), t.toString());
        assertEquals("2026-02", t.get(0).month(), "the tender's month comes first (zero complaints)");
        List<TrendPoint> c = service.trend(REGULATOR, AnalyticsView.COMPANIES, new AnalyticsFilter(202601, 202606, null, null, null, null));
        assertTrue(c.stream().anyMatch(p -> p.month().equals("2026-01") && ((Number) p.values().get("filings")).longValue() == 1), c.toString());
        assertTrue(c.get(0).values().containsKey("assessmentScore"));
        assertTrue(!c.get(0).values().containsKey("creditGrade"), "the current grade has no trend");
    }

    @Test
    @Order(5)
    void companiesWithCreditFilingsAndSatisfaction_ANA_2_ANA_5() {
        StatTable t = table(REGULATOR, AnalyticsView.COMPANIES, AnalyticsFilter.ALL, null);
        StatRow alpha = row(t, "Alpha");
        assertEquals(1, alpha.rank());
        assertEquals(3L, num(alpha, "complaints").longValue());
        assertEquals(2L, num(alpha, "estates").longValue());
        assertEquals("A", alpha.values().get("creditGrade"));
        StatRow beta = row(t, "Beta");
        assertEquals(1L, num(beta, "filings").longValue());
        assertEquals(0, new BigDecimal("50").compareTo(new BigDecimal(num(beta, "satisfaction").toString())));

        StatTable sat = table(REGULATOR, AnalyticsView.SATISFACTION, AnalyticsFilter.ALL, null);
        assertEquals(Map.of("Alpha", 1, "Beta", 2), ranks(sat));
        StatTable committees = table(REGULATOR, AnalyticsView.SATISFACTION, new AnalyticsFilter(null, null, null, null, null, "COMMITTEE"), null);
        assertEquals(Map.of("West Garden", 1), ranks(committees), "only the estate whose committee was evaluated");
        assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(num(committees.rows().get(0), "satisfaction").toString())));
    }

    @Test
    @Order(6)
    void tendersAndAssessmentRankWithTies_ANA_3_ANA_6() {
        StatTable tenders = table(REGULATOR, AnalyticsView.TENDERS, AnalyticsFilter.ALL, null);
        assertEquals(Map.of("Alpha", 1, "Beta", 2), ranks(tenders));
        assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(num(row(tenders, "Alpha"), "winRate").toString())));
        StatTable asm = table(REGULATOR, AnalyticsView.ASSESSMENT, AnalyticsFilter.ALL, null);
        assertEquals(Map.of("Alpha", 1, "Beta", 1), ranks(asm), "the same score, the same rank");
        StatTable byCredit = table(REGULATOR, AnalyticsView.ASSESSMENT, AnalyticsFilter.ALL, "-creditScore");
        assertEquals(Map.of("Alpha", 1, "Beta", 2), ranks(byCredit));
    }

    @Test
    @Order(7)
    void aCompanySeesItselfAndItsEstatesOnlyAndOwnersNothing() {
        assertEquals(Set.of("Bay Court"), ranks(table(BETA, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null)).keySet());
        assertEquals(Set.of("Beta"), ranks(table(BETA, AnalyticsView.COMPANIES, AnalyticsFilter.ALL, null)).keySet());
        assertEquals(Set.of("Beta"), ranks(table(BETA, AnalyticsView.ASSESSMENT, AnalyticsFilter.ALL, null)).keySet());
        assertEquals(0, table(BETA, AnalyticsView.ESTATES, new AnalyticsFilter(null, null, 10L, null, null, null), null).total(),
                "another company's estate: nothing");
        ApiException e = assertThrows(ApiException.class, () -> table(OWNER, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null));
        assertEquals(403, e.status());
        assertEquals(403, assertThrows(ApiException.class, () -> service.trend(OWNER, AnalyticsView.ESTATES, AnalyticsFilter.ALL)).status());
    }

    @Test
    @Order(8)
    void invalidFiltersAre400WithEveryField() {
        ApiException e = assertThrows(ApiException.class, () -> table(REGULATOR, AnalyticsView.SATISFACTION,
                new AnalyticsFilter(202605, 202601, null, null, null, "OWNERS"), null));
        assertEquals(400, e.status());
        assertEquals(Set.of("from", "subject"), e.errors().stream().map(x -> x.field()).collect(Collectors.toSet()));
        ApiException s = assertThrows(ApiException.class, () -> table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, "-nonsense"));
        assertEquals("sort", s.errors().get(0).field());
    }

    @Test
    @Order(9)
    void newAndChangedCasesAreRolledUpIncrementallyAndIdempotently() throws Exception {
        sql("""
                INSERT INTO cpl_complaint VALUES (105, 11, 1, 'REGISTERED', TIMESTAMP WITH TIME ZONE '2026-04-20 12:00:00+00');
                INSERT INTO cpl_event VALUES (6, 105);
                INSERT INTO svc_repair VALUES (2, 12, 2, 'REQUESTED', TIMESTAMP WITH TIME ZONE '2026-05-02 12:00:00+00');
                INSERT INTO svc_repair_event VALUES (2, 2);
                """);
        RollupRun run = service.refresh();
        assertTrue(run.keys() >= 2 && !run.full(), run.toString()); // the look-back re-reads the recent ids as well
        StatTable t = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null);
        assertEquals(2L, num(row(t, "West Garden"), "complaints").longValue());
        assertEquals(1L, num(row(t, "Bay Court"), "repairs").longValue());
        assertEquals(2L, num(row(t, "East Garden"), "complaints").longValue(), "untouched keys stay");

        service.refresh();
        StatTable again = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null);
        assertEquals(t.rows(), again.rows(), "reading the same changes again changes nothing");

        sql("UPDATE cpl_complaint SET status = 'CLOSED' WHERE id = 105; INSERT INTO cpl_event VALUES (7, 105)");
        service.refresh();
        StatRow west = row(table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null), "West Garden");
        assertEquals(2L, num(west, "complaintsClosed").longValue());
        StatTable rebuilt = table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null);
        service.rebuild(REGULATOR);
        assertEquals(rebuilt.rows(), table(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null).rows(),
                "the incremental result equals a rebuild from scratch");
    }

    @Test
    @Order(10)
    void theContributionsParse() {
        Contribution c = Contribution.load("org.smartproperty.analytics.impl", AnalyticsServiceImpl.class, "/META-INF/spm/analytics.contributions.properties");
        assertTrue(c.grants().contains(new Contribution.Grant("REGULATOR", "analytics:read")), c.grants().toString());
        assertTrue(c.grants().contains(new Contribution.Grant("COMPANY", "analytics:read")), c.grants().toString());
        assertTrue(c.grants().stream().noneMatch(g -> g.role().equals("OWNER")));
        assertEquals(List.of("analytics"), c.auditKinds().stream().map(Contribution.AuditKindDef::kind).toList());
    }
}
