package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.DeadlineEngine.BATCH;
import static org.smartproperty.deadline.internal.DeadlineEngine.LOCK_KEY;
import static org.smartproperty.deadline.internal.DeadlineRows.byId;
import static org.smartproperty.deadline.internal.DeadlineRows.deadline;
import static org.smartproperty.deadline.internal.TimeLimits.code;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineListener;
import org.smartproperty.deadline.Escalation;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.deadline.internal.DeadlineEngine.Run;

/**
 * The monitor (SLA-3): the platform job {@code deadline.monitor}, one run raising each due WARNING and
 * OVERDUE escalation exactly once to the listeners, and its health. Part of {@link DeadlineEngine}, split along its duties (issue 10 item 5); connections, audit, settings and clock
 * through the engine.
 */
final class DeadlineMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineMonitor.class);

    private final DeadlineEngine owner;

    DeadlineMonitor(DeadlineEngine owner) {
        this.owner = owner;
    }

    /**
     * The monitor as the platform job {@code deadline.monitor} (issue 10 item 3): every
     * {@code monitor.intervalSeconds} (the first run after min(interval, 10 s)), one node at a time through
     * the runner's cluster lock; disabled while {@code monitor.enabled=false}.
     */
    Job monitorJob() {
        return Job.of("deadline.monitor", () -> {
            EngineSettings s = owner.settings();
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

    Run runOnce() {
        Instant now = owner.now();
        return Sql.write(owner.dataSource(), c -> {
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
                ps.setString(2, owner.node().length() > 100 ? owner.node().substring(0, 100) : owner.node());
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
                    for (DeadlineListener l : owner.listeners()) {
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

    public HealthResult check() {
        try {
            EngineSettings s = owner.settings();
            return Sql.read(owner.dataSource(), c -> {
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
                Instant now = owner.now();
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
                    long sinceStart = Duration.between(owner.activatedAt(), now).getSeconds();
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
