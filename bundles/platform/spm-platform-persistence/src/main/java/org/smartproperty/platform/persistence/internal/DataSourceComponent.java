package org.smartproperty.platform.persistence.internal;

import java.util.Hashtable;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the pooled {@code javax.sql.DataSource} named {@code spm}
 * ({@code osgi.jndi.service.name=spm}) once the JDBC driver for the configured URL has
 * registered its {@link DataSourceFactory}. A change of the password alone ({@code spm passwords
 * rotate-db}, OPS-1) is applied to the running pool: open connections stay, new ones log in with the
 * new password, the service stays registered (no downtime). Any other configuration change
 * re-creates the pool: dependants are deactivated and re-activated by DS.
 */
@Component(immediate = true, configurationPid = "org.smartproperty.db", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public class DataSourceComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceComponent.class);

    private ServiceTracker<DataSourceFactory, DataSourceFactory> tracker;
    private volatile HikariDataSource pool;
    private volatile ServiceRegistration<DataSource> registration;
    private volatile DbSettings current;
    private volatile DatabaseConfig currentConfig;

    @Activate
    void activate(BundleContext context, DatabaseConfig config) throws Exception {
        DbSettings s = DbSettings.resolve(config);
        current = s;
        currentConfig = config;
        String filter = "(&(" + Constants.OBJECTCLASS + "=" + DataSourceFactory.class.getName() + ")("
                + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + s.driverClass() + "))";
        LOG.info("Database {} ({}) as {}; waiting for driver {}", s.safeUrl(), s.kind(), s.user(), s.driverClass());
        tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null) {
            @Override
            public DataSourceFactory addingService(ServiceReference<DataSourceFactory> ref) {
                DataSourceFactory dsf = context.getService(ref);
                synchronized (DataSourceComponent.this) {
                    if (registration == null) {
                        publish(context, dsf, current, currentConfig);
                    }
                }
                return dsf;
            }

            @Override
            public void removedService(ServiceReference<DataSourceFactory> ref, DataSourceFactory service) {
                synchronized (DataSourceComponent.this) {
                    unpublish();
                }
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    private void publish(BundleContext context, DataSourceFactory dsf, DbSettings s, DatabaseConfig config) {
        try {
            pool = createPool(dsf, s, PoolSettings.of(config));
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("osgi.jndi.service.name", "spm");
            props.put("dataSourceName", "spm");
            props.put("spm.db.kind", s.kind());
            props.put("spm.db.url", s.safeUrl());
            registration = context.registerService(DataSource.class, pool, props);
            LOG.info("DataSource spm published ({}; pool of {}, connection timeout {} ms, statement timeout {})", s.safeUrl(),
                    config.pool_maxSize(), config.pool_connectionTimeoutMs(),
                    config.pool_statementTimeoutMs() > 0 ? config.pool_statementTimeoutMs() + " ms" : "none");
        } catch (Exception e) {
            LOG.error("Cannot create the spm DataSource for {}: {}", s.safeUrl(), e.toString(), e);
        }
    }

    /**
     * The pool of the {@code spm} DataSource over the driver's {@code dsf}, exactly as published (tests build it
     * with pgjdbc's or H2's own DataSourceFactory; public for the tests of other modules, the package is not exported).
     */
    public static HikariDataSource createPool(DataSourceFactory dsf, DbSettings s, PoolSettings ps) throws java.sql.SQLException {
        Properties p = new Properties();
        p.put(DataSourceFactory.JDBC_URL, s.url());
        p.put(DataSourceFactory.JDBC_USER, s.user());
        if (s.password() != null) {
            p.put(DataSourceFactory.JDBC_PASSWORD, s.password());
        }
        long socketTimeoutSeconds = socketTimeoutSeconds(s, ps);
        if (socketTimeoutSeconds > 0) {
            p.put("socketTimeout", Long.toString(socketTimeoutSeconds));
        }
        DataSource raw = dsf.createDataSource(p);
        return new HikariDataSource(poolConfig(raw, s, ps));
    }

    /**
     * The pool's settings (issue 19 item 2). A connection broken by a database restart or failover is evicted by
     * HikariCP when it fails with SQLSTATE 08…, 57P01..57P03 (or is found dead by the validation of a connection idle
     * over 500 ms, by the keepalive every 2 minutes); new connections are made as soon as the server accepts them, so
     * the pool recovers without a restart of the platform. A caller waits at most {@code connectionTimeoutMs} for a
     * connection; every statement at most {@code statementTimeoutMs} (set on the connection when it is made).
     */
    static HikariConfig poolConfig(DataSource raw, DbSettings s, PoolSettings ps) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("spm");
        hc.setDataSource(raw);
        // credentials on the pool too, so a new password can be set on the running pool (HikariConfigMXBean)
        hc.setUsername(s.user());
        if (s.password() != null) {
            hc.setPassword(s.password());
        }
        hc.setMaximumPoolSize(ps.maxSize());
        hc.setConnectionTimeout(ps.connectionTimeoutMs());
        hc.setValidationTimeout(Math.min(VALIDATION_TIMEOUT_MS, Math.max(250, ps.connectionTimeoutMs() - 1)));
        hc.setKeepaliveTime(KEEPALIVE_MS);
        hc.setMaxLifetime(MAX_LIFETIME_MS);
        hc.setAutoCommit(true);
        hc.setInitializationFailTimeout(-1); // start even if the database is down; health shows it
        String init = statementTimeoutSql(s.kind(), ps.statementTimeoutMs());
        if (init != null) {
            hc.setConnectionInitSql(init);
        }
        return hc;
    }

    /** Validation of a borrowed connection idle over 500 ms (Connection.isValid) gives up after this. */
    static final long VALIDATION_TIMEOUT_MS = 3000;
    /** An idle connection is checked this often, so one cut while idle is replaced before a request meets it. */
    static final long KEEPALIVE_MS = 120_000;
    /** Connections are renewed after this (below any server or firewall idle cut). */
    static final long MAX_LIFETIME_MS = 1_800_000;

    /** The statement that sets the statement timeout on a new connection of {@code kind}, or null for none. */
    static String statementTimeoutSql(String kind, long ms) {
        if (ms <= 0) {
            return null;
        }
        return "postgresql".equals(kind) ? "SET statement_timeout = " + ms : "SET QUERY_TIMEOUT " + ms;
    }

    /** How much longer than the statement timeout a PostgreSQL connection may stay silent before it counts as lost. */
    static final long SOCKET_TIMEOUT_MARGIN_MS = 30_000;

    /**
     * pgjdbc's {@code socketTimeout} (seconds) of the pool's PostgreSQL connections: the statement timeout plus
     * {@value #SOCKET_TIMEOUT_MARGIN_MS} ms, so that a server that stops answering without closing the connection (a
     * frozen host, a network partition: the statement timeout cannot fire there) fails the call with 08006 instead of
     * holding its thread; 0 (none) without a statement timeout, on H2, or when the URL sets {@code socketTimeout} itself.
     * Work that lifts the statement timeout lifts this one too ({@code StatementTimeouts.lift}).
     */
    static long socketTimeoutSeconds(DbSettings s, PoolSettings ps) {
        if (!"postgresql".equals(s.kind()) || ps.statementTimeoutMs() <= 0 || s.url().toLowerCase(Locale.ROOT).contains("sockettimeout=")) {
            return 0;
        }
        return (ps.statementTimeoutMs() + SOCKET_TIMEOUT_MARGIN_MS + 999) / 1000;
    }

    /** The pool's own settings of {@link DatabaseConfig}. */
    public record PoolSettings(int maxSize, long connectionTimeoutMs, long statementTimeoutMs) {
        static PoolSettings of(DatabaseConfig c) {
            return new PoolSettings(c.pool_maxSize(), c.pool_connectionTimeoutMs(), c.pool_statementTimeoutMs());
        }
    }

    private void unpublish() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException ignored) {
                // already gone
            }
            registration = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    @Modified
    void modified(BundleContext context, DatabaseConfig config) throws Exception {
        DbSettings s = DbSettings.resolve(config);
        synchronized (this) {
            HikariDataSource p = pool;
            if (p != null && onlyPasswordChanged(current, s, currentConfig, config)) {
                p.getHikariConfigMXBean().setPassword(s.password());
                current = s;
                currentConfig = config;
                LOG.info("Database password of {} changed: new connections use it, open ones stay", s.safeUrl());
                return;
            }
        }
        deactivate();
        activate(context, config);
    }

    /** True when the URL, user and pool settings are the same and only the password differs. */
    static boolean onlyPasswordChanged(DbSettings before, DbSettings after, DatabaseConfig beforeConfig, DatabaseConfig afterConfig) {
        return before != null && beforeConfig != null && before.url().equals(after.url()) && java.util.Objects.equals(before.user(), after.user())
                && !java.util.Objects.equals(before.password(), after.password())
                && beforeConfig.pool_maxSize() == afterConfig.pool_maxSize()
                && beforeConfig.pool_connectionTimeoutMs() == afterConfig.pool_connectionTimeoutMs()
                && beforeConfig.pool_statementTimeoutMs() == afterConfig.pool_statementTimeoutMs();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
        synchronized (this) {
            unpublish();
        }
    }

    /** Effective settings after system-property and environment overrides. */
    public record DbSettings(String url, String user, String password) {

        static DbSettings resolve(DatabaseConfig c) {
            return new DbSettings(
                    pick("spm.db.url", "SPM_DB_URL", c.url()),
                    pick("spm.db.user", "SPM_DB_USER", c.user()),
                    pick("spm.db.password", "SPM_DB_PASSWORD", c.password()));
        }

        static String pick(String sysProp, String env, String configured) {
            String v = System.getProperty(sysProp);
            if (v != null && !v.isBlank()) {
                return v;
            }
            v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                return v;
            }
            return configured;
        }

        String kind() {
            String u = url.toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:postgresql:")) {
                return "postgresql";
            }
            if (u.startsWith("jdbc:h2:")) {
                return "h2";
            }
            throw new IllegalArgumentException("Unsupported JDBC URL (use jdbc:h2: or jdbc:postgresql:): " + safeUrl());
        }

        String driverClass() {
            return "postgresql".equals(kind()) ? "org.postgresql.Driver" : "org.h2.Driver";
        }

        /**
         * The URL without any password parameter, for logs and health. A multi-host PostgreSQL URL
         * ({@code jdbc:postgresql://h1:5432,h2:5432/spm?targetServerType=primary}, issue 19 item 2) stays whole.
         */
        String safeUrl() {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
    }
}
