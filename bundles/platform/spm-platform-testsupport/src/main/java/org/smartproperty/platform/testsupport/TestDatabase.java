package org.smartproperty.platform.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Migrations;

/**
 * A fresh PostgreSQL schema per test class, dropped afterwards. The server comes from
 * {@code -Dspm.test.db.url} / {@code SPM_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user postgres, as on the CI machine). Use with
 * <pre>@RegisterExtension static TestDatabase db = new TestDatabase();</pre>
 * Pass {@code TestDatabase.h2()} to run the same test on the embedded engine.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private final boolean h2;
    private String schema;
    private HikariDataSource dataSource;
    private EntityManagerFactory emf;

    public TestDatabase() {
        this(false);
    }

    private TestDatabase(boolean h2) {
        this.h2 = h2;
    }

    /** An in-memory H2 database in PostgreSQL mode, with the settings of the embedded profile. */
    public static TestDatabase h2() {
        return new TestDatabase(true);
    }

    public static String serverUrl() {
        return setting("spm.test.db.url", "SPM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String serverUser() {
        return setting("spm.test.db.user", "SPM_TEST_DB_USER", "postgres");
    }

    public static String serverPassword() {
        return setting("spm.test.db.password", "SPM_TEST_DB_PASSWORD", "");
    }

    private static String setting(String prop, String env, String dflt) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        schema = "t_" + name.substring(0, Math.min(name.length(), 30)) + "_" + UUID.randomUUID().toString().substring(0, 8);
        HikariConfig hc = new HikariConfig();
        hc.setMaximumPoolSize(4);
        if (h2) {
            hc.setJdbcUrl("jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            hc.setUsername("sa");
        } else {
            try (Connection c = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword()); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            String url = serverUrl();
            hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            hc.setUsername(serverUser());
            hc.setPassword(serverPassword());
        }
        dataSource = new HikariDataSource(hc);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (emf != null) {
            emf.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (!h2) {
            try (Connection c = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    /** Applies a changelog from the test class path, as the extender does inside Karaf. */
    public int migrate(String changelog) throws Exception {
        return Migrations.migrate(dataSource, changelog, new ClassLoaderResourceAccessor(getClass().getClassLoader()));
    }

    /**
     * Upgrade tests: applies {@code changelog} (from the test class path) as it was before the change
     * set {@code firstNewChangeSet} was added, i.e. without that change set and any after it, as a
     * database made by the earlier release has it. Run {@link #migrate} afterwards to upgrade it; the
     * changelog's {@code logicalFilePath} makes both runs one changelog for Liquibase.
     */
    public int migrateBefore(String changelog, String firstNewChangeSet) throws Exception {
        String text;
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(changelog)) {
            if (in == null) {
                throw new IllegalArgumentException(changelog + " not on the class path");
            }
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!text.contains("logicalFilePath=")) {
            throw new IllegalArgumentException(changelog + " has no logicalFilePath: the upgrade would not be recognised as the same changelog");
        }
        int cut = text.indexOf("<changeSet id=\"" + firstNewChangeSet + "\"");
        if (cut < 0) {
            throw new IllegalArgumentException("no change set " + firstNewChangeSet + " in " + changelog);
        }
        String before = text.substring(0, cut) + "</databaseChangeLog>\n";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("spm-upgrade");
        java.nio.file.Path file = dir.resolve(changelog);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, before);
        return Migrations.migrate(dataSource, changelog, new liquibase.resource.DirectoryResourceAccessor(dir));
    }

    /** The first column of every row {@code sql} answers for {@code args}, as strings in order (e.g. the phones of queued SMS). */
    public java.util.List<String> strings(String sql, Object... args) throws java.sql.SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The persistence unit over this schema (created once per test class). */
    public EntityManagerFactory jpa(String unit) {
        if (emf == null) {
            emf = JpaUnits.create(unit, dataSource, Thread.currentThread().getContextClassLoader());
        }
        return emf;
    }
}
