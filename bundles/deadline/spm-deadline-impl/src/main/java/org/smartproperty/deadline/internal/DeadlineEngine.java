package org.smartproperty.deadline.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
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
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.Escalation;
import org.smartproperty.deadline.LimitUnit;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.deadline.OfficePeriod;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TimeLimitInput;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.SortOrder;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * The deadline engine (SLA-1..SLA-4) on plain JDBC: working calendar over {@code dl_calendar_day},
 * time limits ({@code dl_time_limit}), deadlines tracked in the domains' transactions
 * ({@code dl_deadline}, {@code dl_pause}) and the scheduled monitor raising each WARNING and OVERDUE
 * escalation exactly once. Plain JDBC rather than a persistence unit: the tracker works on the
 * caller's {@link Connection}, and the monitor needs conditional updates and savepoints.
 */
@Component(service = {WorkingCalendar.class, DeadlineSettings.class, DeadlineTracker.class, HealthCheck.class},
        configurationPid = "org.smartproperty.deadline", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = DeadlineConfig.class)
public class DeadlineEngine implements WorkingCalendar, DeadlineSettings, DeadlineTracker, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineEngine.class);
    /** Advisory lock key of the monitor ('spm' 'dline'). */
    static final long LOCK_KEY = 0x73706d_646c696eL;
    static final int BATCH = 500;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Messages T = DeadlineMessages.TEXTS;

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
        job = context.registerService(Job.class, monitorJob(), null);
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

    /**
     * The monitor as the platform job {@code deadline.monitor} (issue 10 item 3): every
     * {@code monitor.intervalSeconds} (the first run after min(interval, 10 s)), one node at a time through
     * the runner's cluster lock; disabled while {@code monitor.enabled=false}.
     */
    Job monitorJob() {
        return Job.of("deadline.monitor", () -> {
            EngineSettings s = settings;
            if (!s.monitorEnabled()) {
                return JobSchedule.disabled();
            }
            long interval = s.intervalSeconds();
            return JobSchedule.every(Duration.ofSeconds(interval), Duration.ofSeconds(Math.min(interval, 10)));
        }, c -> {
            Run r = runOnce();
            if (r.warnings() + r.overdues() > 0) {
                LOG.info("Deadline monitor: {} warnings, {} overdue escalations", r.warnings(), r.overdues());
            }
            return r.ran() ? r.warnings() + " warning(s), " + r.overdues() + " overdue" : "another node was running it";
        });
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

    private Instant now() {
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

    // ---------------------------------------------------------------- settings: calendar days

    @Override
    public List<CalendarDay> days(int year) {
        return Sql.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dl_calendar_day WHERE cal_date BETWEEN ? AND ? ORDER BY cal_date")) {
                ps.setObject(1, LocalDate.of(year, 1, 1));
                ps.setObject(2, LocalDate.of(year, 12, 31));
                List<CalendarDay> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(day(rs));
                    }
                }
                return out;
            }
        });
    }

    private static CalendarDay day(ResultSet rs) throws SQLException {
        return new CalendarDay(rs.getObject("cal_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getBoolean("provisional"), rs.getString("note"), rs.getString("updated_by"), Sql.ts(rs, "updated_at"), rs.getLong("version"));
    }

    private static CalendarDay findDay(Connection c, LocalDate date, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dl_calendar_day WHERE cal_date = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? day(rs) : null;
            }
        }
    }

    @Override
    public CalendarDay putDay(LocalDate date, Long expectedVersion, CalendarDayInput in, String actor) {
        Validation v = new Validation(T);
        if (v.required("date", date) && in != null && in.kind() == DayKind.MAKEUP_WORKDAY
                && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            v.error("kind", "day.makeupOnWeekday");
        }
        if (in == null) {
            v.required("kind", null);
            v.required("name", null);
        } else {
            v.required("kind", in.kind());
            if (v.required("name", in.name())) {
                v.maxLength("name", in.name().trim(), 100);
            }
            v.maxLength("note", in.note(), 400);
        }
        v.throwIfInvalid();
        Instant now = now();
        return Sql.write(dataSource, c -> {
            CalendarDay before = findDay(c, date, true);
            long version;
            if (before != null) {
                checkVersion(expectedVersion, before.version());
                version = before.version() + 1;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE dl_calendar_day SET kind = ?, name = ?, provisional = ?, note = ?, updated_by = ?, updated_at = ?, version = ? WHERE cal_date = ?")) {
                    ps.setString(1, in.kind().name());
                    ps.setString(2, in.name().trim());
                    ps.setBoolean(3, Boolean.TRUE.equals(in.provisional()));
                    ps.setString(4, in.note());
                    ps.setString(5, actor);
                    Sql.ts(ps, 6, now);
                    ps.setLong(7, version);
                    ps.setObject(8, date);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dl_calendar_day (cal_date, kind, name, provisional, note, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
                    ps.setObject(1, date);
                    ps.setString(2, in.kind().name());
                    ps.setString(3, in.name().trim());
                    ps.setBoolean(4, Boolean.TRUE.equals(in.provisional()));
                    ps.setString(5, in.note());
                    ps.setString(6, actor);
                    Sql.ts(ps, 7, now);
                    ps.executeUpdate();
                }
            }
            audit.append(c, AuditEvent.of(actor, "calendar.day.put", "calendarDay", date,
                    "{\"before\":" + (before == null ? "null" : "{\"kind\":" + Sql.q(before.kind()) + ",\"name\":" + Sql.q(before.name()) + "}")
                            + ",\"after\":{\"kind\":" + Sql.q(in.kind()) + ",\"name\":" + Sql.q(in.name().trim())
                            + ",\"provisional\":" + Boolean.TRUE.equals(in.provisional()) + "}}"));
            return findDay(c, date, false);
        });
    }

    private static void checkVersion(Long expected, long current) {
        if (expected == null) {
            throw ApiException.versionRequired();
        }
        if (expected != current) {
            throw ApiException.stale(current);
        }
    }

    @Override
    public void deleteDay(LocalDate date, String actor) {
        Sql.write(dataSource, c -> {
            CalendarDay before = findDay(c, date, true);
            if (before == null) {
                throw notFound("objects.calendarDay", date);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dl_calendar_day WHERE cal_date = ?")) {
                ps.setObject(1, date);
                ps.executeUpdate();
            }
            audit.append(c, AuditEvent.of(actor, "calendar.day.delete", "calendarDay", date,
                    "{\"before\":{\"kind\":" + Sql.q(before.kind()) + ",\"name\":" + Sql.q(before.name()) + "}}"));
            return null;
        });
    }

    static ApiException notFound(String objectKindKey, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text(objectKindKey), String.valueOf(id));
    }

    // ---------------------------------------------------------------- settings: time limits (SLA-1, SLA-4)

    @Override
    public List<TimeLimit> timeLimits() {
        return Sql.read(dataSource, c -> {
            List<TimeLimit> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM dl_time_limit ORDER BY domain, category")) {
                while (rs.next()) {
                    out.add(limit(rs));
                }
            }
            return out;
        });
    }

    @Override
    public TimeLimit timeLimit(String domain, String category) {
        TimeLimit l = Sql.read(dataSource, c -> findLimit(c, domain, category, false));
        if (l == null) {
            throw notFound("objects.timeLimit", domain + "/" + category);
        }
        return l;
    }

    private static TimeLimit limit(ResultSet rs) throws SQLException {
        return new TimeLimit(rs.getString("domain"), rs.getString("category"), rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit")),
                rs.getBoolean("pausable"), rs.getBigDecimal("warning_ratio").doubleValue(), rs.getString("description"),
                rs.getString("updated_by"), Sql.ts(rs, "updated_at"), rs.getLong("version"));
    }

    private static TimeLimit findLimit(Connection c, String domain, String category, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dl_time_limit WHERE domain = ? AND category = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, domain);
            ps.setString(2, category);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? limit(rs) : null;
            }
        }
    }

    private static void code(Validation v, String field, String value, int max) {
        if (v.required(field, value) && (value.length() > max || !CODE.matcher(value).matches())) {
            v.error(field, "code.format", max);
        }
    }

    /** Maximum amount per unit: a year of working days, a (leap) year of hours. */
    static int maxAmount(LimitUnit unit) {
        return unit == LimitUnit.WORKING_DAYS ? 366 : 8784;
    }

    @Override
    public TimeLimit putTimeLimit(String domain, String category, Long expectedVersion, TimeLimitInput in, String actor) {
        Validation v = new Validation(T);
        code(v, "domain", domain, 32);
        code(v, "category", category, 64);
        double ratio = settings.warningRatio();
        if (in == null) {
            v.required("amount", null);
            v.required("unit", null);
        } else {
            boolean unit = v.required("unit", in.unit());
            if (v.required("amount", in.amount()) && unit) {
                v.range("amount", BigDecimal.valueOf(in.amount()), BigDecimal.ONE, BigDecimal.valueOf(maxAmount(in.unit())));
            }
            if (in.warningRatio() != null) {
                ratio = in.warningRatio();
                if (!(ratio > 0 && ratio < 1)) {
                    v.error("warningRatio", "ratio.range");
                }
            }
            v.maxLength("description", in.description(), 200);
        }
        v.throwIfInvalid();
        double r = Math.round(ratio * 1000) / 1000.0;
        Instant now = now();
        return Sql.write(dataSource, c -> {
            TimeLimit before = findLimit(c, domain, category, true);
            if (before != null) {
                checkVersion(expectedVersion, before.version());
                try (PreparedStatement ps = c.prepareStatement("UPDATE dl_time_limit SET amount = ?, unit = ?, pausable = ?, warning_ratio = ?, "
                        + "description = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE domain = ? AND category = ?")) {
                    ps.setInt(1, in.amount());
                    ps.setString(2, in.unit().name());
                    ps.setBoolean(3, Boolean.TRUE.equals(in.pausable()));
                    ps.setBigDecimal(4, BigDecimal.valueOf(r));
                    ps.setString(5, in.description() == null ? before.description() : in.description());
                    ps.setString(6, actor);
                    Sql.ts(ps, 7, now);
                    ps.setString(8, domain);
                    ps.setString(9, category);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dl_time_limit (domain, category, amount, unit, pausable, warning_ratio, "
                        + "description, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                    ps.setString(1, domain);
                    ps.setString(2, category);
                    ps.setInt(3, in.amount());
                    ps.setString(4, in.unit().name());
                    ps.setBoolean(5, Boolean.TRUE.equals(in.pausable()));
                    ps.setBigDecimal(6, BigDecimal.valueOf(r));
                    ps.setString(7, in.description());
                    ps.setString(8, actor);
                    Sql.ts(ps, 9, now);
                    ps.executeUpdate();
                }
            }
            audit.append(c, AuditEvent.of(actor, "deadline.limit.put", "timeLimit", domain + "/" + category,
                    "{\"before\":" + (before == null ? "null" : "{\"amount\":" + before.amount() + ",\"unit\":" + Sql.q(before.unit()) + "}")
                            + ",\"after\":{\"amount\":" + in.amount() + ",\"unit\":" + Sql.q(in.unit()) + ",\"pausable\":"
                            + Boolean.TRUE.equals(in.pausable()) + ",\"warningRatio\":" + r + "}}"));
            return findLimit(c, domain, category, false);
        });
    }

    // ---------------------------------------------------------------- tracker

    /** Due time and warning point of a limit started at {@code start}. */
    static Instant[] schedule(CalendarMath m, LimitUnit unit, int amount, double ratio, Instant start) {
        Instant due;
        Instant warn;
        switch (unit) {
            case WORKING_DAYS -> {
                due = m.addWorkingDays(start, amount);
                warn = m.addWorkingTime(start, scale(m.workingTimeBetween(start, due), ratio));
            }
            case WORKING_HOURS -> {
                Duration total = Duration.ofHours(amount);
                due = m.addWorkingTime(start, total);
                warn = m.addWorkingTime(start, scale(total, ratio));
            }
            default -> {
                Duration total = Duration.ofHours(amount);
                due = start.plus(total);
                warn = start.plus(scale(total, ratio));
            }
        }
        return new Instant[] {warn, due};
    }

    static Duration scale(Duration d, double ratio) {
        return Duration.ofSeconds(Math.round(d.getSeconds() * ratio));
    }

    private static final String COLUMNS = "id, domain, item_id, category, title, estate_id, company_id, assignee_account_id, supervisor_account_id, "
            + "amount, unit, warning_ratio, started_at, warn_at, due_at, state, paused_at, warned_at, overdue_at, finished_at, version";

    private static Deadline deadline(ResultSet rs) throws SQLException {
        return new Deadline(rs.getLong("id"), rs.getString("domain"), rs.getLong("item_id"), rs.getString("category"), rs.getString("title"),
                Sql.optLong(rs, "estate_id"), Sql.optLong(rs, "company_id"), Sql.optLong(rs, "assignee_account_id"),
                Sql.optLong(rs, "supervisor_account_id"), rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("warning_ratio").doubleValue(), Sql.ts(rs, "started_at"), Sql.ts(rs, "warn_at"), Sql.ts(rs, "due_at"),
                DeadlineState.valueOf(rs.getString("state")), Sql.ts(rs, "paused_at"), Sql.ts(rs, "warned_at"), Sql.ts(rs, "overdue_at"),
                Sql.ts(rs, "finished_at"), rs.getLong("version"));
    }

    private static Deadline find(Connection c, String domain, long itemId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline WHERE domain = ? AND item_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, domain);
            ps.setLong(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? deadline(rs) : null;
            }
        }
    }

    private static Deadline byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? deadline(rs) : null;
            }
        }
    }

    private static Deadline required(Connection c, String domain, long itemId) throws SQLException {
        Deadline d = domain == null ? null : find(c, domain, itemId, true);
        if (d == null) {
            throw notFound("objects.deadline", domain + "/" + itemId);
        }
        return d;
    }

    private static boolean open(Deadline d) {
        return d.state() == DeadlineState.RUNNING || d.state() == DeadlineState.PAUSED;
    }

    private static ApiException illegal(Deadline d) {
        return ApiException.conflict(T, "deadline.illegalState", d.state().name());
    }

    @Override
    public Deadline start(Connection c, TrackedItem item) {
        Validation v = new Validation(T);
        if (item == null) {
            v.required("item", null);
        } else {
            code(v, "domain", item.domain(), 32);
            code(v, "category", item.category(), 64);
            if (item.itemId() <= 0) {
                v.error(Messages.PLATFORM, "itemId", "field.range", "1", String.valueOf(Long.MAX_VALUE));
            }
            v.maxLength("title", item.title(), 200);
        }
        v.throwIfInvalid();
        Instant started = item.startedAt() == null ? now() : item.startedAt();
        return Sql.on(c, con -> {
            TimeLimit limit = findLimit(con, item.domain(), item.category(), false);
            if (limit == null) {
                throw ApiException.invalid(T, "category", "deadline.unknownCategory", item.domain(), item.category());
            }
            Deadline previous = find(con, item.domain(), item.itemId(), true);
            if (previous != null) {
                if (open(previous)) {
                    throw ApiException.conflict(T, "deadline.alreadyRunning", previous.state().name());
                }
                delete(con, previous.id());
            }
            Instant[] wd = schedule(math(con), limit.unit(), limit.amount(), limit.warningRatio(), started);
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO dl_deadline (domain, item_id, category, title, estate_id, company_id, "
                    + "assignee_account_id, supervisor_account_id, amount, unit, warning_ratio, started_at, warn_at, due_at, state, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0)")) {
                ps.setString(1, item.domain());
                ps.setLong(2, item.itemId());
                ps.setString(3, item.category());
                ps.setString(4, item.title());
                Sql.optLong(ps, 5, item.estateId());
                Sql.optLong(ps, 6, item.companyId());
                Sql.optLong(ps, 7, item.assigneeAccountId());
                Sql.optLong(ps, 8, item.supervisorAccountId());
                ps.setInt(9, limit.amount());
                ps.setString(10, limit.unit().name());
                ps.setBigDecimal(11, BigDecimal.valueOf(limit.warningRatio()));
                Sql.ts(ps, 12, started);
                Sql.ts(ps, 13, wd[0]);
                Sql.ts(ps, 14, wd[1]);
                Sql.ts(ps, 15, now());
                ps.executeUpdate();
            }
            return find(con, item.domain(), item.itemId(), false);
        });
    }

    private static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dl_pause WHERE deadline_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dl_deadline WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    @Override
    public Deadline pause(Connection c, String domain, long itemId, Instant at) {
        Instant when = at == null ? now() : at;
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (d.state() != DeadlineState.RUNNING) {
                throw illegal(d);
            }
            TimeLimit limit = findLimit(con, d.domain(), d.category(), false);
            if (limit == null || !limit.pausable()) {
                throw ApiException.conflict(T, "deadline.notPausable", d.domain(), d.category());
            }
            try (PreparedStatement ps = con.prepareStatement(
                    "UPDATE dl_deadline SET state = 'PAUSED', paused_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
                Sql.ts(ps, 1, when);
                Sql.ts(ps, 2, now());
                ps.setLong(3, d.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO dl_pause (deadline_id, paused_at) VALUES (?, ?)")) {
                ps.setLong(1, d.id());
                Sql.ts(ps, 2, when);
                ps.executeUpdate();
            }
            return byId(con, d.id());
        });
    }

    /** Moves {@code point} by the pause {@code [pausedAt, resumedAt)}: only the part of the limit still ahead at the pause moves. */
    static Instant shift(CalendarMath m, LimitUnit unit, Instant point, Instant pausedAt, Instant resumedAt) {
        if (!pausedAt.isBefore(point)) {
            return point; // already passed when the pause began
        }
        if (unit == LimitUnit.CALENDAR_HOURS) {
            return point.plus(Duration.between(pausedAt, resumedAt));
        }
        return m.addWorkingTime(resumedAt, m.workingTimeBetween(pausedAt, point));
    }

    @Override
    public Deadline resume(Connection c, String domain, long itemId, Instant at) {
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (d.state() != DeadlineState.PAUSED) {
                throw illegal(d);
            }
            Instant when = at == null ? now() : at;
            if (when.isBefore(d.pausedAt())) {
                when = d.pausedAt();
            }
            CalendarMath m = math(con);
            Instant due = shift(m, d.unit(), d.dueAt(), d.pausedAt(), when);
            Instant warn = d.warnedAt() != null ? d.warnAt() : shift(m, d.unit(), d.warnAt(), d.pausedAt(), when);
            try (PreparedStatement ps = con.prepareStatement("UPDATE dl_deadline SET state = 'RUNNING', paused_at = NULL, warn_at = ?, due_at = ?, "
                    + "updated_at = ?, version = version + 1 WHERE id = ?")) {
                Sql.ts(ps, 1, warn);
                Sql.ts(ps, 2, due);
                Sql.ts(ps, 3, now());
                ps.setLong(4, d.id());
                ps.executeUpdate();
            }
            closePause(con, d, when);
            return byId(con, d.id());
        });
    }

    private static void closePause(Connection c, Deadline d, Instant when) throws SQLException {
        if (d.pausedAt() == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dl_pause SET resumed_at = ? WHERE deadline_id = ? AND paused_at = ?")) {
            Sql.ts(ps, 1, when);
            ps.setLong(2, d.id());
            Sql.ts(ps, 3, d.pausedAt());
            ps.executeUpdate();
        }
    }

    @Override
    public Deadline reassign(Connection c, String domain, long itemId, Long assignee, Long supervisor) {
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (!open(d)) {
                throw illegal(d);
            }
            try (PreparedStatement ps = con.prepareStatement("UPDATE dl_deadline SET assignee_account_id = ?, supervisor_account_id = ?, "
                    + "updated_at = ?, version = version + 1 WHERE id = ?")) {
                Sql.optLong(ps, 1, assignee);
                Sql.optLong(ps, 2, supervisor);
                Sql.ts(ps, 3, now());
                ps.setLong(4, d.id());
                ps.executeUpdate();
            }
            return byId(con, d.id());
        });
    }

    @Override
    public Deadline complete(Connection c, String domain, long itemId, Instant at) {
        return finish(c, domain, itemId, at, DeadlineState.COMPLETED);
    }

    @Override
    public Deadline cancel(Connection c, String domain, long itemId, Instant at) {
        return finish(c, domain, itemId, at, DeadlineState.CANCELLED);
    }

    private Deadline finish(Connection c, String domain, long itemId, Instant at, DeadlineState state) {
        Instant when = at == null ? now() : at;
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (!open(d)) {
                throw illegal(d);
            }
            closePause(con, d, when);
            try (PreparedStatement ps = con.prepareStatement("UPDATE dl_deadline SET state = ?, paused_at = NULL, finished_at = ?, "
                    + "updated_at = ?, version = version + 1 WHERE id = ?")) {
                ps.setString(1, state.name());
                Sql.ts(ps, 2, when);
                Sql.ts(ps, 3, now());
                ps.setLong(4, d.id());
                ps.executeUpdate();
            }
            return byId(con, d.id());
        });
    }

    @Override
    public Optional<Deadline> find(Connection c, String domain, long itemId) {
        return Sql.on(c, con -> Optional.ofNullable(find(con, domain, itemId, false)));
    }

    // ---------------------------------------------------------------- monitoring views (SVC-CMP-5, SVC-REP-2, SVC-PAT-2)

    private static final Map<String, String> SORT_COLUMNS = Map.of("id", "id", "dueAt", "due_at", "warnAt", "warn_at",
            "startedAt", "started_at", "domain", "domain");

    @Override
    public Page<Deadline> monitoring(DataScope scope, DeadlineQuery q, PageRequest page) {
        DeadlineQuery query = q == null ? DeadlineQuery.all() : q;
        DataScope s = scope == null ? DataScope.NONE : scope;
        StringBuilder where = new StringBuilder(" WHERE state IN ('RUNNING', 'PAUSED')");
        List<Object> params = new ArrayList<>();
        switch (s.kind()) {
            case ALL -> { }
            case COMPANY -> {
                if (s.companyId() == null) {
                    return new Page<>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND company_id = ?");
                params.add(s.companyId());
            }
            case COMMITTEE -> {
                if (s.estateIds().isEmpty()) {
                    return new Page<>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND estate_id IN (").append(String.join(", ", java.util.Collections.nCopies(s.estateIds().size(), "?"))).append(")");
                params.addAll(s.estateIds());
            }
            default -> {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
        }
        Instant now = now();
        MonitorState state = query.state() == null ? MonitorState.ALL : query.state();
        if (state == MonitorState.NEAR) {
            where.append(" AND ((state = 'RUNNING' AND warn_at <= ? AND due_at > ?) OR (state = 'PAUSED' AND warned_at IS NOT NULL AND overdue_at IS NULL))");
            params.add(now);
            params.add(now);
        } else if (state == MonitorState.OVERDUE) {
            where.append(" AND ((state = 'RUNNING' AND due_at <= ?) OR (state = 'PAUSED' AND overdue_at IS NOT NULL))");
            params.add(now);
        }
        if (query.domain() != null) {
            where.append(" AND domain = ?");
            params.add(query.domain());
        }
        if (query.estateId() != null) {
            where.append(" AND estate_id = ?");
            params.add(query.estateId());
        }
        StringBuilder order = new StringBuilder();
        for (SortOrder o : page.sort()) {
            String col = SORT_COLUMNS.get(o.property());
            if (col != null) {
                order.append(order.length() == 0 ? " ORDER BY " : ", ").append(col).append(o.ascending() ? " ASC" : " DESC");
            }
        }
        order.append(order.length() == 0 ? " ORDER BY due_at ASC, id ASC" : ", id ASC");
        return Sql.read(dataSource, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dl_deadline" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Deadline> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline" + where + order + " LIMIT ? OFFSET ?")) {
                int n = bind(ps, params);
                ps.setInt(n++, page.size());
                ps.setLong(n, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(deadline(rs));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Instant t) {
                Sql.ts(ps, i++, t);
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }

    // ---------------------------------------------------------------- monitor (SLA-3)

    /** What one monitor run did; {@code ran} false when another node held the lock. */
    record Run(boolean ran, int warnings, int overdues) {
    }

    Run runOnce() {
        Instant now = now();
        return Sql.write(dataSource, c -> {
            if (Sql.postgres(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            return new Run(false, 0, 0); // another node runs it now
                        }
                    }
                }
            } else {
                // embedded H2 (one node): the monitor row's lock serialises runs; the conditional updates below
                // keep every escalation single even without it
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dl_monitor WHERE id = 1 FOR UPDATE")) {
                    ps.executeQuery().close();
                }
            }
            int overdues = escalate(c, now, Escalation.Kind.OVERDUE);
            int warnings = escalate(c, now, Escalation.Kind.WARNING);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dl_monitor SET last_run_at = ?, last_node = ?, warnings = warnings + ?, overdues = overdues + ? WHERE id = 1")) {
                Sql.ts(ps, 1, now);
                ps.setString(2, node.length() > 100 ? node.substring(0, 100) : node);
                ps.setLong(3, warnings);
                ps.setLong(4, overdues);
                ps.executeUpdate();
            }
            return new Run(true, warnings, overdues);
        });
    }

    /**
     * Raises due escalations of one kind: each is a conditional update of its flag (only where still
     * unset, so a concurrent run updates nothing) and the listeners' writes, under a savepoint; a
     * failing listener rolls back that escalation alone, which the next run retries. An item found
     * overdue that was never warned gets the OVERDUE escalation only (its warning flag is set with it).
     */
    private int escalate(Connection c, Instant now, Escalation.Kind kind) throws SQLException {
        boolean overdue = kind == Escalation.Kind.OVERDUE;
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dl_deadline WHERE state = 'RUNNING' AND "
                + (overdue ? "overdue_at IS NULL AND due_at <= ? ORDER BY due_at" : "warned_at IS NULL AND warn_at <= ? ORDER BY warn_at")
                + " LIMIT " + BATCH)) {
            Sql.ts(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        int raised = 0;
        for (long id : ids) {
            Savepoint sp = c.setSavepoint();
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement(overdue
                        ? "UPDATE dl_deadline SET overdue_at = ?, warned_at = COALESCE(warned_at, ?), version = version + 1 "
                                + "WHERE id = ? AND state = 'RUNNING' AND overdue_at IS NULL"
                        : "UPDATE dl_deadline SET warned_at = ?, version = version + 1 WHERE id = ? AND state = 'RUNNING' AND warned_at IS NULL")) {
                    Sql.ts(ps, 1, now);
                    if (overdue) {
                        Sql.ts(ps, 2, now);
                        ps.setLong(3, id);
                    } else {
                        ps.setLong(2, id);
                    }
                    n = ps.executeUpdate();
                }
                if (n == 1) {
                    Escalation e = new Escalation(kind, byId(c, id), now);
                    for (DeadlineListener l : listeners) {
                        if (overdue) {
                            l.onOverdue(c, e);
                        } else {
                            l.onWarning(c, e);
                        }
                    }
                    raised++;
                }
                c.releaseSavepoint(sp);
            } catch (SQLException | RuntimeException ex) {
                c.rollback(sp);
                LOG.error("Deadline {} escalation of deadline {} rolled back, retried on the next run: {}", kind, id, ex.toString(), ex);
            }
        }
        return raised;
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
        try {
            EngineSettings s = settings;
            return Sql.read(dataSource, c -> {
                Instant last;
                String lastNode;
                long warnings;
                long overdues;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT last_run_at, last_node, warnings, overdues FROM dl_monitor WHERE id = 1")) {
                    rs.next();
                    last = Sql.ts(rs, "last_run_at");
                    lastNode = rs.getString("last_node");
                    warnings = rs.getLong("warnings");
                    overdues = rs.getLong("overdues");
                }
                Instant now = now();
                long limit = Math.max(3L * s.intervalSeconds(), 180);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("intervalSeconds", s.intervalSeconds());
                details.put("enabledOnThisNode", s.monitorEnabled());
                if (last != null) {
                    details.put("lastRunAt", last.toString());
                }
                if (lastNode != null) {
                    details.put("lastNode", lastNode);
                }
                details.put("warnings", warnings);
                details.put("overdues", overdues);
                if (last == null) {
                    long sinceStart = Duration.between(activatedAt, now).getSeconds();
                    return sinceStart > limit
                            ? HealthResult.down("the deadline monitor never ran", details)
                            : HealthResult.up("the deadline monitor has not run yet", details);
                }
                long age = Duration.between(last, now).getSeconds();
                details.put("lastRunAgeSeconds", age);
                return age > limit
                        ? HealthResult.down("last deadline monitor run " + age + " s ago (limit " + limit + " s)", details)
                        : HealthResult.up("last deadline monitor run " + age + " s ago", details);
            });
        } catch (RuntimeException e) {
            return HealthResult.down("deadline monitor state unreadable: " + e.getMessage(), Map.of());
        }
    }
}
