package org.smartproperty.deadline.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.deadline.CalendarDay;
import org.smartproperty.deadline.CalendarDayInput;
import org.smartproperty.deadline.DayKind;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineListener;
import org.smartproperty.deadline.DeadlineMessages;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineSettings;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.OfficePeriod;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TimeLimitInput;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * The deadline engine (SLA-1..SLA-4) on plain JDBC: working calendar over {@code dl_calendar_day},
 * time limits ({@code dl_time_limit}), deadlines tracked in the domains' transactions
 * ({@code dl_deadline}, {@code dl_pause}) and the scheduled monitor raising each WARNING and OVERDUE
 * escalation exactly once. Plain JDBC rather than a persistence unit: the tracker works on the
 * caller's {@link Connection}, and the monitor needs conditional updates and savepoints.
 * The one component and service registration; its duties are done by package-private parts it
 * creates (issue 10 item 5): {@link CalendarDays}, {@link TimeLimits}, {@link DeadlineTracking},
 * {@link DeadlineViews}, {@link DeadlineMonitor}, over {@link DeadlineRows}; the working-day
 * arithmetic is {@link CalendarMath}.
 */
@Component(service = {WorkingCalendar.class, DeadlineSettings.class, DeadlineTracker.class, HealthCheck.class},
        configurationPid = "org.smartproperty.deadline", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = DeadlineConfig.class)
public class DeadlineEngine implements WorkingCalendar, DeadlineSettings, DeadlineTracker, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineEngine.class);
    /** Advisory lock key of the monitor ('spm' 'dline'). */
    static final long LOCK_KEY = 0x73706d_646c696eL;
    static final int BATCH = 500;
    static final Messages T = DeadlineMessages.TEXTS;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.deadline.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private final List<DeadlineListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineSettings settings = EngineSettings.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private final String node = nodeName();
    private ServiceRegistration<Job> job;
    private volatile Instant activatedAt = Instant.now();

    private final CalendarDays calendarDays = new CalendarDays(this);
    private final TimeLimits timeLimits = new TimeLimits(this);
    private final DeadlineTracking tracking = new DeadlineTracking(this);
    private final DeadlineViews views = new DeadlineViews(this);
    private final DeadlineMonitor monitor = new DeadlineMonitor(this);

    public DeadlineEngine() {
    }

    /** Outside OSGi (tests): over a migrated DataSource, with a clock the test controls. */
    /** Outside OSGi (other domains' service tests): the real engine over a migrated schema with the test's clock and the default settings. */
    public static org.smartproperty.deadline.DeadlineTracker standalone(DataSource dataSource, AuditTrail audit, Clock clock) {
        return new DeadlineEngine(dataSource, audit, clock, EngineSettings.DEFAULTS);
    }

    DeadlineEngine(DataSource dataSource, AuditTrail audit, Clock clock, EngineSettings settings) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Activate
    void activate(DeadlineConfig config, BundleContext context) {
        configure(config);
        activatedAt = clock.instant();
        job = context.registerService(Job.class, monitor.monitorJob(), null);
    }

    @Modified
    void modified(DeadlineConfig config) {
        configure(config); // the job runner reads the new interval at its next tick
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            job = null;
        }
    }

    /** Applies a configuration; an invalid one is refused as a whole and logged, the settings in force stay. */
    boolean configure(DeadlineConfig config) {
        try {
            settings = EngineSettings.of(config);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the settings in force stay: {}", e.getMessage(), settings);
            return false;
        }
    }

    EngineSettings settings() {
        return settings;
    }

    AuditTrail audit() {
        return audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(DeadlineListener l) {
        listeners.add(l);
    }

    void removeListener(DeadlineListener l) {
        listeners.remove(l);
    }

    DataSource dataSource() {
        return dataSource;
    }

    List<DeadlineListener> listeners() {
        return listeners;
    }

    /** This node's name, as the monitor records it. */
    String node() {
        return node;
    }

    Instant activatedAt() {
        return activatedAt;
    }

    Instant now() {
        return clock.instant();
    }

    private static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }

    // ---------------------------------------------------------------- calendar (SLA-2)

    CalendarMath math(Connection c) throws SQLException {
        Map<LocalDate, DayKind> days = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cal_date, kind FROM dl_calendar_day")) {
            while (rs.next()) {
                days.put(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)));
            }
        }
        EngineSettings s = settings;
        return new CalendarMath(days, s.officeHours(), s.zone());
    }

    private CalendarMath math() {
        return Sql.read(dataSource, this::math);
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public List<OfficePeriod> officeHours() {
        return settings.officeHours();
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return math().isWorkingDay(day);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 1) {
            throw ApiException.invalid(Messages.PLATFORM, "days", "field.range", "1", String.valueOf(CalendarMath.MAX_DAYS));
        }
        return math().addWorkingDays(start, days);
    }

    @Override
    public Instant addWorkingHours(Instant start, Duration workingTime) {
        return math().addWorkingTime(start, workingTime);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return math().workingTimeBetween(from, to);
    }

    // ---------------------------------------------------------------- settings: calendar days (CalendarDays)

    @Override
    public List<CalendarDay> days(int year) {
        return calendarDays.days(year);
    }

    @Override
    public CalendarDay putDay(LocalDate date, Long expectedVersion, CalendarDayInput in, String actor) {
        return calendarDays.putDay(date, expectedVersion, in, actor);
    }

    @Override
    public void deleteDay(LocalDate date, String actor) {
        calendarDays.deleteDay(date, actor);
    }

    static void checkVersion(Long expected, long current) {
        if (expected == null) {
            throw ApiException.versionRequired();
        }
        if (expected != current) {
            throw ApiException.stale(current);
        }
    }

    static ApiException notFound(String objectKindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text(objectKindKey), String.valueOf(id));
    }

    // ---------------------------------------------------------------- settings: time limits (TimeLimits, SLA-1, SLA-4)

    @Override
    public List<TimeLimit> timeLimits() {
        return timeLimits.timeLimits();
    }

    @Override
    public TimeLimit timeLimit(String domain, String category) {
        return timeLimits.timeLimit(domain, category);
    }

    @Override
    public TimeLimit putTimeLimit(String domain, String category, Long expectedVersion, TimeLimitInput in, String actor) {
        return timeLimits.putTimeLimit(domain, category, expectedVersion, in, actor);
    }

    // ---------------------------------------------------------------- tracker (DeadlineTracking)

    @Override
    public Deadline start(Connection c, TrackedItem item) {
        return tracking.start(c, item);
    }

    @Override
    public Deadline pause(Connection c, String domain, long itemId, Instant at) {
        return tracking.pause(c, domain, itemId, at);
    }

    @Override
    public Deadline resume(Connection c, String domain, long itemId, Instant at) {
        return tracking.resume(c, domain, itemId, at);
    }

    @Override
    public Deadline reassign(Connection c, String domain, long itemId, Long assignee, Long supervisor) {
        return tracking.reassign(c, domain, itemId, assignee, supervisor);
    }

    @Override
    public Deadline complete(Connection c, String domain, long itemId, Instant at) {
        return tracking.complete(c, domain, itemId, at);
    }

    @Override
    public Deadline cancel(Connection c, String domain, long itemId, Instant at) {
        return tracking.cancel(c, domain, itemId, at);
    }

    @Override
    public Deadline backdate(Connection c, String domain, long itemId, java.time.Duration age) {
        return tracking.backdate(c, domain, itemId, age);
    }

    @Override
    public Optional<Deadline> find(Connection c, String domain, long itemId) {
        return tracking.find(c, domain, itemId);
    }

    // ---------------------------------------------------------------- monitoring views (DeadlineViews, SVC-CMP-5, SVC-REP-2, SVC-PAT-2)

    @Override
    public Page<Deadline> monitoring(DataScope scope, DeadlineQuery q, PageRequest page) {
        return views.monitoring(scope, q, page);
    }

    // ---------------------------------------------------------------- monitor (DeadlineMonitor, SLA-3)

    /** What one monitor run did; {@code ran} false when another node held the lock. */
    record Run(boolean ran, int warnings, int overdues) {
    }

    Run runOnce() {
        return monitor.runOnce();
    }

    // ---------------------------------------------------------------- health

    @Override
    public String name() {
        return "deadline-monitor";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        return monitor.check();
    }
}
