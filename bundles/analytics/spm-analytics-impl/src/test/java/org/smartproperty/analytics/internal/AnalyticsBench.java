package org.smartproperty.analytics.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.RollupRun;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The province-scale benchmark of bench/analytics-province.sh (not a test): on a database the script generated, applies
 * the analytics changelog, times the full build of the rollups, an incremental run after {@code NEW} new complaints, an
 * incremental run with nothing new, then every statistic (ranking page and trend, with the usual filters) {@code RUNS}
 * times, printing median and p95 in milliseconds as a Markdown table. Arguments: JDBC URL, user [, runs [, new complaints]].
 */
public final class AnalyticsBench {

    private AnalyticsBench() {
    }

    record Case(String name, AnalyticsView view, AnalyticsFilter filter, boolean trend, SpmPrincipal who) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int fresh = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(System.getenv().getOrDefault("PGPASSWORD", ""));
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            Migrations.migrate(ds, "db/analytics.changelog.xml", new ClassLoaderResourceAccessor(AnalyticsBench.class.getClassLoader()));
            AnalyticsServiceImpl service = new AnalyticsServiceImpl(ds, ds, null);

            RollupRun full = service.rebuildNow();
            System.out.printf("full build: %,d keys, %,d rollup rows in %,d ms%n", full.keys(), full.rows(), full.millis());
            RollupRun idle = service.refresh();
            System.out.printf("incremental, nothing new (look-back of %,d ids per source re-read): %,d keys in %,d ms%n", Rollups.LOOKBACK_IDS,
                    idle.keys(), idle.millis());
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO cpl_complaint SELECT m + g, 1 + (g * 7919) % (SELECT COUNT(*) FROM est_estate), NULL, 'REGISTERED',"
                        + " now() - (g % 60) * INTERVAL '1 day' FROM (SELECT MAX(id) AS m FROM cpl_complaint) x, generate_series(1, " + fresh + ") g");
                st.execute("UPDATE cpl_complaint SET company_id = estate_id % (SELECT COUNT(*) FROM cmp_company) + 1 WHERE company_id IS NULL");
                st.execute("INSERT INTO cpl_event SELECT m + g, c.id FROM (SELECT MAX(id) AS m FROM cpl_event) x,"
                        + " (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS g FROM cpl_complaint WHERE id > (SELECT MAX(complaint_id) FROM cpl_event)) c");
                st.execute("ANALYZE cpl_complaint");
                st.execute("ANALYZE cpl_event");
            }
            RollupRun inc = service.refresh();
            System.out.printf("incremental, %,d new complaints: %,d keys, %,d rollup rows in %,d ms (%,.0f complaints/s)%n", fresh, inc.keys(),
                    inc.rows(), inc.millis(), fresh * 1000.0 / Math.max(1, inc.millis()));
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("ANALYZE ana_estate_month");
                st.execute("ANALYZE ana_company_month");
                try (var rs = st.executeQuery("SELECT COUNT(*), pg_size_pretty(pg_total_relation_size('ana_estate_month')) FROM ana_estate_month")) {
                    rs.next();
                    System.out.printf("ana_estate_month: %,d rows, %s%n", rs.getLong(1), rs.getString(2));
                }
            }

            SpmPrincipal regulator = new SpmPrincipal(1, "bench", Set.of(Role.REGULATOR), Set.of("analytics:read"), DataScope.ALL, false, "127.0.0.1");
            SpmPrincipal company = new SpmPrincipal(2, "bench-company", Set.of(Role.COMPANY), Set.of("analytics:read"), DataScope.company(7), false,
                    "127.0.0.1");
            AnalyticsFilter all = AnalyticsFilter.ALL;
            AnalyticsFilter year = new AnalyticsFilter(202601, 202612, null, null, null, null);
            AnalyticsFilter month = new AnalyticsFilter(202603, 202603, null, null, null, null);
            AnalyticsFilter community = new AnalyticsFilter(202601, 202612, null, null, "社区 17", null);
            AnalyticsFilter oneCompany = new AnalyticsFilter(null, null, null, 7L, null, null);
            AnalyticsFilter oneEstate = new AnalyticsFilter(null, null, 4242L, null, null, null);
            AnalyticsFilter committees = new AnalyticsFilter(null, null, null, null, null, "COMMITTEE");
            List<Case> cases = new ArrayList<>();
            for (AnalyticsView v : AnalyticsView.values()) {
                cases.add(new Case(v.path() + " ranking, all 24 months", v, all, false, regulator));
                cases.add(new Case(v.path() + " ranking, one year", v, year, false, regulator));
                cases.add(new Case(v.path() + " trend, all 24 months", v, all, true, regulator));
            }
            cases.add(new Case("estates ranking, one month", AnalyticsView.ESTATES, month, false, regulator));
            cases.add(new Case("estates ranking, one community, one year", AnalyticsView.ESTATES, community, false, regulator));
            cases.add(new Case("estates ranking, one company", AnalyticsView.ESTATES, oneCompany, false, regulator));
            cases.add(new Case("estates trend, one estate", AnalyticsView.ESTATES, oneEstate, true, regulator));
            cases.add(new Case("services trend, one community, one year", AnalyticsView.SERVICES, community, true, regulator));
            cases.add(new Case("satisfaction ranking, committees", AnalyticsView.SATISFACTION, committees, false, regulator));
            cases.add(new Case("estates ranking as a company (scope)", AnalyticsView.ESTATES, all, false, company));
            cases.add(new Case("companies ranking as a company (scope)", AnalyticsView.COMPANIES, all, false, company));
            cases.add(new Case("estates ranking, page 500, sort -satisfaction", AnalyticsView.ESTATES, all, false, regulator));

            System.out.printf("%n| query | median ms | p95 ms | max ms | rows |%n|---|---:|---:|---:|---:|%n");
            double worst = 0;
            for (Case k : cases) {
                long[] times = new long[runs];
                long rows = 0;
                boolean deep = k.name().contains("page 500");
                for (int i = -2; i < runs; i++) {
                    long t0 = System.nanoTime();
                    if (k.trend()) {
                        rows = service.trend(k.who(), k.view(), k.filter()).size();
                    } else {
                        rows = service.statistics(k.who(), k.view(), k.filter(), deep ? "-satisfaction" : null,
                                deep ? PageRequest.of(500, 20) : PageRequest.of(0, 20)).total();
                    }
                    if (i >= 0) {
                        times[i] = (System.nanoTime() - t0) / 1_000;
                    }
                }
                Arrays.sort(times);
                double median = times[runs / 2] / 1000.0;
                double p95 = times[(int) Math.ceil(runs * 0.95) - 1] / 1000.0;
                worst = Math.max(worst, p95);
                System.out.printf("| %s | %.0f | %.0f | %.0f | %,d |%n", k.name(), median, p95, times[runs - 1] / 1000.0, rows);
            }
            System.out.printf("%nworst p95: %.0f ms (goal < 1000 ms)%n", worst);
        }
    }
}
