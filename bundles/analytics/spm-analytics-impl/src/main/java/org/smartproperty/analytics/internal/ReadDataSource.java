package org.smartproperty.analytics.internal;

import java.util.Properties;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The DataSource the statistics are read from: a small pool on the read replica named by {@code SPM_ANALYTICS_DB_URL}
 * (system property {@code spm.analytics.db.url}, configuration {@code replica.url}), or the main DataSource when none is
 * named. The rollup job always writes on the main database; a streaming replica follows it (docs/operations.md).
 */
final class ReadDataSource {

    private ReadDataSource() {
    }

    static String pick(String sysProp, String env, String configured) {
        String v = System.getProperty(sysProp);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? (configured == null || configured.isBlank() ? null : configured) : v;
    }

    /** The replica's URL in force, or null for the main database. */
    static String url(AnalyticsConfig config) {
        return pick("spm.analytics.db.url", "SPM_ANALYTICS_DB_URL", config.replica_url());
    }

    /** A pool on the replica through the driver's DataSourceFactory (OSGi) or, outside OSGi (factory null), the URL itself. */
    static HikariDataSource open(String url, AnalyticsConfig config, DataSourceFactory factory) throws Exception {
        String user = pick("spm.analytics.db.user", "SPM_ANALYTICS_DB_USER", config.replica_user());
        String password = pick("spm.analytics.db.password", "SPM_ANALYTICS_DB_PASSWORD", config.replica_password());
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("spm-analytics-read");
        if (factory != null) {
            Properties p = new Properties();
            p.put(DataSourceFactory.JDBC_URL, url);
            if (user != null) {
                p.put(DataSourceFactory.JDBC_USER, user);
            }
            if (password != null) {
                p.put(DataSourceFactory.JDBC_PASSWORD, password);
            }
            DataSource raw = factory.createDataSource(p);
            hc.setDataSource(raw);
        } else {
            hc.setJdbcUrl(url);
        }
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(4);
        hc.setInitializationFailTimeout(-1); // start even if the replica is down: the statistics answer 503 meanwhile
        return new HikariDataSource(hc);
    }

    /** The URL without a password parameter, for logs. */
    static String safe(String url) {
        return url == null ? "(main database)" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
