package org.smartproperty.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The job runner's table {@code plt_job} on plain JDBC, shared by the runner and the operator tools
 * ({@code spm jobs list|run}, which work without the platform's services): read every recorded job,
 * request a run that the runner of some node takes at its next poll (a few seconds).
 */
public final class JobTable {

    private JobTable() {
    }

    /** Every job recorded in {@code plt_job} (registered = false: this reads the table, not a runner), by name. */
    public static List<JobStatus> read(Connection c) throws SQLException {
        List<JobStatus> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, schedule, period_seconds, cluster_lock, last_started_at,"
                + " last_finished_at, last_outcome, last_duration_ms, last_error, last_summary, last_node, last_skipped_at,"
                + " next_run_at, run_requested_at FROM plt_job ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String outcome = rs.getString("last_outcome");
                long d = rs.getLong("last_duration_ms");
                Long duration = rs.wasNull() ? null : d;
                long p = rs.getLong("period_seconds");
                Long period = rs.wasNull() ? null : p;
                out.add(new JobStatus(rs.getString("name"), rs.getString("schedule"), rs.getBoolean("cluster_lock"), false, false,
                        instant(rs, "last_started_at"), instant(rs, "last_finished_at"),
                        outcome == null ? null : JobOutcome.valueOf(outcome), duration, rs.getString("last_error"),
                        rs.getString("last_summary"), rs.getString("last_node"), instant(rs, "last_skipped_at"),
                        instant(rs, "next_run_at"), instant(rs, "run_requested_at"), period));
            }
        }
        return out;
    }

    /**
     * Asks the runners for a run of {@code name} as soon as possible (the first node that polls and
     * gets the job's lock runs it and clears the request).
     *
     * @return {@code false} when no job of that name was ever recorded
     */
    public static boolean requestRun(Connection c, String name, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plt_job SET run_requested_at = ? WHERE name = ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
