package org.smartproperty.ops;

import static org.smartproperty.ops.OpsReport.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The database and backup-folder queries behind {@link OpsReport#build} (OPS-6): one method per section of the report. */
final class OpsReportQueries {

    private OpsReportQueries() {
    }

    /** Lower-case names of the tables of the connection's schema. */
    static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), t, null)) {
                while (rs.next()) {
                    if (column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static void bind(PreparedStatement ps, Period p) throws SQLException {
        ps.setObject(1, OffsetDateTime.ofInstant(p.from(), ZoneOffset.UTC));
        ps.setObject(2, OffsetDateTime.ofInstant(p.to(), ZoneOffset.UTC));
    }

    static long count(Connection c, String sql, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static Availability availability(Connection c, Set<String> tables, Period p, Instant now) throws SQLException {
        Instant end = now.isBefore(p.to()) ? now : p.to();
        long minutes = end.isAfter(p.from()) ? Duration.between(p.from(), end).toMinutes() : 0;
        if (!tables.contains("plt_request_stats")) {
            return new Availability(minutes, 0, 0);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(DISTINCT bucket_start), COUNT(DISTINCT node) FROM plt_request_stats WHERE bucket_start >= ? AND bucket_start < ?")) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Availability(minutes, Math.min(minutes, rs.getLong(1)), rs.getInt(2));
            }
        }
    }

    static List<GroupStats> groups(Connection c, Set<String> tables, Period p) throws SQLException {
        List<GroupStats> out = new ArrayList<>();
        if (!tables.contains("plt_request_stats")) {
            return out;
        }
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, long[]> hist = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT endpoint_group, requests, errors_4xx, errors_5xx, latency_sum_ms, latency_counts"
                + " FROM plt_request_stats WHERE bucket_start >= ? AND bucket_start < ? AND endpoint_group <> '" + HEARTBEAT + "'")) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String g = rs.getString(1);
                    long[] s = sums.computeIfAbsent(g, k -> new long[4]);
                    s[0] += rs.getLong(2);
                    s[1] += rs.getLong(3);
                    s[2] += rs.getLong(4);
                    s[3] += rs.getLong(5);
                    long[] h = hist.computeIfAbsent(g, k -> new long[BUCKETS_MS.length + 1]);
                    String[] parts = rs.getString(6).split(",");
                    for (int i = 0; i < parts.length && i < h.length; i++) {
                        h[i] += Long.parseLong(parts[i].trim());
                    }
                }
            }
        }
        sums.forEach((g, s) -> out.add(new GroupStats(g, s[0], s[1], s[2], s[3], hist.get(g))));
        return out;
    }

    static GroupStats total(List<GroupStats> groups) {
        long[] h = new long[BUCKETS_MS.length + 1];
        long r = 0;
        long e4 = 0;
        long e5 = 0;
        long sum = 0;
        for (GroupStats g : groups) {
            r += g.requests();
            e4 += g.errors4xx();
            e5 += g.errors5xx();
            sum += g.latencySumMs();
            for (int i = 0; i < h.length; i++) {
                h[i] += g.counts()[i];
            }
        }
        return new GroupStats("*", r, e4, e5, sum, h);
    }

    static List<DomainVolume> data(Connection c, Set<String> tables, Period p) throws SQLException {
        Map<String, long[]> byPrefix = new LinkedHashMap<>();
        Map<String, Boolean> hasCreated = new LinkedHashMap<>();
        for (String d : DOMAINS.keySet()) {
            byPrefix.put(d, new long[3]);
        }
        for (String t : tables) {
            int u = t.indexOf('_');
            if (u <= 0 || !t.matches("[a-z0-9_]+")) {
                continue;
            }
            String prefix = t.substring(0, u);
            if (!DOMAINS.containsKey(prefix)) {
                continue;
            }
            long[] v = byPrefix.get(prefix);
            v[0]++;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                rs.next();
                v[1] += rs.getLong(1);
            }
            if (hasColumn(c, t, "created_at")) {
                hasCreated.put(prefix, true);
                v[2] += count(c, "SELECT COUNT(*) FROM " + t + " WHERE created_at >= ? AND created_at < ?", p);
            }
        }
        List<DomainVolume> out = new ArrayList<>();
        byPrefix.forEach((prefix, v) -> {
            if (v[0] > 0) {
                out.add(new DomainVolume(prefix, (int) v[0], v[1], hasCreated.containsKey(prefix) ? v[2] : null));
            }
        });
        return out;
    }

    static List<RoleActivity> activity(Connection c, Set<String> tables, Period p) throws SQLException {
        if (!tables.contains("sec_account_role") || !tables.contains("sec_account")) {
            return List.of();
        }
        Map<String, long[]> m = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT role, COUNT(*) FROM sec_account_role GROUP BY role")) {
            while (rs.next()) {
                m.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2);
            }
        }
        if (tables.contains("aud_event")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.role, COUNT(*), COUNT(DISTINCT e.actor) FROM aud_event e"
                    + " JOIN sec_account a ON a.username = e.actor JOIN sec_account_role r ON r.account_id = a.id"
                    + " WHERE e.at >= ? AND e.at < ? AND e.action IN ('login.success', 'login.idp') AND e.outcome = 'OK' GROUP BY r.role")) {
                bind(ps, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] v = m.computeIfAbsent(rs.getString(1), k -> new long[3]);
                        v[0] = rs.getLong(2);
                        v[1] = rs.getLong(3);
                    }
                }
            }
        }
        List<RoleActivity> out = new ArrayList<>();
        m.forEach((role, v) -> out.add(new RoleActivity(role, v[0], v[1], v[2])));
        return out;
    }

    static Security security(Connection c, Set<String> tables, Period p) throws SQLException {
        long failed = tables.contains("sec_login_failure") ? count(c, "SELECT COUNT(*) FROM sec_login_failure WHERE at >= ? AND at < ?", p) : 0;
        Map<String, Long> by = new LinkedHashMap<>();
        for (String a : SECURITY_ACTIONS) {
            by.put(a, 0L);
        }
        if (tables.contains("aud_event")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT action, COUNT(*) FROM aud_event WHERE at >= ? AND at < ? GROUP BY action")) {
                bind(ps, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (by.containsKey(rs.getString(1))) {
                            by.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
        }
        return new Security(failed, by);
    }

    static Backups backups(Path dir, Period p) {
        if (dir == null) {
            return new Backups(null, 0, 0, 0, 0, 0, 0, null);
        }
        long taken = 0;
        long failed = 0;
        long verified = 0;
        long verifyFailed = 0;
        long tested = 0;
        long testFailed = 0;
        String last = null;
        if (Files.isDirectory(dir)) {
            for (Map<String, Object> r : new BackupService().records(dir)) {
                Instant at;
                try {
                    at = Instant.parse(String.valueOf(r.get("at")));
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (at.isBefore(p.from()) || !at.isBefore(p.to())) {
                    continue;
                }
                boolean ok = !Boolean.FALSE.equals(r.get("ok"));
                switch (String.valueOf(r.get("type"))) {
                    case "backup.created" -> {
                        taken++;
                        last = last == null || at.toString().compareTo(last) > 0 ? at.toString() : last;
                    }
                    case "backup.failed" -> failed++;
                    case "backup.verified" -> {
                        verified++;
                        verifyFailed += ok ? 0 : 1;
                    }
                    case "backup.restore-tested" -> {
                        tested++;
                        testFailed += ok ? 0 : 1;
                    }
                    default -> {
                    }
                }
            }
        }
        return new Backups(dir.toString(), taken, failed, verified, verifyFailed, tested, testFailed, last);
    }
}
