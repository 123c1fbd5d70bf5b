package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.DeadlineEngine.T;
import static org.smartproperty.deadline.internal.DeadlineEngine.checkVersion;
import static org.smartproperty.deadline.internal.DeadlineEngine.notFound;
import static org.smartproperty.deadline.internal.DeadlineRows.deadline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.smartproperty.deadline.LimitUnit;
import org.smartproperty.deadline.TimeLimit;
import org.smartproperty.deadline.TimeLimitInput;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.AuditEvent;

/**
 * Settings of the time limits (SLA-1, SLA-4) in {@code dl_time_limit}: reading, validating and
 * editing them, audited. Part of {@link DeadlineEngine}, split along its duties (issue 10 item 5); connections, audit, settings and clock
 * through the engine.
 */
final class TimeLimits {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    private final DeadlineEngine owner;

    TimeLimits(DeadlineEngine owner) {
        this.owner = owner;
    }

    public List<TimeLimit> timeLimits() {
        return Sql.read(owner.dataSource(), c -> {
            List<TimeLimit> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM dl_time_limit ORDER BY domain, category")) {
                while (rs.next()) {
                    out.add(limit(rs));
                }
            }
            return out;
        });
    }

    public TimeLimit timeLimit(String domain, String category) {
        TimeLimit l = Sql.read(owner.dataSource(), c -> findLimit(c, domain, category, false));
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

    static TimeLimit findLimit(Connection c, String domain, String category, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dl_time_limit WHERE domain = ? AND category = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, domain);
            ps.setString(2, category);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? limit(rs) : null;
            }
        }
    }

    static void code(Validation v, String field, String value, int max) {
        if (v.required(field, value) && (value.length() > max || !CODE.matcher(value).matches())) {
            v.error(field, "code.format", max);
        }
    }

    /** Maximum amount per unit: a year of working days, a (leap) year of hours. */
    static int maxAmount(LimitUnit unit) {
        return unit == LimitUnit.WORKING_DAYS ? 366 : 8784;
    }

    public TimeLimit putTimeLimit(String domain, String category, Long expectedVersion, TimeLimitInput in, String actor) {
        Validation v = new Validation(T);
        code(v, "domain", domain, 32);
        code(v, "category", category, 64);
        double ratio = owner.settings().warningRatio();
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
        Instant now = owner.now();
        return Sql.write(owner.dataSource(), c -> {
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
            owner.audit().append(c, AuditEvent.of(actor, "deadline.limit.put", "timeLimit", domain + "/" + category,
                    AuditEvent.summary("before", before == null ? null : limit(before.amount(), before.unit(), null, null),
                            "after", limit(in.amount(), in.unit(), Boolean.TRUE.equals(in.pausable()), r))));
            return findLimit(c, domain, category, false);
        });
    }

    /** A limit in an audit summary: {@code {"amount":..,"unit":..,"pausable":..,"warningRatio":..}}, the last two left out when null. */
    private static Map<String, Object> limit(int amount, LimitUnit unit, Boolean pausable, Double warningRatio) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", amount);
        m.put("unit", unit);
        if (pausable != null) {
            m.put("pausable", pausable);
        }
        if (warningRatio != null) {
            m.put("warningRatio", warningRatio);
        }
        return m;
    }
}
