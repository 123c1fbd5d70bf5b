package org.smartproperty.platform.security.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;

/**
 * The audit log: every record carries the hash of the previous one,
 * {@code hash = SHA-256(prev_hash | seq | at | actor | ip | agent | action | type | id | outcome | summary)}.
 * Appends take the row lock of {@code aud_chain}, so the chain is a total order even with many
 * nodes; on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE of audit rows.
 */
@Component(service = {AuditTrail.class, AuditLog.class})
public class AuditTrailImpl implements AuditLog {

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.security)")
    private SchemaReady schema;

    public AuditTrailImpl() {
    }

    /** Outside OSGi (other bundles' service tests): the real hash-chained trail over a migrated security schema. */
    public static org.smartproperty.platform.security.AuditTrail standalone(DataSource ds) {
        return new AuditTrailImpl(ds);
    }

    AuditTrailImpl(DataSource ds) {
        this.dataSource = ds;
    }

    @Activate
    void activate() {
        // references only
    }

    @Override
    public void append(Connection c, AuditEvent e) {
        try {
            AuditChain.append(c, e);
        } catch (SQLException ex) {
            throw new IllegalStateException("audit append failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void append(AuditEvent e) {
        try {
            Jdbc.transaction(dataSource, c -> {
                append(c, e);
                return null;
            });
        } catch (SQLException ex) {
            throw new IllegalStateException("audit append failed: " + ex.getMessage(), ex);
        }
    }

    /** The legal floor of audit retention (网络安全法 art. 21: logs kept at least six months). */
    static final int MIN_RETENTION_DAYS = 185;

    /**
     * Deletes audit rows older than the retention (never below {@value #MIN_RETENTION_DAYS} days).
     * On PostgreSQL this is the only way rows leave the table: the guard trigger admits the
     * DELETE inside this transaction ({@code SET LOCAL spm.audit_purge}) and only for rows older
     * than 185 days. The chain stays verifiable from the oldest kept row.
     *
     * @return rows deleted
     */
    public int purge(int retentionDays) {
        int days = Math.max(retentionDays, MIN_RETENTION_DAYS);
        try {
            return Jdbc.transaction(dataSource, c -> {
                if (Jdbc.postgres(c)) {
                    try (PreparedStatement ps = c.prepareStatement("SET LOCAL spm.audit_purge = 'on'")) {
                        ps.execute();
                    }
                }
                int n;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM aud_event WHERE at < ?")) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(days))));
                    n = ps.executeUpdate();
                }
                append(c, AuditEvent.of("system", "audit.purge", "audit", null, AuditEvent.summary("retentionDays", days, "deleted", n)));
                return n;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Walks the whole chain from the oldest kept row; reports the first row whose hash or link does not match. */
    public AuditChain.Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.verify(c);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Streams rows between {@code from} and {@code to} (either may be null) as JSON lines, oldest first. */
    public void export(Instant from, Instant to, java.io.OutputStream out) throws java.io.IOException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (from != null) { where.append(" AND at >= ?"); params.add(Timestamp.from(from)); }
        if (to != null) { where.append(" AND at < ?"); params.add(Timestamp.from(to)); }
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, client_ip, user_agent, action, object_type, object_id, outcome, summary, "
                     + "prev_hash, hash FROM aud_event" + where + " ORDER BY seq")) {
            bind(ps, params);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                String[] names = {"seq", "at", "actor", "clientIp", "userAgent", "action", "objectType", "objectId", "outcome", "summary", "prevHash", "hash"};
                while (rs.next()) {
                    StringBuilder line = new StringBuilder("{");
                    for (int i = 0; i < names.length; i++) {
                        Object v = i == 0 ? (Object) rs.getLong(1) : i == 1 ? rs.getTimestamp(2).toInstant().toString() : rs.getString(i + 1);
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append('"').append(names[i]).append("\":");
                        if (v == null) {
                            line.append("null");
                        } else if (v instanceof Long l) {
                            line.append(l);
                        } else {
                            line.append('"').append(escapeJson(v.toString())).append('"');
                        }
                    }
                    w.write(line.append("}\n").toString());
                }
            }
        } catch (SQLException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
        w.flush();
    }

    static String escapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Filtered, newest first. */
    public Map<String, Object> query(String actor, String action, String objectType, String objectId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (actor != null) { where.append(" AND actor = ?"); params.add(actor); }
        if (action != null) { where.append(" AND action LIKE ?"); params.add(action.replace("*", "%")); }
        if (objectType != null) { where.append(" AND object_type = ?"); params.add(objectType); }
        if (objectId != null) { where.append(" AND object_id = ?"); params.add(objectId); }
        if (from != null) { where.append(" AND at >= ?"); params.add(Timestamp.from(from)); }
        if (to != null) { where.append(" AND at < ?"); params.add(Timestamp.from(to)); }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM aud_event" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, client_ip, user_agent, action, object_type, object_id, outcome, summary, hash FROM aud_event"
                    + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, size);
                ps.setLong(params.size() + 2, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("seq", rs.getLong(1));
                        m.put("at", rs.getTimestamp(2).toInstant().toString());
                        m.put("actor", rs.getString(3));
                        m.put("clientIp", rs.getString(4));
                        m.put("userAgent", rs.getString(5));
                        m.put("action", rs.getString(6));
                        m.put("objectType", rs.getString(7));
                        m.put("objectId", rs.getString(8));
                        m.put("outcome", rs.getString(9));
                        m.put("summary", rs.getString(10));
                        m.put("hash", rs.getString(11));
                        items.add(m);
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", items);
            out.put("page", page);
            out.put("size", size);
            out.put("total", total);
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
