package org.smartproperty.platform.rest.internal.metrics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import org.smartproperty.platform.Jdbc;

/**
 * Writes completed minutes to {@code plt_request_stats} in ONE transaction (all rows or none). A
 * row that exists already (the same node restarted within the minute, or a retry) is added to,
 * so counts are never lost nor doubled by the key.
 */
public final class RequestStatsWriter {

    private final DataSource dataSource;
    private final String node;

    public RequestStatsWriter(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node.length() > 128 ? node.substring(0, 128) : node;
    }

    public void write(List<RequestMetrics.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement sel = c.prepareStatement("SELECT requests, errors_4xx, errors_5xx, latency_sum_ms, latency_counts FROM plt_request_stats"
                    + " WHERE bucket_start = ? AND node = ? AND endpoint_group = ? FOR UPDATE");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO plt_request_stats (bucket_start, node, endpoint_group, requests, errors_4xx,"
                         + " errors_5xx, latency_sum_ms, latency_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement upd = c.prepareStatement("UPDATE plt_request_stats SET requests = ?, errors_4xx = ?, errors_5xx = ?, latency_sum_ms = ?,"
                         + " latency_counts = ? WHERE bucket_start = ? AND node = ? AND endpoint_group = ?")) {
                for (RequestMetrics.Row r : rows) {
                    OffsetDateTime minute = OffsetDateTime.ofInstant(r.minute(), ZoneOffset.UTC);
                    RequestMetrics.Agg a = r.agg().copy();
                    sel.setObject(1, minute);
                    sel.setString(2, node);
                    sel.setString(3, r.group());
                    boolean exists;
                    try (ResultSet rs = sel.executeQuery()) {
                        exists = rs.next();
                        if (exists) {
                            String[] parts = rs.getString(5).split(",");
                            long[] stored = new long[parts.length];
                            for (int i = 0; i < parts.length; i++) {
                                stored[i] = Long.parseLong(parts[i].trim());
                            }
                            a.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), stored);
                        }
                    }
                    PreparedStatement ps = exists ? upd : ins;
                    int i = 1;
                    if (!exists) {
                        ps.setObject(i++, minute);
                        ps.setString(i++, node);
                        ps.setString(i++, r.group());
                    }
                    ps.setLong(i++, a.requests());
                    ps.setLong(i++, a.errors4xx());
                    ps.setLong(i++, a.errors5xx());
                    ps.setLong(i++, a.latencySumMs());
                    ps.setString(i++, a.countsText());
                    if (exists) {
                        ps.setObject(i++, minute);
                        ps.setString(i++, node);
                        ps.setString(i++, r.group());
                    }
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
