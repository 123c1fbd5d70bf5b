package org.smartproperty.platform.rest.internal.metrics;

import java.util.Map;

/**
 * The request metrics as this bundle's filter and {@code /metrics} resource use them. A
 * bundle-private service type: {@link MetricsService} is registered under it, never under its
 * class (issue 10 item 4).
 */
interface Metrics {

    /** The live counters the filter records into. */
    RequestMetrics metrics();

    /** The gauges of {@code /metrics} (pool, uptime, flushes). */
    Map<String, PrometheusText.Gauge> gauges();
}
