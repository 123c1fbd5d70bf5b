package org.smartproperty.platform.rest.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** OPS-6: aggregation by endpoint group and minute, and the Prometheus exposition, without JAX-RS. */
class RequestMetricsTest {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void groupIsTheFirstSegmentAfterApiV1_OPS_6() {
        RequestMetrics m = new RequestMetrics();
        assertEquals("estates", m.group("estates/12/houses"));
        assertEquals("estates", m.group("/api/v1/estates"));
        assertEquals("auth", m.group("/auth/login"));
        assertEquals("root", m.group("/"));
        assertEquals("other", m.group("x%2F../etc"));
    }

    @Test
    void drainHandsOutCompletedMinutesOnlyWithAHeartbeatAndGiveBackKeepsThem_OPS_6() {
        RequestMetrics m = new RequestMetrics();
        m.record("estates", 200, 3, T0.plusSeconds(1));
        m.record("estates", 404, 40, T0.plusSeconds(2));
        m.record("estates", 503, 20_000, T0.plusSeconds(3));
        m.record("complaints", 201, 120, T0.plusSeconds(61)); // next minute
        List<RequestMetrics.Row> rows = m.drain(T0.plusSeconds(65));
        // minute T0: estates + the heartbeat of the previous minute (T0); complaints (T0+1min) is not complete
        assertEquals(List.of("-", "estates"), rows.stream().map(RequestMetrics.Row::group).toList());
        RequestMetrics.Agg est = rows.get(1).agg();
        assertEquals(3, est.requests());
        assertEquals(1, est.errors4xx());
        assertEquals(1, est.errors5xx());
        assertEquals(20_043, est.latencySumMs());
        assertEquals("1,0,0,1,0,0,0,0,0,0,0,1", est.countsText());
        m.giveBack(rows);
        assertEquals(2, m.drain(T0.plusSeconds(66)).size(), "given back, drained again; no second heartbeat for the same minute");
        List<RequestMetrics.Row> later = m.drain(T0.plusSeconds(125));
        assertEquals(List.of("-", "complaints"), later.stream().map(RequestMetrics.Row::group).toList());
        assertEquals(T0.plusSeconds(60), later.get(0).minute());
    }

    @Test
    void prometheusTextHasCountersAndCumulativeHistograms_OPS_6() {
        RequestMetrics m = new RequestMetrics();
        m.record("estates", 200, 3, T0);
        m.record("estates", 200, 30, T0);
        m.record("estates", 500, 30_000, T0);
        m.record("auth", 401, 7, T0);
        String text = PrometheusText.render(m, Map.of("spm_jvm_threads_live", new PrometheusText.Gauge("Live threads.", 42)));
        assertTrue(text.contains("# TYPE spm_http_requests_total counter\n"), text);
        assertTrue(text.contains("spm_http_requests_total{group=\"estates\",status=\"2xx\"} 2\n"), text);
        assertTrue(text.contains("spm_http_requests_total{group=\"estates\",status=\"5xx\"} 1\n"), text);
        assertTrue(text.contains("spm_http_requests_total{group=\"auth\",status=\"4xx\"} 1\n"), text);
        assertTrue(text.contains("# TYPE spm_http_request_duration_seconds histogram\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_bucket{group=\"estates\",le=\"0.005\"} 1\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_bucket{group=\"estates\",le=\"0.05\"} 2\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_bucket{group=\"estates\",le=\"10\"} 2\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_bucket{group=\"estates\",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_sum{group=\"estates\"} 30.033\n"), text);
        assertTrue(text.contains("spm_http_request_duration_seconds_count{group=\"estates\"} 3\n"), text);
        assertTrue(text.contains("# TYPE spm_jvm_threads_live gauge\nspm_jvm_threads_live 42\n"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || line.matches("[a-z_]+(\\{[^}]*\\})? [0-9.eE+-]+"), line);
        }
    }
}
