package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.DeadlineEngine.T;
import static org.smartproperty.deadline.internal.DeadlineEngine.checkVersion;
import static org.smartproperty.deadline.internal.DeadlineEngine.notFound;
import static org.smartproperty.deadline.internal.DeadlineRows.deadline;
import static org.smartproperty.deadline.internal.TimeLimits.code;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smartproperty.deadline.CalendarDay;
import org.smartproperty.deadline.CalendarDayInput;
import org.smartproperty.deadline.DayKind;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.AuditEvent;

/**
 * Settings of the working calendar (SLA-2): the holidays, make-up workdays and their edits in
 * {@code dl_calendar_day}, audited. Part of {@link DeadlineEngine}, split along its duties (issue 10 item 5); connections, audit, settings and clock
 * through the engine.
 */
final class CalendarDays {

    private final DeadlineEngine owner;

    CalendarDays(DeadlineEngine owner) {
        this.owner = owner;
    }

    public List<CalendarDay> days(int year) {
        return Sql.read(owner.dataSource(), c -> {
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
        Instant now = owner.now();
        return Sql.write(owner.dataSource(), c -> {
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
            owner.audit().append(c, AuditEvent.of(actor, "calendar.day.put", "calendarDay", date,
                    AuditEvent.summary("before", before == null ? null : day(before.kind(), before.name(), null),
                            "after", day(in.kind(), in.name().trim(), Boolean.TRUE.equals(in.provisional())))));
            return findDay(c, date, false);
        });
    }

    public void deleteDay(LocalDate date, String actor) {
        Sql.write(owner.dataSource(), c -> {
            CalendarDay before = findDay(c, date, true);
            if (before == null) {
                throw notFound("objects.calendarDay", date);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dl_calendar_day WHERE cal_date = ?")) {
                ps.setObject(1, date);
                ps.executeUpdate();
            }
            owner.audit().append(c, AuditEvent.of(actor, "calendar.day.delete", "calendarDay", date,
                    AuditEvent.summary("before", day(before.kind(), before.name(), null))));
            return null;
        });
    }

    /** A day in an audit summary: {@code {"kind":..,"name":..,"provisional":..}}, provisional left out when null. */
    private static Map<String, Object> day(DayKind kind, String name, Boolean provisional) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        if (provisional != null) {
            m.put("provisional", provisional);
        }
        return m;
    }
}
