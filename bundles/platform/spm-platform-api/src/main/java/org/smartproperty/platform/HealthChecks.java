package org.smartproperty.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a set of {@link HealthCheck}s the same way for every front end (the REST readiness probe
 * and the {@code spm:health} shell command, OPS-2): all at once, each on its own thread, with one
 * deadline; a check that throws or does not answer in time is DOWN.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** The results by check name (sorted), run on {@code executor} within {@code timeout}. */
    public static Map<String, HealthResult> run(List<HealthCheck> checks, ExecutorService executor, Duration timeout) {
        List<HealthCheck> sorted = checks.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        List<Future<HealthResult>> running = new ArrayList<>();
        for (HealthCheck c : sorted) {
            running.add(executor.submit(c::check));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, HealthResult> results = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            HealthResult r;
            try {
                r = running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (r == null) {
                    r = HealthResult.down("check answered nothing", Map.of());
                }
            } catch (TimeoutException e) {
                running.get(i).cancel(true);
                r = HealthResult.down("no answer within " + timeout.toSeconds() + " s", Map.of());
            } catch (ExecutionException e) {
                r = HealthResult.down("check failed: " + e.getCause(), Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = HealthResult.down("interrupted", Map.of());
            }
            results.put(sorted.get(i).name(), r);
        }
        return results;
    }

    /** The worst status of the results (UP when there are none). */
    public static HealthStatus overall(Map<String, HealthResult> results) {
        HealthStatus s = HealthStatus.UP;
        for (HealthResult r : results.values()) {
            s = s.worst(r.status());
        }
        return s;
    }
}
