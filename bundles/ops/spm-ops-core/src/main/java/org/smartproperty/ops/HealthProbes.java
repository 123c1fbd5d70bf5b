package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/**
 * Deep checks that need no running platform (OPS-2, OPS-4): free disk space of a folder, TLS
 * certificate expiry of a key store, database reachability, latency and applied migrations. The
 * platform wraps them as {@code HealthCheck} services; {@code spm status} runs them directly.
 */
public final class HealthProbes {

    private HealthProbes() {
    }

    /** Free space of the file system holding {@code dir}: WARNING below {@code warnPct} %, DOWN below {@code downPct} %. */
    public static HealthResult disk(String what, Path dir, double warnPct, double downPct) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", dir == null ? null : dir.toString());
        if (dir == null || !Files.isDirectory(dir)) {
            return HealthResult.down(what + ": folder missing: " + dir, d);
        }
        try {
            FileStore fs = Files.getFileStore(dir);
            long total = fs.getTotalSpace();
            long free = fs.getUsableSpace();
            double pct = total == 0 ? 0 : free * 100.0 / total;
            d.put("freeBytes", free);
            d.put("totalBytes", total);
            d.put("freePercent", Math.round(pct * 10) / 10.0);
            d.put("warnBelowPercent", warnPct);
            d.put("downBelowPercent", downPct);
            String summary = String.format("%s: %.1f %% free (%d MiB of %d MiB)", what, pct, free >> 20, total >> 20);
            HealthStatus s = pct < downPct ? HealthStatus.DOWN : pct < warnPct ? HealthStatus.WARNING : HealthStatus.UP;
            return new HealthResult(s, summary, d);
        } catch (IOException e) {
            return HealthResult.down(what + ": " + e.getMessage(), d);
        }
    }

    /** The certificates of a key store: DOWN when one has expired, WARNING within {@code warnDays} of expiry. */
    public static HealthResult certificates(Path keystore, char[] password, String type, int warnDays, Clock clock) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("keystore", keystore.toString());
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(type == null || type.isBlank() ? KeyStore.getDefaultType() : type);
            ks.load(in, password);
            Instant now = clock.instant();
            Instant soonest = null;
            String soonestAlias = null;
            for (String alias : Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    Instant until = x.getNotAfter().toInstant();
                    if (soonest == null || until.isBefore(soonest)) {
                        soonest = until;
                        soonestAlias = alias;
                    }
                }
            }
            if (soonest == null) {
                return HealthResult.down("no certificate in " + keystore, d);
            }
            long days = Duration.between(now, soonest).toDays();
            d.put("alias", soonestAlias);
            d.put("notAfter", soonest.toString());
            d.put("daysLeft", days);
            if (!soonest.isAfter(now)) {
                return HealthResult.down("certificate '" + soonestAlias + "' expired " + soonest, d);
            }
            return new HealthResult(days < warnDays ? HealthStatus.WARNING : HealthStatus.UP,
                    "certificate '" + soonestAlias + "' valid until " + soonest + " (" + days + " days)", d);
        } catch (Exception e) {
            return HealthResult.down("key store unreadable: " + e.getMessage(), d);
        }
    }

    /** Reachability, round-trip latency and the migrations applied (Liquibase's databasechangelog). */
    public static HealthResult database(DataSource ds, long slowMs) {
        Map<String, Object> d = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            d.put("latencyMs", ms);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(dateexecuted) FROM databasechangelog");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                d.put("migrations", rs.getLong(1));
                d.put("lastMigration", rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant().toString());
            } catch (java.sql.SQLException e) {
                return HealthResult.down("reachable, but no migrations applied (" + e.getMessage() + ")", d);
            }
            return ms > slowMs ? new HealthResult(HealthStatus.WARNING, "reachable but slow: " + ms + " ms", d)
                    : HealthResult.up("reachable in " + ms + " ms, " + d.get("migrations") + " migrations applied", d);
        } catch (Exception e) {
            return HealthResult.down("unreachable: " + e.getMessage(), d);
        }
    }
}
