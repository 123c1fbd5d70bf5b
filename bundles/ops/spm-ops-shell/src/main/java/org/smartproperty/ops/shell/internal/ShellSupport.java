package org.smartproperty.ops.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;

import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.LiquibaseSchemas;
import org.smartproperty.ops.OpsException;

/** Shared bits of the shell commands. */
final class ShellSupport {

    private ShellSupport() {
    }

    static BackupKey key(String keyFile, boolean noEncryption) {
        if (keyFile != null && noEncryption) {
            throw new OpsException("cli.keyAndNoEncryption");
        }
        if (keyFile == null) {
            if (!noEncryption) {
                throw new OpsException("key.required");
            }
            return BackupKey.NONE;
        }
        return BackupKey.load(Path.of(keyFile));
    }

    /** A Karaf folder from its system property ({@code karaf.data}, {@code karaf.etc}), or null. */
    static Path karafDir(String property) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    /**
     * The platform's effective database settings (url, user, password) as its DataSource resolves them:
     * system property {@code spm.db.url|user|password}, else environment {@code SPM_DB_URL|USER|PASSWORD},
     * else {@code ${karaf.etc}/org.smartproperty.db.cfg}; empty when none is set. (A platform started with
     * only {@code SPM_DB_URL} drilled into an in-memory H2 while the file named the embedded default.)
     */
    static Properties dbConfig() {
        return dbConfig(System::getProperty, System::getenv);
    }

    static Properties dbConfig(java.util.function.UnaryOperator<String> systemProperty, java.util.function.UnaryOperator<String> environment) {
        Properties p = dbFile();
        for (String key : new String[] {"url", "user", "password"}) {
            String v = systemProperty.apply("spm.db." + key);
            if (v == null || v.isBlank()) {
                v = environment.apply("SPM_DB_" + key.toUpperCase(java.util.Locale.ROOT));
            }
            if (v != null && !v.isBlank()) {
                p.setProperty(key, v);
            }
        }
        return p;
    }

    private static Properties dbFile() {
        Properties p = new Properties();
        Path etc = karafDir("karaf.etc");
        Path cfg = etc == null ? null : etc.resolve("org.smartproperty.db.cfg");
        if (cfg != null && Files.isRegularFile(cfg)) {
            try (InputStream in = Files.newInputStream(cfg)) {
                p.load(in);
            } catch (IOException e) {
                throw new OpsException(e, "cli.configUnreadable", cfg);
            }
        }
        return p;
    }

    /** {@code ${karaf.data}} / {@code ${karaf.home}} / {@code ${karaf.base}} in a JDBC URL, as the platform's configuration resolves them. */
    static String resolve(String url) {
        String home = System.getProperty("karaf.home", ".");
        String data = System.getProperty("karaf.data", Path.of(home).resolve("data").toString());
        return url.trim().replace("${karaf.data}", data).replace("${karaf.home}", home).replace("${karaf.base}", System.getProperty("karaf.base", home));
    }

    /** The platform bundles' changelogs: the bundle jars under {@code ${karaf.home}/system} and {@code deploy}. */
    static LiquibaseSchemas changelogs() {
        Path home = karafDir("karaf.home");
        return LiquibaseSchemas.under(home == null ? java.util.List.of() : java.util.List.of(home.resolve("system"), home.resolve("deploy")),
                ShellSupport.class.getClassLoader());
    }

    /**
     * Whether {@code targetUrl} names the running platform's own database: the same URL as its
     * settings (H2: the same database file), or, on PostgreSQL, a connection that lands in the same
     * database and schema of the server where the platform's own connection is open.
     */
    static boolean samePlatformDatabase(String platformUrl, DataSource platform, String targetUrl, DataSource target) {
        if (platformUrl != null && !platformUrl.isBlank()) {
            String a = resolve(platformUrl);
            if (a.equals(targetUrl) || (a.startsWith("jdbc:h2:") && a.split(";")[0].equals(targetUrl.split(";")[0]))) {
                return true;
            }
        }
        if (platform == null || !targetUrl.startsWith("jdbc:postgresql:")) {
            return false;
        }
        try (Connection pc = platform.getConnection()) {
            if (!"PostgreSQL".equals(pc.getMetaData().getDatabaseProductName())) {
                return false;
            }
            int pid;
            String database;
            String schema;
            try (Statement s = pc.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_database(), current_schema()")) {
                rs.next();
                pid = rs.getInt(1);
                database = rs.getString(2);
                schema = rs.getString(3);
            }
            try (Connection tc = target.getConnection();
                    PreparedStatement ps = tc.prepareStatement("SELECT current_database(), current_schema(), "
                            + "(SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ? AND datname = current_database())")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return database.equals(rs.getString(1)) && schema != null && schema.equals(rs.getString(2)) && rs.getLong(3) > 0;
                }
            }
        } catch (SQLException e) {
            return false; // an unreachable target is reported by the restore itself
        }
    }

    /** Whether {@code dir} is the Karaf folder named by {@code property}. */
    static boolean isKarafDir(String dir, String property) {
        Path k = karafDir(property);
        return dir != null && k != null && Path.of(dir).toAbsolutePath().normalize().equals(k.toAbsolutePath().normalize());
    }
}
