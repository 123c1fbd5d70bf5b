package org.smartproperty.deadline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.deadline.CalendarDay;
import org.smartproperty.deadline.CalendarDayInput;
import org.smartproperty.deadline.DayKind;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineListener;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.Escalation;
import org.smartproperty.deadline.LimitUnit;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TimeLimitInput;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The deadline engine on a real database: the shipped calendar data, working-day and working-hour
 * arithmetic (SLA-2), time limits (SLA-1, SLA-4), the tracker in the caller's transaction, pauses,
 * the monitor's exactly-once WARNING and OVERDUE escalations (SLA-3) and the scoped monitoring views
 * (SVC-CMP-5, SVC-REP-2, SVC-PAT-2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadlineEngineContract {

    abstract TestDatabase db();

    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    final MutableClock clock = new MutableClock(at("2026-11-27T10:00"));
    DeadlineEngine engine;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };

    /** A listener like the notification one: writes one outbox row per escalation on the monitor's connection. */
    final DeadlineListener outbox = new DeadlineListener() {
        @Override
        public void onWarning(Connection c, Escalation e) {
            write(c, e);
        }

        @Override
        public void onOverdue(Connection c, Escalation e) {
            write(c, e);
        }

        private void write(Connection c, Escalation e) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_outbox (domain, item_id, kind) VALUES (?, ?, ?)")) {
                ps.setString(1, e.deadline().domain());
                ps.setLong(2, e.deadline().itemId());
                ps.setString(3, e.kind().name());
                ps.executeUpdate();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/deadline.changelog.xml");
        // issue 10 item 1: the domains contribute their default time limits; here the stand-ins of complaint, repair and patrol
        ContributedTimeLimits.seed(db().dataSource(), org.smartproperty.platform.testsupport.StandInContributions.timeLimits(), Instant.now());
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t_outbox (domain VARCHAR(32) NOT NULL, item_id BIGINT NOT NULL, kind VARCHAR(16) NOT NULL)");
        }
        engine = new DeadlineEngine(db().dataSource(), audit, clock, EngineSettings.DEFAULTS);
        engine.addListener(outbox);
    }

    static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(SH).toInstant();
    }

    private long seq = 1000;

    synchronized long nextId() {
        return ++seq;
    }

    /** Runs {@code work} in a transaction of the test, as a domain service does with its own. */
    <T> T inTx(Function<Connection, T> work) throws SQLException {
        try (Connection c = db().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T r = work.apply(c);
                c.commit();
                return r;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    Deadline start(String domain, long itemId, String category, Instant started, Long estate, Long company) throws SQLException {
        return inTx(c -> engine.start(c, new TrackedItem(domain, itemId, category, "事项 " + itemId, estate, company, 7L, 8L, started)));
    }

    int outboxRows(String domain, long itemId, String kind) throws SQLException {
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM t_outbox WHERE domain = ? AND item_id = ? AND kind = ?")) {
            ps.setString(1, domain);
            ps.setLong(2, itemId);
            ps.setString(3, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Closes every open deadline of earlier tests, so a monitor run sees only the current test's items. */
    void quiesce() throws SQLException {
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE dl_deadline SET state = 'CANCELLED' WHERE state IN ('RUNNING', 'PAUSED')");
        }
    }

    static Set<String> fields(ApiException e) {
        Set<String> out = new java.util.TreeSet<>();
        for (FieldError f : e.errors()) {
            out.add(f.field());
        }
        return out;
    }

    // ---------------------------------------------------------------- shipped data

    @Test
    void shipped2026ScheduleHasTheNationalDayHolidayAndItsMakeUpWorkingDays_SLA_2() {
        assertFalse(engine.isWorkingDay(LocalDate.of(2026, 10, 1)));
        assertFalse(engine.isWorkingDay(LocalDate.of(2026, 10, 7)), "Wednesday 7 October is a holiday");
        assertTrue(engine.isWorkingDay(LocalDate.of(2026, 10, 8)));
        assertTrue(engine.isWorkingDay(LocalDate.of(2026, 9, 20)), "Sunday 20 September is a make-up working day");
        assertTrue(engine.isWorkingDay(LocalDate.of(2026, 10, 10)), "Saturday 10 October is a make-up working day");
        assertFalse(engine.isWorkingDay(LocalDate.of(2026, 10, 11)), "an ordinary Sunday");
        assertFalse(engine.isWorkingDay(LocalDate.of(2026, 2, 23)), "Spring Festival until Monday 23 February");
        assertTrue(engine.isWorkingDay(LocalDate.of(2026, 2, 28)));
        List<CalendarDay> days = engine.days(2026);
        assertEquals(39, days.size());
        assertEquals(6, days.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).count());
        assertTrue(days.stream().noneMatch(CalendarDay::provisional), "2026 is the official schedule");
        assertEquals(LocalDate.of(2026, 1, 1), days.get(0).date());
    }

    @Test
    void shipped2027DataIsStatutoryDaysWithTheLunarOnesProvisional_SLA_2() {
        List<CalendarDay> days = engine.days(2027);
        assertEquals(13, days.size());
        assertTrue(days.stream().allMatch(d -> d.note() != null && d.kind() == DayKind.HOLIDAY));
        assertTrue(days.stream().filter(d -> d.date().equals(LocalDate.of(2027, 2, 6))).allMatch(CalendarDay::provisional), "Spring Festival (lunar)");
        assertFalse(days.stream().filter(d -> d.date().equals(LocalDate.of(2027, 10, 1))).findFirst().orElseThrow().provisional(), "National Day (fixed)");
        assertTrue(engine.days(2031).isEmpty());
    }

    @Test
    void shippedTimeLimitsAreTheDefaultsOfSla1AndSla4_SLA_1_SLA_4() {
        TimeLimit enquiry = engine.timeLimit("complaint", "ENQUIRY");
        assertEquals(2, enquiry.amount());
        assertEquals(LimitUnit.WORKING_DAYS, enquiry.unit());
        assertEquals(0.75, enquiry.warningRatio());
        assertTrue(enquiry.pausable());
        for (String cat : List.of("COMPLAINT", "REPORT", "HELP")) {
            assertEquals(10, engine.timeLimit("complaint", cat).amount(), cat);
        }
        assertEquals(8, engine.timeLimit("repair", "NORMAL").amount());
        assertEquals(45, engine.timeLimit("repair", "MAJOR").amount());
        TimeLimit emergency = engine.timeLimit("repair", "EMERGENCY");
        assertEquals(24, emergency.amount());
        assertEquals(LimitUnit.CALENDAR_HOURS, emergency.unit());
        assertFalse(engine.timeLimit("patrol", "TASK").pausable());
        assertEquals(404, assertThrows(ApiException.class, () -> engine.timeLimit("complaint", "NOPE")).status());
    }

    // ---------------------------------------------------------------- arithmetic (SLA-2)

    @Test
    void workingDaysAcrossNationalDayAndItsMakeUpWorkingDay_SLA_2() {
        // Wednesday 30 September: 1–7 October off; Thursday 8 and Friday 9 are working days 1 and 2
        assertEquals(at("2026-10-09T18:00"), engine.addWorkingDays(at("2026-09-30T10:00"), 2));
        // the 3rd working day is the make-up Saturday 10 October
        assertEquals(at("2026-10-10T18:00"), engine.addWorkingDays(at("2026-09-30T10:00"), 3));
        // Friday 18 September: Saturday off, Sunday 20 September is a make-up working day
        assertEquals(at("2026-09-20T18:00"), engine.addWorkingDays(at("2026-09-18T15:00"), 1));
        assertEquals(at("2026-09-21T18:00"), engine.addWorkingDays(at("2026-09-18T15:00"), 2));
    }

    @Test
    void workingDaysAcrossAnOrdinaryWeekend_SLA_2() {
        // Friday 27 November 2026 → Monday 30 November, Tuesday 1 December
        assertEquals(at("2026-12-01T18:00"), engine.addWorkingDays(at("2026-11-27T10:00"), 2));
        // started on a Saturday: Monday is the first working day
        assertEquals(at("2026-11-30T18:00"), engine.addWorkingDays(at("2026-11-28T10:00"), 1));
    }

    @Test
    void workingHoursSkipLunchEveningsAndWeekends_SLA_2() {
        assertEquals(at("2026-11-26T15:00"), engine.addWorkingHours(at("2026-11-26T11:00"), Duration.ofHours(2)), "over lunch");
        assertEquals(at("2026-11-27T11:00"), engine.addWorkingHours(at("2026-11-26T17:00"), Duration.ofHours(3)), "over the evening");
        assertEquals(at("2026-11-30T09:30"), engine.addWorkingHours(at("2026-11-27T17:30"), Duration.ofHours(1)), "over the weekend");
        assertEquals(at("2026-11-26T09:30"), engine.addWorkingHours(at("2026-11-26T07:00"), Duration.ofMinutes(30)), "before office hours");
        assertEquals(at("2026-11-26T12:00"), engine.addWorkingHours(at("2026-11-26T09:00"), Duration.ofHours(3)), "ends exactly at lunch");
        assertEquals(Duration.ofHours(6), engine.workingTimeBetween(at("2026-11-26T11:00"), at("2026-11-27T10:00")));
        assertEquals(Duration.ofHours(-6), engine.workingTimeBetween(at("2026-11-27T10:00"), at("2026-11-26T11:00")));
        assertEquals(Duration.ZERO, engine.workingTimeBetween(at("2026-10-01T09:00"), at("2026-10-07T18:00")), "a holiday week");
    }

    @Test
    void calendarEditChangesLaterComputationsAndIsAudited_SLA_2() throws Exception {
        Instant friday = at("2026-11-27T10:00");
        assertEquals(at("2026-12-01T18:00"), engine.addWorkingDays(friday, 2));
        audited.clear();
        CalendarDay d = engine.putDay(LocalDate.of(2026, 12, 1), null, new CalendarDayInput(DayKind.HOLIDAY, "临时放假", null, null), "reg");
        assertEquals(0, d.version());
        assertFalse(engine.isWorkingDay(LocalDate.of(2026, 12, 1)));
        assertEquals(at("2026-12-02T18:00"), engine.addWorkingDays(friday, 2));
        // an update needs the version: 428 without, 412 stale
        assertEquals(428, assertThrows(ApiException.class, () -> engine.putDay(LocalDate.of(2026, 12, 1), null,
                new CalendarDayInput(DayKind.HOLIDAY, "x", null, null), "reg")).status());
        assertEquals(412, assertThrows(ApiException.class, () -> engine.putDay(LocalDate.of(2026, 12, 1), 5L,
                new CalendarDayInput(DayKind.HOLIDAY, "x", null, null), "reg")).status());
        // a make-up working day on a Saturday counts; on a weekday it is refused
        engine.putDay(LocalDate.of(2026, 11, 28), null, new CalendarDayInput(DayKind.MAKEUP_WORKDAY, "补班", false, "测试"), "reg");
        assertEquals(at("2026-11-30T18:00"), engine.addWorkingDays(friday, 2), "Saturday 28 then Monday 30");
        ApiException bad = assertThrows(ApiException.class, () -> engine.putDay(LocalDate.of(2026, 11, 30), null,
                new CalendarDayInput(DayKind.MAKEUP_WORKDAY, " ", null, null), "reg"));
        assertEquals(400, bad.status());
        assertEquals(Set.of("kind", "name"), fields(bad));
        engine.deleteDay(LocalDate.of(2026, 11, 28), "reg");
        engine.deleteDay(LocalDate.of(2026, 12, 1), "reg");
        assertEquals(at("2026-12-01T18:00"), engine.addWorkingDays(friday, 2));
        assertEquals(404, assertThrows(ApiException.class, () -> engine.deleteDay(LocalDate.of(2026, 12, 1), "reg")).status());
        assertEquals(List.of("calendar.day.put", "calendar.day.put", "calendar.day.delete", "calendar.day.delete"),
                audited.stream().map(AuditEvent::action).toList());
        assertEquals("2026-12-01", audited.get(0).objectId());
        // nested objects by Jackson (issue 10 item 2): no before for a new day, kind/name/provisional in this order
        assertEquals("{\"after\":{\"kind\":\"HOLIDAY\",\"name\":\"临时放假\",\"provisional\":false}}", audited.get(0).summary());
        assertEquals("{\"before\":{\"kind\":\"HOLIDAY\",\"name\":\"临时放假\"}}", audited.get(3).summary());
    }

    @Test
    void timeLimitValidationReportsEveryFieldAndUpdatesAreVersioned_SLA_1_SLA_4() {
        ApiException e = assertThrows(ApiException.class,
                () -> engine.putTimeLimit("complaint", "bad code!", null, new TimeLimitInput(0, LimitUnit.WORKING_DAYS, true, 1.5, null), "reg"));
        assertEquals(400, e.status());
        assertEquals(Set.of("category", "amount", "warningRatio"), fields(e));
        assertEquals(Set.of("amount", "unit"), fields(assertThrows(ApiException.class,
                () -> engine.putTimeLimit("complaint", "X", null, new TimeLimitInput(null, null, null, null, null), "reg"))));
        assertEquals(Set.of("amount"), fields(assertThrows(ApiException.class,
                () -> engine.putTimeLimit("complaint", "X", null, new TimeLimitInput(367, LimitUnit.WORKING_DAYS, null, null, null), "reg"))));
        assertEquals(Set.of("warningRatio"), fields(assertThrows(ApiException.class,
                () -> engine.putTimeLimit("complaint", "X", null, new TimeLimitInput(3, LimitUnit.WORKING_DAYS, null, 0.0, null), "reg"))));
        TimeLimit created = engine.putTimeLimit("complaint", "SUGGESTION", null, new TimeLimitInput(5, LimitUnit.WORKING_DAYS, true, null, "建议"), "reg");
        assertEquals(0.75, created.warningRatio(), "the configured default ratio");
        assertEquals(428, assertThrows(ApiException.class, () -> engine.putTimeLimit("complaint", "SUGGESTION", null,
                new TimeLimitInput(6, LimitUnit.WORKING_DAYS, true, null, null), "reg")).status());
        TimeLimit updated = engine.putTimeLimit("complaint", "SUGGESTION", 0L, new TimeLimitInput(6, LimitUnit.WORKING_DAYS, true, 0.5, null), "reg");
        assertEquals(6, updated.amount());
        assertEquals(0.5, updated.warningRatio());
        assertEquals(1, updated.version());
        assertEquals("建议", updated.description(), "kept when not given");
        assertTrue(audited.stream().anyMatch(a -> a.action().equals("deadline.limit.put") && a.objectId().equals("complaint/SUGGESTION")));
    }

    @Test
    void invalidConfigurationIsRefusedAndTheSettingsInForceStay_SLA_3() {
        DeadlineEngine other = new DeadlineEngine(db().dataSource(), audit, clock, EngineSettings.DEFAULTS);
        DeadlineConfig bad = config(1, "18:00-09:00", "Asia/Shanghai", 0.75);
        assertFalse(other.configure(bad));
        assertEquals(EngineSettings.DEFAULTS, other.settings());
        assertTrue(other.configure(config(30, "08:00-12:00,13:00-17:00", "Asia/Shanghai", 0.8)));
        assertEquals(30, other.settings().intervalSeconds());
        // the new office hours drive the arithmetic: Friday 16:00 + 2 working hours = Monday 09:00
        assertEquals(at("2026-11-30T09:00"), other.addWorkingHours(at("2026-11-27T16:00"), Duration.ofHours(2)));
    }

    static DeadlineConfig config(int interval, String hours, String zone, double ratio) {
        return new DeadlineConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return DeadlineConfig.class;
            }

            @Override
            public int monitor_intervalSeconds() {
                return interval;
            }

            @Override
            public boolean monitor_enabled() {
                return true;
            }

            @Override
            public String officeHours() {
                return hours;
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public double warningRatio() {
                return ratio;
            }
        };
    }

    // ---------------------------------------------------------------- tracker

    @Test
    void trackedDeadlinesUseTheCategoryLimitAcrossTheHoliday_SLA_1() throws Exception {
        long id = nextId();
        Deadline d = start("complaint", id, "COMPLAINT", at("2026-09-28T10:00"), 10L, 1L);
        // 29, 30 Sep, 8, 9, 10 (make-up Saturday), 12, 13, 14, 15, 16 October
        assertEquals(at("2026-10-16T18:00"), d.dueAt());
        assertEquals(DeadlineState.RUNNING, d.state());
        assertEquals(10, d.amount());
        Deadline enquiry = start("complaint", nextId(), "ENQUIRY", at("2026-09-30T10:00"), 10L, 1L);
        assertEquals(at("2026-10-09T18:00"), enquiry.dueAt());
        // 75 %: the working time is 30 Sep 10:00–18:00 (6 h) + 8 Oct (7 h) + 9 Oct (7 h) = 20 h; 15 h → 9 Oct 11:00
        assertEquals(at("2026-10-09T11:00"), enquiry.warnAt());
        Deadline emergency = start("repair", nextId(), "EMERGENCY", at("2026-10-01T20:00"), 10L, 1L);
        assertEquals(at("2026-10-02T20:00"), emergency.dueAt(), "calendar hours run through the holiday");
        assertEquals(at("2026-10-02T14:00"), emergency.warnAt());
        assertEquals(409, assertThrows(ApiException.class, () -> start("complaint", id, "COMPLAINT", null, 10L, 1L)).status());
        ApiException unknown = assertThrows(ApiException.class, () -> start("complaint", nextId(), "NOPE", null, 10L, 1L));
        assertEquals(Set.of("category"), fields(unknown));
    }

    @Test
    void theDeadlineCommitsOrRollsBackWithTheDomainTransaction_SLA_1() throws Exception {
        long id = nextId();
        try (Connection c = db().dataSource().getConnection()) {
            c.setAutoCommit(false);
            engine.start(c, new TrackedItem("complaint", id, "HELP", "求助", 10L, 1L, null, null, at("2026-11-02T09:00")));
            assertTrue(engine.find(c, "complaint", id).isPresent(), "visible in the same transaction");
            c.rollback();
        }
        assertTrue(inTx(c -> engine.find(c, "complaint", id)).isEmpty(), "gone with the rollback");
    }

    @Test
    void pausedWorkingTimeDoesNotCount_SLA_2() throws Exception {
        engine.putTimeLimit("test", "HOURS4", null, new TimeLimitInput(4, LimitUnit.WORKING_HOURS, true, 0.75, null), "reg");
        long id = nextId();
        Deadline d = start("test", id, "HOURS4", at("2026-11-23T09:00"), 10L, 1L);
        assertEquals(at("2026-11-23T15:00"), d.dueAt(), "09–12 and 14–15");
        assertEquals(at("2026-11-23T12:00"), d.warnAt(), "3 h");
        Deadline paused = inTx(c -> engine.pause(c, "test", id, at("2026-11-23T10:00")));
        assertEquals(DeadlineState.PAUSED, paused.state());
        assertEquals(409, assertThrows(ApiException.class, () -> inTx(c -> engine.pause(c, "test", id, null))).status());
        // resumed the next morning: 1 h was used, 3 h remain; the warning point had 2 h to go
        Deadline resumed = inTx(c -> engine.resume(c, "test", id, at("2026-11-24T09:00")));
        assertEquals(DeadlineState.RUNNING, resumed.state());
        assertNull(resumed.pausedAt());
        assertEquals(at("2026-11-24T12:00"), resumed.dueAt());
        assertEquals(at("2026-11-24T11:00"), resumed.warnAt());
        // a category that does not allow pausing
        long patrol = nextId();
        start("patrol", patrol, "TASK", at("2026-11-23T09:00"), 10L, 1L);
        ApiException e = assertThrows(ApiException.class, () -> inTx(c -> engine.pause(c, "patrol", patrol, null)));
        assertEquals(409, e.status());
        assertEquals("deadline.notPausable", e.code());
        // finished deadlines take no more transitions; a finished item may start again
        Deadline done = inTx(c -> engine.complete(c, "test", id, at("2026-11-24T10:00")));
        assertEquals(DeadlineState.COMPLETED, done.state());
        assertEquals(at("2026-11-24T10:00"), done.finishedAt());
        assertEquals(409, assertThrows(ApiException.class, () -> inTx(c -> engine.resume(c, "test", id, null))).status());
        assertEquals(DeadlineState.RUNNING, start("test", id, "HOURS4", at("2026-11-25T09:00"), 10L, 1L).state());
        assertEquals(404, assertThrows(ApiException.class, () -> inTx(c -> engine.cancel(c, "test", 999_999L, null))).status());
        Deadline re = inTx(c -> engine.reassign(c, "test", id, 70L, 80L));
        assertEquals(70L, re.assigneeAccountId());
        assertEquals(80L, re.supervisorAccountId());
    }

    @Test
    void backdatingMovesTheDeadlineAndRecomputesARunningOne_SLA_1() throws Exception {
        // started on Wednesday 25 Nov 09:00 (ENQUIRY: 2 working days → Friday 18:00), moved back 14 days
        long running = nextId();
        start("complaint", running, "ENQUIRY", at("2026-11-25T09:00"), 10L, 1L);
        Deadline moved = inTx(c -> engine.backdate(c, "complaint", running, java.time.Duration.ofDays(14)));
        assertEquals(at("2026-11-11T09:00"), moved.startedAt());
        assertEquals(at("2026-11-13T18:00"), moved.dueAt(), "from the new start through the working calendar");
        assertEquals(at("2026-11-13T10:45"), moved.warnAt());
        assertEquals(DeadlineState.RUNNING, moved.state());
        // a paused one and a finished one move by the amount, pauses included
        long paused = nextId();
        start("complaint", paused, "COMPLAINT", at("2026-11-23T09:00"), 10L, 1L);
        inTx(c -> engine.pause(c, "complaint", paused, at("2026-11-24T09:00")));
        Deadline before = inTx(c -> engine.find(c, "complaint", paused)).orElseThrow();
        Deadline p = inTx(c -> engine.backdate(c, "complaint", paused, java.time.Duration.ofDays(30)));
        assertEquals(at("2026-10-25T09:00"), p.pausedAt());
        assertEquals(before.dueAt().minus(java.time.Duration.ofDays(30)), p.dueAt());
        Deadline resumed = inTx(c -> engine.resume(c, "complaint", paused, at("2026-10-26T09:00")));
        assertEquals(DeadlineState.RUNNING, resumed.state(), "the moved pause is the one resumed");
        long finished = nextId();
        start("repair", finished, "EMERGENCY", at("2026-11-23T09:00"), 10L, 1L);
        inTx(c -> engine.complete(c, "repair", finished, at("2026-11-23T15:00")));
        Deadline f = inTx(c -> engine.backdate(c, "repair", finished, java.time.Duration.ofDays(200)));
        assertEquals(at("2026-05-07T15:00"), f.finishedAt());
        assertEquals(DeadlineState.COMPLETED, f.state());
        assertEquals(404, assertThrows(ApiException.class, () -> inTx(c -> engine.backdate(c, "complaint", 999_999L,
                java.time.Duration.ofDays(1)))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> inTx(c -> engine.backdate(c, "complaint", running,
                java.time.Duration.ofDays(-1)))).status());
    }

    // ---------------------------------------------------------------- monitor (SLA-3)

    @Test
    void warningAt75PercentAndOverdueAreRaisedExactlyOnceEach_SLA_3() throws Exception {
        quiesce();
        long id = nextId();
        clock.set(at("2026-11-25T09:00"));
        Deadline d = start("complaint", id, "ENQUIRY", null, 10L, 1L);
        // Wednesday 09:00 + 2 working days = Friday 18:00; 75 % of 21 h = 15 h 45 min → Friday 10:45
        assertEquals(at("2026-11-27T18:00"), d.dueAt());
        assertEquals(at("2026-11-27T10:45"), d.warnAt());
        clock.set(at("2026-11-27T10:44"));
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce());
        clock.set(at("2026-11-27T10:45"));
        assertEquals(new DeadlineEngine.Run(true, 1, 0), engine.runOnce());
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce(), "not twice");
        clock.set(at("2026-11-27T17:59"));
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce());
        clock.set(at("2026-11-27T18:00"));
        assertEquals(new DeadlineEngine.Run(true, 0, 1), engine.runOnce());
        clock.set(at("2026-11-30T09:00"));
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce(), "not twice");
        assertEquals(1, outboxRows("complaint", id, "WARNING"));
        assertEquals(1, outboxRows("complaint", id, "OVERDUE"));
        Deadline after = inTx(c -> engine.find(c, "complaint", id)).orElseThrow();
        assertEquals(at("2026-11-27T10:45"), after.warnedAt());
        assertEquals(at("2026-11-27T18:00"), after.overdueAt());
        assertEquals(HealthStatus.UP, engine.check().status());
        clock.set(at("2026-11-30T10:00"));
        assertEquals(HealthStatus.DOWN, engine.check().status(), "no run for an hour");
    }

    @Test
    void pausedAndFinishedDeadlinesAreNotEscalated_SLA_3() throws Exception {
        quiesce();
        clock.set(at("2026-11-23T09:00"));
        long paused = nextId();
        long done = nextId();
        start("complaint", paused, "ENQUIRY", null, 10L, 1L);
        start("complaint", done, "ENQUIRY", null, 10L, 1L);
        inTx(c -> engine.pause(c, "complaint", paused, null));
        inTx(c -> engine.complete(c, "complaint", done, null));
        clock.set(at("2026-12-31T09:00"));
        assertEquals(new DeadlineEngine.Run(true, 0, 0), engine.runOnce());
        // an item found past its deadline that was never warned gets the OVERDUE escalation only
        inTx(c -> engine.resume(c, "complaint", paused, at("2026-12-30T09:00")));
        clock.set(at("2027-01-08T09:00"));
        assertEquals(new DeadlineEngine.Run(true, 0, 1), engine.runOnce());
        assertEquals(0, outboxRows("complaint", paused, "WARNING"));
        assertEquals(1, outboxRows("complaint", paused, "OVERDUE"));
        assertEquals(0, outboxRows("complaint", done, "OVERDUE"));
    }

    @Test
    void aFailingListenerRollsBackOnlyItsEscalationWhichIsRetried_SLA_3() throws Exception {
        quiesce();
        clock.set(at("2026-11-23T09:00"));
        long a = nextId();
        long b = nextId();
        start("complaint", a, "ENQUIRY", null, 10L, 1L);
        start("complaint", b, "ENQUIRY", null, 10L, 1L);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        DeadlineListener flaky = new DeadlineListener() {
            @Override
            public void onWarning(Connection c, Escalation e) {
                if (e.deadline().itemId() == a && failOnce.getAndSet(false)) {
                    throw new IllegalStateException("SMS gateway table locked");
                }
            }

            @Override
            public void onOverdue(Connection c, Escalation e) {
            }
        };
        engine.addListener(flaky);
        try {
            clock.set(at("2026-11-25T17:00"));
            assertEquals(new DeadlineEngine.Run(true, 1, 0), engine.runOnce());
            assertEquals(0, outboxRows("complaint", a, "WARNING"), "the outbox row of the failed escalation is rolled back too");
            assertEquals(1, outboxRows("complaint", b, "WARNING"));
            assertEquals(new DeadlineEngine.Run(true, 1, 0), engine.runOnce(), "retried");
            assertEquals(1, outboxRows("complaint", a, "WARNING"));
            assertEquals(1, outboxRows("complaint", b, "WARNING"));
        } finally {
            engine.removeListener(flaky);
        }
    }

    @Test
    void twoMonitorsRacingRaiseEachEscalationOnce_SLA_3() throws Exception {
        quiesce();
        clock.set(at("2026-11-23T09:00"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long id = nextId();
            ids.add(id);
            start("repair", id, "NORMAL", null, 10L, 1L);
        }
        DeadlineEngine second = new DeadlineEngine(db().dataSource(), audit, clock, EngineSettings.DEFAULTS);
        second.addListener(outbox);
        clock.set(at("2027-03-01T09:00"));
        int raised = 0;
        for (int round = 0; round < 3; round++) {
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<DeadlineEngine.Run> r1 = pool.submit(() -> {
                    go.await();
                    return engine.runOnce();
                });
                Future<DeadlineEngine.Run> r2 = pool.submit(() -> {
                    go.await();
                    return second.runOnce();
                });
                go.countDown();
                raised += r1.get().overdues() + r2.get().overdues() + r1.get().warnings() + r2.get().warnings();
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(30, raised);
        for (long id : ids) {
            assertEquals(1, outboxRows("repair", id, "OVERDUE"), "item " + id);
            assertEquals(0, outboxRows("repair", id, "WARNING"), "item " + id);
        }
    }

    // ---------------------------------------------------------------- monitoring views

    @Test
    void monitoringViewsAreScopedAndFilteredByState_SVC_CMP_5_SVC_REP_2_SVC_PAT_2() throws Exception {
        quiesce();
        clock.set(at("2026-11-23T09:00"));
        long near1 = nextId();
        long over2 = nextId();
        long calm1 = nextId();
        start("complaint", near1, "ENQUIRY", null, 100L, 1L);        // due Wed 25 18:00, warn Wed 25 ~13:00
        start("repair", over2, "EMERGENCY", null, 200L, 2L);          // due Tue 24 09:00
        start("patrol", calm1, "TASK", null, 101L, 1L);               // due Thu 26 18:00
        clock.set(at("2026-11-25T16:00"));
        PageRequest p = PageRequest.of(0, 20);
        assertEquals(Set.of(near1, over2, calm1), items(engine.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.ALL, null, null), p)));
        assertEquals(Set.of(near1), items(engine.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.NEAR, null, null), p)));
        assertEquals(Set.of(over2), items(engine.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.OVERDUE, null, null), p)));
        assertEquals(Set.of(near1, calm1), items(engine.monitoring(DataScope.company(1), DeadlineQuery.all(), p)));
        assertEquals(Set.of(), items(engine.monitoring(DataScope.company(1), new DeadlineQuery(MonitorState.OVERDUE, null, null), p)));
        assertEquals(Set.of(over2), items(engine.monitoring(DataScope.company(2), DeadlineQuery.all(), p)));
        assertEquals(Set.of(calm1), items(engine.monitoring(DataScope.committee(101), DeadlineQuery.all(), p)));
        assertEquals(Set.of(), items(engine.monitoring(DataScope.owner(5), DeadlineQuery.all(), p)));
        assertEquals(Set.of(), items(engine.monitoring(DataScope.NONE, DeadlineQuery.all(), p)));
        assertEquals(Set.of(calm1), items(engine.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.ALL, "patrol", null), p)));
        assertEquals(Set.of(near1), items(engine.monitoring(DataScope.ALL, new DeadlineQuery(MonitorState.ALL, null, 100L), p)));
        Page<Deadline> first = engine.monitoring(DataScope.ALL, DeadlineQuery.all(),
                PageRequest.parse("0", "2", "-dueAt", org.smartproperty.deadline.DeadlineTracker.SORT));
        assertEquals(3, first.total());
        assertEquals(List.of(calm1, near1), first.items().stream().map(Deadline::itemId).toList());
    }

    private static Set<Long> items(Page<Deadline> page) {
        Set<Long> out = new java.util.HashSet<>();
        page.items().forEach(d -> out.add(d.itemId()));
        assertEquals(out.size(), page.total());
        return out;
    }
}
