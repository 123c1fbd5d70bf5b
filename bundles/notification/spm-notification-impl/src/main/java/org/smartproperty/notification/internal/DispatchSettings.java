package org.smartproperty.notification.internal;

import java.time.Duration;

/** The dispatcher's settings (from {@link NotificationConfig}; tests build them directly with short times). */
public record DispatchSettings(boolean enabled, Duration poll, int batchSize, int sendThreads, int maxAttempts, Duration backoffBase,
                               Duration backoffMax, Duration reconcileDelay, Duration staleSending, int perMinute, int perHour,
                               int perDay, long warnBacklog, long criticalBacklog, Duration warnAge, Duration criticalAge) {

    public static DispatchSettings from(NotificationConfig c) {
        return new DispatchSettings(c.enabled(), Duration.ofMillis(Math.max(10, c.pollMillis())), Math.max(1, c.batchSize()),
                Math.max(1, c.sendThreads()), Math.max(1, c.maxAttempts()), Duration.ofSeconds(Math.max(1, c.backoffBaseSeconds())),
                Duration.ofSeconds(Math.max(1, c.backoffMaxSeconds())), Duration.ofSeconds(Math.max(1, c.reconcileDelaySeconds())),
                Duration.ofSeconds(Math.max(1, c.staleSendingSeconds())), Math.max(0, c.perMinute()), Math.max(0, c.perHour()),
                Math.max(0, c.perDay()), c.warnBacklog(), c.criticalBacklog(), Duration.ofMinutes(c.warnAgeMinutes()),
                Duration.ofMinutes(c.criticalAgeMinutes()));
    }

    /** Defaults of {@link NotificationConfig}. */
    public static DispatchSettings defaults() {
        return new DispatchSettings(true, Duration.ofSeconds(1), 50, 4, 6, Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofMinutes(1), Duration.ofMinutes(5), 1, 5, 10, 500, 5000, Duration.ofMinutes(15), Duration.ofHours(2));
    }

    /** Delay before retry number {@code attempts} (1-based): base × 2^(attempts-1), at most backoffMax. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration d = backoffBase.multipliedBy(factor);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    public DispatchSettings withRateLimits(int minute, int hour, int day) {
        return new DispatchSettings(enabled, poll, batchSize, sendThreads, maxAttempts, backoffBase, backoffMax, reconcileDelay,
                staleSending, minute, hour, day, warnBacklog, criticalBacklog, warnAge, criticalAge);
    }
}
