package org.smartproperty.platform.rest.internal.metrics;

import java.util.Locale;
import java.util.Map;

/** The Prometheus text exposition (format 0.0.4) of the node's metrics. */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /** Requests, latency histograms, and the given gauges (name → {help, value}). */
    public static String render(RequestMetrics m, Map<String, Gauge> gauges) {
        StringBuilder b = new StringBuilder(4096);
        b.append("# HELP spm_http_requests_total Requests answered by /api/v1 since the node started, by endpoint group and status class.\n");
        b.append("# TYPE spm_http_requests_total counter\n");
        m.totals().forEach((group, byStatus) -> byStatus.forEach((status, n) -> b.append("spm_http_requests_total{group=\"").append(label(group))
                .append("\",status=\"").append(label(status)).append("\"} ").append(n).append('\n')));
        b.append("# HELP spm_http_request_duration_seconds Time from the request's arrival to its response, by endpoint group.\n");
        b.append("# TYPE spm_http_request_duration_seconds histogram\n");
        m.latency().forEach((group, a) -> {
            long cum = 0;
            long[] counts = a.counts();
            for (int i = 0; i < counts.length; i++) {
                cum += counts[i];
                String le = i < RequestMetrics.BUCKETS_MS.length ? seconds(RequestMetrics.BUCKETS_MS[i]) : "+Inf";
                b.append("spm_http_request_duration_seconds_bucket{group=\"").append(label(group)).append("\",le=\"").append(le).append("\"} ")
                        .append(cum).append('\n');
            }
            b.append("spm_http_request_duration_seconds_sum{group=\"").append(label(group)).append("\"} ").append(seconds(a.latencySumMs())).append('\n');
            b.append("spm_http_request_duration_seconds_count{group=\"").append(label(group)).append("\"} ").append(a.requests()).append('\n');
        });
        gauges.forEach((name, g) -> {
            b.append("# HELP ").append(name).append(' ').append(g.help()).append('\n');
            b.append("# TYPE ").append(name).append(" gauge\n");
            b.append(name).append(' ').append(number(g.value())).append('\n');
        });
        return b.toString();
    }

    /** A gauge: its help text and value. */
    public record Gauge(String help, double value) {
    }

    static String seconds(long ms) {
        return number(ms / 1000.0);
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%s", d);
    }

    static String label(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
