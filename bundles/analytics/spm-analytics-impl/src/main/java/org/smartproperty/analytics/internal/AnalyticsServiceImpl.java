package org.smartproperty.analytics.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsMessages;
import org.smartproperty.analytics.AnalyticsService;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.RollupRun;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.StatementTimeouts;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@link AnalyticsService} on plain JDBC: the rollups ({@link Rollups}) are written on the main DataSource by the jobs
 * {@code analytics.rollup} (incremental, every few minutes) and {@code analytics.rebuild} (full, nightly, and on demand),
 * the statistics ({@link AnalyticsQueries}) are read from the analytics DataSource ({@link ReadDataSource}: the read
 * replica of {@code SPM_ANALYTICS_DB_URL}, or the main database).
 */
@Component(service = AnalyticsService.class, configurationPid = "org.smartproperty.analytics", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AnalyticsConfig.class)
public class AnalyticsServiceImpl implements AnalyticsService {

    /** The audit object kind (auditKind.analytics in the contributions). */
    static final String AUDIT_KIND = "analytics";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.analytics.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY,
            target = "(osgi.jdbc.driver.class=org.postgresql.Driver)")
    private DataSourceFactory postgres;

    private volatile DataSource readSource;
    private HikariDataSource replica;
    private volatile AnalyticsConfig config;
    private final List<ServiceRegistration<Job>> jobs = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    public AnalyticsServiceImpl() {
    }

    /** Outside OSGi (tests, the benchmark): the main DataSource and the one read from (the same or a replica). */
    AnalyticsServiceImpl(DataSource main, DataSource read, AuditTrail audit) {
        this.dataSource = main;
        this.readSource = read;
        this.audit = audit;
    }

    @Activate
    void activate(BundleContext context, AnalyticsConfig c) throws Exception {
        config = c;
        String url = ReadDataSource.url(c);
        if (url != null) {
            replica = ReadDataSource.open(url, c, url.startsWith("jdbc:postgresql:") ? postgres : null);
            readSource = replica;
        } else {
            readSource = dataSource;
        }
        LOG.info("Analytics statistics read from {}", ReadDataSource.safe(url));
        jobs.add(context.registerService(Job.class, Job.of("analytics.rollup", this::refreshSchedule,
                ctx -> refresh().summary()), null));
        jobs.add(context.registerService(Job.class, Job.of("analytics.rebuild", this::rebuildSchedule,
                ctx -> rebuildNow().summary()), null));
    }

    @Modified
    void modified(AnalyticsConfig c) {
        // the schedules are asked again after every run; the replica URL needs a restart of the component (reference change)
        config = c;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Job> r : jobs) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping
            }
        }
        jobs.clear();
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    private JobSchedule refreshSchedule() {
        int minutes = config == null ? 5 : config.refresh_intervalMinutes();
        return minutes <= 0 ? JobSchedule.disabled() : JobSchedule.every(Duration.ofMinutes(minutes), Duration.ofSeconds(15));
    }

    private JobSchedule rebuildSchedule() {
        String at = config == null ? "03:30" : config.rebuild_dailyAt();
        if (at == null || at.isBlank()) {
            return JobSchedule.disabled();
        }
        try {
            return JobSchedule.dailyAt(LocalTime.parse(at.strip()), ZONE);
        } catch (RuntimeException e) {
            LOG.error("rebuild.dailyAt {} is not HH:mm; the nightly rebuild is off", at);
            return JobSchedule.disabled();
        }
    }

    /** The company a caller is limited to (null: everything), or 403 for a scope without statistics. */
    static Long scopeCompany(SpmPrincipal caller) {
        DataScope s = caller.scope();
        if (s != null && s.all()) {
            return null;
        }
        if (s != null && s.kind() == DataScope.Kind.COMPANY && s.companyId() != null) {
            return s.companyId();
        }
        throw new ApiException(403, "scope.denied", AnalyticsMessages.TEXTS, null);
    }

    @Override
    public StatTable statistics(SpmPrincipal caller, AnalyticsView view, AnalyticsFilter filter, String sort, PageRequest page) {
        AnalyticsFilter f = filter == null ? AnalyticsFilter.ALL : filter;
        AnalyticsQueries.Definition d = validate(view, f);
        String key = d.defaultSort();
        boolean descending = true;
        if (sort != null && !sort.isBlank()) {
            String s = sort.strip();
            descending = s.startsWith("-");
            key = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            if (d.column(key) == null) {
                throw ApiException.invalid(AnalyticsMessages.TEXTS, "sort", "filter.sort", key, String.join(", ", d.keys()));
            }
        }
        Long company = scopeCompany(caller);
        PageRequest p = page == null ? PageRequest.of(0, PageRequest.DEFAULT_SIZE) : page;
        String k = key;
        boolean desc = descending;
        return read(c -> AnalyticsQueries.table(c, d, f, company, k, desc, p.page(), p.size()));
    }

    @Override
    public List<TrendPoint> trend(SpmPrincipal caller, AnalyticsView view, AnalyticsFilter filter) {
        AnalyticsFilter f = filter == null ? AnalyticsFilter.ALL : filter;
        AnalyticsQueries.Definition d = validate(view, f);
        Long company = scopeCompany(caller);
        return read(c -> AnalyticsQueries.trend(c, d, f, company));
    }

    private static AnalyticsQueries.Definition validate(AnalyticsView view, AnalyticsFilter f) {
        Validation v = new Validation(AnalyticsMessages.TEXTS);
        if (view == null) {
            v.error("view", "filter.view", "");
        }
        if (f.from() != null && f.to() != null && f.from() > f.to()) {
            v.error("from", "filter.range", month(f.from()) + " > " + month(f.to()));
        }
        if (f.subject() != null && !Set.of("COMPANY", "COMMITTEE").contains(f.subject())) {
            v.error("subject", "filter.subject", f.subject());
        }
        if (f.community() != null && f.community().length() > 100) {
            v.maxLength("community", f.community(), 100);
        }
        v.throwIfInvalid();
        return AnalyticsQueries.definition(view, f.committees());
    }

    static String month(int ym) {
        return String.format("%04d-%02d", ym / 100, ym % 100);
    }

    private <T> T read(Jdbc.Work<T> work) {
        DataSource ds = ApiException.requireAvailable(readSource, "analytics");
        try {
            return Jdbc.transaction(ds, work);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                LOG.warn("analytics DataSource unreachable: {}", e.toString());
                throw ApiException.unavailable("analytics");
            }
            throw Jdbc.translate(e);
        }
    }

    @Override
    public RollupRun refresh() {
        return Jdbc.write(dataSource, c -> {
            // one INSERT … SELECT may run longer than the pool's statement timeout at province scale (issue 19 item 2)
            try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c)) {
                return Rollups.refresh(c, clock.instant());
            }
        });
    }

    /** The nightly job's rebuild (no caller: the job runner records it). */
    RollupRun rebuildNow() {
        return Jdbc.write(dataSource, c -> {
            try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c)) {
                return Rollups.rebuild(c, clock.instant());
            }
        });
    }

    @Override
    public RollupRun rebuild(SpmPrincipal caller) {
        scopeCompany(caller);
        return Jdbc.write(dataSource, c -> {
            RollupRun run;
            try (StatementTimeouts.Lifted lifted = StatementTimeouts.lift(c)) {
                run = Rollups.rebuild(c, clock.instant());
            }
            if (audit != null) {
                audit.append(c, AuditEvent.of(caller.getName(), "analytics.rebuild", AUDIT_KIND, "rollups",
                        AuditEvent.summary("keys", run.keys(), "rows", run.rows(), "millis", run.millis())));
            }
            return run;
        });
    }

    void clock(Clock c) {
        this.clock = c;
    }
}
