package org.smartproperty.dev.demodata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * About a year of history for the demo cases (issue 11 item 2). The domains' services take every time from their
 * own clock, so a demo seeder creates its cases now, through the service (rules, numbering, SMS, audit), and then
 * moves each case back in its own tables, in one transaction, by the age {@link #ages} gives it: the finished
 * cases spread evenly over the last year (the first created the oldest), the cases waiting for the complainant's
 * confirmation one to five days old (so the auto-close has not run yet), the open ones by a fixed cycle of shares of
 * their own deadline's span ({@link #OPEN_SHARES}: some before their warning point, some near their deadline, some
 * past it; the deadline monitor then marks those overdue and notifies, SMS included). Deterministic: the same cases
 * with the same spans get the same ages.
 * What other domains wrote (audit rows, SMS, notices) keeps the seeding time; the audit chain is never rewritten.
 */
public final class DemoHistory {

    /** Where a case stands after seeding. */
    public enum Phase {
        /** closed, rejected, confirmed: spread over the year */
        FINISHED,
        /** resolved / completed, waiting for the complainant to confirm or reopen: 1–5 days */
        AWAITING,
        /** anything still being handled: the {@link #OPEN_SHARES} cycle (the {@link #OPEN_AGES} one without a deadline) */
        OPEN
    }

    /** The oldest finished case. */
    public static final Duration YEAR = Duration.ofDays(365);
    /** The youngest finished case. */
    public static final Duration RECENT = Duration.ofDays(14);
    /**
     * Ages of the open cases in turn, as shares of the span of their deadline (due time minus start): fresh, within the
     * limit, to be brought near it ({@link #near}: the seeder moves those further back in small steps until the warning
     * point has passed, since working hours, weekends and holidays make a share of calendar time miss the window), past it.
     */
    public static final List<Double> OPEN_SHARES = List.of(0.05, 0.3, 0.6, 0.5, 0.5, 1.3, 2.0, 4.0, 8.0);
    /** The positions of {@link #OPEN_SHARES} meant to end near their deadline. */
    private static final java.util.Set<Integer> NEAR = java.util.Set.of(3, 4);
    /** The step in which a seeder moves a case meant to be near its deadline further back: less than any warning window. */
    public static final Duration NEAR_STEP = Duration.ofHours(1);
    /** The oldest open case. */
    public static final Duration OLDEST_OPEN = Duration.ofDays(200);
    /** Ages of the open cases that have no deadline, in turn. */
    public static final List<Duration> OPEN_AGES = List.of(Duration.ofHours(3), Duration.ofHours(30), Duration.ofDays(5),
            Duration.ofDays(9), Duration.ofDays(12), Duration.ofDays(13), Duration.ofDays(20), Duration.ofDays(45), Duration.ofDays(80));

    private DemoHistory() {
    }

    /** The age of each case, by its phase, in creation order; open cases as if they had no deadline. */
    public static List<Duration> ages(List<Phase> phases) {
        return ages(phases, java.util.Collections.nCopies(phases.size(), null));
    }

    /**
     * The age of each case, by its phase, in creation order.
     *
     * @param spans per case the span of its deadline (due minus start, as the service started it), or null
     */
    public static List<Duration> ages(List<Phase> phases, List<Duration> spans) {
        long finished = phases.stream().filter(p -> p == Phase.FINISHED).count();
        List<Duration> ages = new ArrayList<>(phases.size());
        int f = 0;
        int a = 0;
        int o = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            Duration span = spans.get(i);
            switch (p) {
                case FINISHED -> {
                    long year = YEAR.minus(RECENT).toMinutes();
                    long step = finished < 2 ? 0 : year * f / (finished - 1);
                    ages.add(YEAR.minusMinutes(step).plusMinutes(37L * f % 600)); // jitter within the day's hours
                    f++;
                }
                case AWAITING -> ages.add(Duration.ofHours(24 + (29L * a++) % 96));
                default -> {
                    if (span == null || span.isNegative() || span.isZero()) {
                        ages.add(OPEN_AGES.get(o % OPEN_AGES.size()));
                    } else {
                        Duration age = Duration.ofSeconds(Math.round(span.getSeconds() * OPEN_SHARES.get(o % OPEN_SHARES.size())));
                        ages.add(age.compareTo(OLDEST_OPEN) > 0 ? OLDEST_OPEN : age);
                    }
                    o++;
                }
            }
        }
        return ages;
    }

    /** Per case whether it is meant to end near its deadline (past the warning point, not yet due): open ones only. */
    public static List<Boolean> near(List<Phase> phases) {
        List<Boolean> near = new ArrayList<>(phases.size());
        int o = 0;
        for (Phase p : phases) {
            near.add(p == Phase.OPEN && NEAR.contains(o % OPEN_SHARES.size()));
            if (p == Phase.OPEN) {
                o++; // only open cases take a place in the cycle
            }
        }
        return near;
    }

    /**
     * Moves the times of the rows of {@code table} whose {@code keyColumn} is {@code key} back by {@code age}, on the
     * caller's connection (its transaction). Null times stay null.
     *
     * @param idColumn the table's primary key column
     * @param columns the {@code TIMESTAMP WITH TIME ZONE} columns to move
     * @return rows changed
     */
    public static int shift(Connection c, String table, String idColumn, String keyColumn, long key, Duration age, String... columns)
            throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ").append(idColumn);
        StringBuilder update = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int i = 0; i < columns.length; i++) {
            select.append(", ").append(columns[i]);
            update.append(i == 0 ? "" : ", ").append(columns[i]).append(" = ?");
        }
        select.append(" FROM ").append(table).append(" WHERE ").append(keyColumn).append(" = ?");
        update.append(" WHERE ").append(idColumn).append(" = ?");
        int n = 0;
        try (PreparedStatement sel = c.prepareStatement(select.toString()); PreparedStatement upd = c.prepareStatement(update.toString())) {
            sel.setLong(1, key);
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < columns.length; i++) {
                        OffsetDateTime t = rs.getObject(i + 2, OffsetDateTime.class);
                        if (t == null) {
                            upd.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE);
                        } else {
                            upd.setObject(i + 1, t.minus(age));
                        }
                    }
                    upd.setLong(columns.length + 1, rs.getLong(1));
                    upd.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                upd.executeBatch();
            }
        }
        return n;
    }
}
