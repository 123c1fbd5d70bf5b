package org.smartproperty.platform.rest.internal.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The node's request metrics (OPS-6): recorded by {@link MetricsFilter}, exposed by
 * {@link MetricsResource}, and flushed every minute to {@code plt_request_stats} (completed minutes
 * plus a heartbeat row). A failed flush is logged and retried with the next one; it never touches
 * a request. The node's name is {@code -Dspm.node}, else the host name.
 */
@Component(service = Metrics.class, immediate = true)
public class MetricsService implements Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(spm.bundle=org.smartproperty.platform.rest)")
    private SchemaReady schema;

    private final RequestMetrics metrics = new RequestMetrics();
    private final Clock clock = Clock.systemUTC();
    private ServiceRegistration<Job> job;
    private RequestStatsWriter writer;
    private volatile Instant lastFlush;
    private volatile long flushFailures;
    private final Instant started = Instant.now();

    public RequestMetrics metrics() {
        return metrics;
    }

    @Activate
    void activate(BundleContext context) {
        writer = new RequestStatsWriter(dataSource, node());
        long now = clock.millis();
        long delay = 60_000 - now % 60_000 + 5_000; // 5 s after the next minute
        // issue 10 item 3: the platform job platform.request-metrics, every minute on every node (each writes its own rows)
        job = context.registerService(Job.class, Job.perNode("platform.request-metrics",
                () -> JobSchedule.every(Duration.ofMinutes(1), Duration.ofMillis(delay)), c -> {
                    int rows = flush(false);
                    return rows < 0 ? "not written, kept for the next flush" : rows + " row(s) written";
                }), null);
    }

    @Deactivate
    void deactivate() {
        try {
            job.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
        flush(true); // waits for a flush in progress
    }

    /**
     * Writes what is complete (or everything when stopping); on failure keeps it for the next flush.
     * @return rows written, -1 when the write failed
     */
    synchronized int flush(boolean all) {
        List<RequestMetrics.Row> rows = all ? metrics.drainAll(clock.instant()) : metrics.drain(clock.instant());
        try {
            writer.write(rows);
            lastFlush = clock.instant();
            return rows.size();
        } catch (Exception e) {
            flushFailures++;
            metrics.giveBack(rows);
            LOG.warn("request metrics not written ({} rows kept for the next flush, failure {}): {}", rows.size(), flushFailures, e.toString());
            return -1;
        }
    }

    static String node() {
        String n = System.getProperty("spm.node");
        if (n != null && !n.isBlank()) {
            return n.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String h = System.getenv("HOSTNAME");
            return h == null || h.isBlank() ? "node" : h;
        }
    }

    /** Cheap gauges: JVM memory, threads, uptime, the pool when it is Hikari, and the flush state. */
    public Map<String, PrometheusText.Gauge> gauges() {
        Map<String, PrometheusText.Gauge> g = new LinkedHashMap<>();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        g.put("spm_jvm_memory_heap_used_bytes", new PrometheusText.Gauge("Heap in use.", mem.getHeapMemoryUsage().getUsed()));
        g.put("spm_jvm_memory_heap_max_bytes", new PrometheusText.Gauge("Maximum heap (-1: undefined).", mem.getHeapMemoryUsage().getMax()));
        g.put("spm_jvm_memory_nonheap_used_bytes", new PrometheusText.Gauge("Non-heap memory in use.", mem.getNonHeapMemoryUsage().getUsed()));
        g.put("spm_jvm_threads_live", new PrometheusText.Gauge("Live threads.", ManagementFactory.getThreadMXBean().getThreadCount()));
        g.put("spm_process_uptime_seconds", new PrometheusText.Gauge("Seconds since the metrics service started.",
                (clock.millis() - started.toEpochMilli()) / 1000));
        pool(g);
        g.put("spm_metrics_pending_minutes", new PrometheusText.Gauge("Minutes of request statistics not yet written to the database.",
                metrics.pendingMinutes()));
        g.put("spm_metrics_flush_failures", new PrometheusText.Gauge("Failed flushes of request statistics since start.", flushFailures));
        Instant lf = lastFlush;
        g.put("spm_metrics_last_flush_timestamp_seconds", new PrometheusText.Gauge("Time of the last successful flush (0: none yet).",
                lf == null ? 0 : lf.getEpochSecond()));
        return g;
    }

    /** HikariCP's pool figures through its MXBean getter (reflection: no Hikari import). */
    private void pool(Map<String, PrometheusText.Gauge> g) {
        try {
            Method m = dataSource.getClass().getMethod("getHikariPoolMXBean");
            Object bean = m.invoke(dataSource);
            if (bean == null) {
                return;
            }
            for (String[] f : new String[][] {{"getActiveConnections", "spm_db_pool_active_connections", "Pooled connections in use."},
                {"getIdleConnections", "spm_db_pool_idle_connections", "Idle pooled connections."},
                {"getTotalConnections", "spm_db_pool_total_connections", "Pooled connections."},
                {"getThreadsAwaitingConnection", "spm_db_pool_pending_threads", "Threads waiting for a connection."}}) {
                Method getter = Class.forName("com.zaxxer.hikari.HikariPoolMXBean", false, bean.getClass().getClassLoader()).getMethod(f[0]);
                g.put(f[1], new PrometheusText.Gauge(f[2], ((Number) getter.invoke(bean)).doubleValue()));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not Hikari, or not visible: no pool gauges
        }
    }
}
