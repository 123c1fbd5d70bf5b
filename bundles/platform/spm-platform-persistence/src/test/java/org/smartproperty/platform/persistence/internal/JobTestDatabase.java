package org.smartproperty.platform.persistence.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.smartproperty.platform.persistence.Migrations;

/**
 * The job runner's schema on a fresh PostgreSQL schema or in-memory H2, like spm-platform-testsupport's
 * TestDatabase (same settings spm.test.db.*), which this module cannot use: testsupport depends on it.
 */
final class JobTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private final boolean h2;
    private String schema;
    private HikariDataSource dataSource;

    JobTestDatabase(boolean h2) {
        this.h2 = h2;
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
        schema = "t_jobs_" + UUID.randomUUID().toString().substring(0, 8);
        HikariConfig hc = new HikariConfig();
        hc.setMaximumPoolSize(10);
        if (h2) {
            hc.setJdbcUrl("jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            hc.setUsername("sa");
        } else {
            String url = setting("spm.test.db.url", "SPM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = setting("spm.test.db.user", "SPM_TEST_DB_USER", "postgres");
            String password = setting("spm.test.db.password", "SPM_TEST_DB_PASSWORD", "");
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            hc.setUsername(user);
            hc.setPassword(password);
        }
        dataSource = new HikariDataSource(hc);
        Migrations.migrate(dataSource, "db/platform-jobs.changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        dataSource.close();
        if (!h2) {
            String url = setting("spm.test.db.url", "SPM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            try (Connection c = DriverManager.getConnection(url, setting("spm.test.db.user", "SPM_TEST_DB_USER", "postgres"),
                    setting("spm.test.db.password", "SPM_TEST_DB_PASSWORD", "")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    DataSource dataSource() {
        return dataSource;
    }
}
