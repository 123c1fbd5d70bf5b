package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.DeadlineEngine.T;
import static org.smartproperty.deadline.internal.DeadlineEngine.notFound;
import static org.smartproperty.deadline.internal.DeadlineRows.byId;
import static org.smartproperty.deadline.internal.DeadlineRows.deadline;
import static org.smartproperty.deadline.internal.TimeLimits.code;
import static org.smartproperty.deadline.internal.TimeLimits.findLimit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.LimitUnit;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/**
 * The tracker (SLA-1, SLA-2): a deadline's schedule and its state changes (start, pause, resume,
 * reassign, complete, cancel) on the caller's connection, in the domains' transactions. Part of {@link DeadlineEngine}, split along its duties (issue 10 item 5); connections, audit, settings and clock
 * through the engine.
 */
final class DeadlineTracking {

    private final DeadlineEngine owner;

    DeadlineTracking(DeadlineEngine owner) {
        this.owner = owner;
    }

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

    private static Deadline required(Connection c, String domain, long itemId) throws SQLException {
        Deadline d = domain == null ? null : DeadlineRows.find(c, domain, itemId, true);
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
        Instant started = item.startedAt() == null ? owner.now() : item.startedAt();
        return Sql.on(c, con -> {
            TimeLimit limit = findLimit(con, item.domain(), item.category(), false);
            if (limit == null) {
                throw ApiException.invalid(T, "category", "deadline.unknownCategory", item.domain(), item.category());
            }
            Deadline previous = DeadlineRows.find(con, item.domain(), item.itemId(), true);
            if (previous != null) {
                if (open(previous)) {
                    throw ApiException.conflict(T, "deadline.alreadyRunning", previous.state().name());
                }
                delete(con, previous.id());
            }
            Instant[] wd = schedule(owner.math(con), limit.unit(), limit.amount(), limit.warningRatio(), started);
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
                Sql.ts(ps, 15, owner.now());
                ps.executeUpdate();
            }
            return DeadlineRows.find(con, item.domain(), item.itemId(), false);
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

    public Deadline pause(Connection c, String domain, long itemId, Instant at) {
        Instant when = at == null ? owner.now() : at;
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
                Sql.ts(ps, 2, owner.now());
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

    public Deadline resume(Connection c, String domain, long itemId, Instant at) {
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (d.state() != DeadlineState.PAUSED) {
                throw illegal(d);
            }
            Instant when = at == null ? owner.now() : at;
            if (when.isBefore(d.pausedAt())) {
                when = d.pausedAt();
            }
            CalendarMath m = owner.math(con);
            Instant due = shift(m, d.unit(), d.dueAt(), d.pausedAt(), when);
            Instant warn = d.warnedAt() != null ? d.warnAt() : shift(m, d.unit(), d.warnAt(), d.pausedAt(), when);
            try (PreparedStatement ps = con.prepareStatement("UPDATE dl_deadline SET state = 'RUNNING', paused_at = NULL, warn_at = ?, due_at = ?, "
                    + "updated_at = ?, version = version + 1 WHERE id = ?")) {
                Sql.ts(ps, 1, warn);
                Sql.ts(ps, 2, due);
                Sql.ts(ps, 3, owner.now());
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
                Sql.ts(ps, 3, owner.now());
                ps.setLong(4, d.id());
                ps.executeUpdate();
            }
            return byId(con, d.id());
        });
    }

    public Deadline complete(Connection c, String domain, long itemId, Instant at) {
        return finish(c, domain, itemId, at, DeadlineState.COMPLETED);
    }

    public Deadline cancel(Connection c, String domain, long itemId, Instant at) {
        return finish(c, domain, itemId, at, DeadlineState.CANCELLED);
    }

    private Deadline finish(Connection c, String domain, long itemId, Instant at, DeadlineState state) {
        Instant when = at == null ? owner.now() : at;
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
                Sql.ts(ps, 3, owner.now());
                ps.setLong(4, d.id());
                ps.executeUpdate();
            }
            return byId(con, d.id());
        });
    }

    /** See {@link org.smartproperty.deadline.DeadlineTracker#backdate}. */
    public Deadline backdate(Connection c, String domain, long itemId, Duration age) {
        if (age == null || age.isNegative()) {
            throw ApiException.invalid(Messages.PLATFORM, "age", "field.range", "0", "P365D");
        }
        return Sql.on(c, con -> {
            Deadline d = required(con, domain, itemId);
            if (d.warnedAt() != null || d.overdueAt() != null) {
                throw illegal(d);
            }
            Instant started = d.startedAt().minus(age);
            Instant warn = d.warnAt().minus(age);
            Instant due = d.dueAt().minus(age);
            boolean paused;
            try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM dl_pause WHERE deadline_id = ?")) {
                ps.setLong(1, d.id());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    paused = rs.getLong(1) > 0;
                }
            }
            if (d.state() == DeadlineState.RUNNING && !paused) {
                Instant[] wd = schedule(owner.math(con), d.unit(), d.amount(), d.warningRatio(), started);
                warn = wd[0];
                due = wd[1];
            }
            try (PreparedStatement ps = con.prepareStatement("UPDATE dl_deadline SET started_at = ?, warn_at = ?, due_at = ?, paused_at = ?, "
                    + "finished_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
                Sql.ts(ps, 1, started);
                Sql.ts(ps, 2, warn);
                Sql.ts(ps, 3, due);
                Sql.ts(ps, 4, d.pausedAt() == null ? null : d.pausedAt().minus(age));
                Sql.ts(ps, 5, d.finishedAt() == null ? null : d.finishedAt().minus(age));
                Sql.ts(ps, 6, owner.now());
                ps.setLong(7, d.id());
                ps.executeUpdate();
            }
            java.util.List<Instant[]> pauses = new java.util.ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement("SELECT paused_at, resumed_at FROM dl_pause WHERE deadline_id = ?")) {
                ps.setLong(1, d.id());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pauses.add(new Instant[] {Sql.ts(rs, "paused_at"), Sql.ts(rs, "resumed_at")});
                    }
                }
            }
            try (PreparedStatement del = con.prepareStatement("DELETE FROM dl_pause WHERE deadline_id = ?")) {
                del.setLong(1, d.id());
                del.executeUpdate();
            }
            try (PreparedStatement ins = con.prepareStatement("INSERT INTO dl_pause (deadline_id, paused_at, resumed_at) VALUES (?, ?, ?)")) {
                for (Instant[] p : pauses) {
                    ins.setLong(1, d.id());
                    Sql.ts(ins, 2, p[0].minus(age));
                    Sql.ts(ins, 3, p[1] == null ? null : p[1].minus(age));
                    ins.addBatch();
                }
                if (!pauses.isEmpty()) {
                    ins.executeBatch();
                }
            }
            return byId(con, d.id());
        });
    }

    public Optional<Deadline> find(Connection c, String domain, long itemId) {
        return Sql.on(c, con -> Optional.ofNullable(DeadlineRows.find(con, domain, itemId, false)));
    }
}
