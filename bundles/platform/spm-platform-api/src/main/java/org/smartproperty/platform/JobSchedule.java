package org.smartproperty.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a {@link Job} runs: every {@code period} after the previous run ended (the first run
 * {@code initialDelay} after the runner took the job), or daily at a local time (a simple cron), or
 * never ({@link #disabled()}).
 */
public record JobSchedule(Duration period, Duration initialDelay, LocalTime dailyAt, ZoneId zone) {

    private static final JobSchedule DISABLED = new JobSchedule(null, null, null, null);

    public JobSchedule {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        if (dailyAt != null) {
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** Every {@code period}, the first run one period after the job is taken. */
    public static JobSchedule every(Duration period) {
        return every(period, period);
    }

    public static JobSchedule every(Duration period, Duration initialDelay) {
        return new JobSchedule(Objects.requireNonNull(period, "period"), initialDelay == null ? period : initialDelay, null, null);
    }

    /** Once a day at {@code time} in {@code zone}. */
    public static JobSchedule dailyAt(LocalTime time, ZoneId zone) {
        return new JobSchedule(null, null, Objects.requireNonNull(time, "time"), zone);
    }

    public static JobSchedule disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return period != null || dailyAt != null;
    }

    /** The nominal distance between two runs (a day for daily jobs); {@code null} when disabled. */
    public Duration nominalPeriod() {
        return period != null ? period : dailyAt != null ? Duration.ofDays(1) : null;
    }

    /** The first run after the runner took the job at {@code now}; {@code null} when disabled. */
    public Instant first(Instant now) {
        if (period != null) {
            return now.plus(initialDelay);
        }
        return dailyAt != null ? nextDaily(now) : null;
    }

    /** The run after one that ended at {@code finished}; {@code null} when disabled. */
    public Instant after(Instant finished) {
        if (period != null) {
            return finished.plus(period);
        }
        return dailyAt != null ? nextDaily(finished) : null;
    }

    private Instant nextDaily(Instant from) {
        ZonedDateTime at = from.atZone(zone).with(dailyAt).withNano(0);
        if (!at.toInstant().isAfter(from)) {
            at = at.plusDays(1);
        }
        return at.toInstant();
    }

    /** For people: {@code every 60s}, {@code daily 02:00 Asia/Shanghai}, {@code disabled}. */
    @Override
    public String toString() {
        if (period != null) {
            long s = period.getSeconds();
            return "every " + (s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "min" : s + "s");
        }
        return dailyAt != null ? "daily " + dailyAt + " " + zone.getId() : "disabled";
    }
}
