package org.smartproperty.platform;

import java.util.Map;

/** The outcome of one {@link HealthCheck}: a status, a one-line summary and details for operators. */
public record HealthResult(HealthStatus status, String summary, Map<String, Object> details) {

    public HealthResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static HealthResult up(String summary, Map<String, Object> details) {
        return new HealthResult(HealthStatus.UP, summary, details);
    }

    public static HealthResult down(String summary, Map<String, Object> details) {
        return new HealthResult(HealthStatus.DOWN, summary, details);
    }
}
