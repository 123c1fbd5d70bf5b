package org.smartproperty.analytics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsView;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The analytics contract on PostgreSQL (production engine), a fresh schema for this class; plus the read-replica routing. */
class AnalyticsServicePostgresTest extends AnalyticsServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }

    static final String REPLICA_DB = "spm_replica_test";

    static AnalyticsConfig config(String url) {
        return new AnalyticsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AnalyticsConfig.class;
            }

            @Override
            public String replica_url() {
                return url;
            }

            @Override
            public String replica_user() {
                return TestDatabase.serverUser();
            }

            @Override
            public String replica_password() {
                return TestDatabase.serverPassword();
            }

            @Override
            public int refresh_intervalMinutes() {
                return 5;
            }

            @Override
            public String rebuild_dailyAt() {
                return "03:30";
            }
        };
    }

    /**
     * SPM_ANALYTICS_DB_URL: the statistics are read from the database it names (a second database here, with rollup rows
     * of its own), while the rollups are still written on the main one.
     */
    @Test
    @Order(20)
    void theStatisticsAreReadFromTheReplicaTheUrlNames() throws Exception {
        String server = TestDatabase.serverUrl();
        String url = server.substring(0, server.lastIndexOf('/') + 1) + REPLICA_DB;
        try (Connection c = DriverManager.getConnection(server, TestDatabase.serverUser(), TestDatabase.serverPassword());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + REPLICA_DB);
            st.execute("CREATE DATABASE " + REPLICA_DB);
        }
        System.setProperty("spm.analytics.db.url", url);
        try {
            AnalyticsConfig cfg = config("");
            assertEquals(url, ReadDataSource.url(cfg), "the system property (or SPM_ANALYTICS_DB_URL) overrides the configuration");
            try (HikariDataSource replica = ReadDataSource.open(ReadDataSource.url(cfg), cfg, null)) {
                Migrations.migrate(replica, "db/analytics.changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()));
                try (Connection c = replica.getConnection(); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO ana_estate VALUES (900, 'Replica Estate', 'Replica', 1)");
                    st.execute("INSERT INTO ana_estate_month (ym, estate_id, company_id, cpl_received) VALUES (202603, 900, 1, 42)");
                    st.execute("INSERT INTO ana_estate_year (yr, estate_id, company_id, cpl_received) VALUES (2026, 900, 1, 42)");
                }
                AnalyticsServiceImpl routed = new AnalyticsServiceImpl(db.dataSource(), replica, audit);
                StatTable t = routed.statistics(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null, null);
                assertEquals(Map.of("Replica Estate", 1), ranks(t), "the replica's rows, not the main database's");
                assertEquals(42L, num(t.rows().get(0), "complaints").longValue());
                routed.refresh(); // written on the main database: the replica's rows stay as they are
                assertEquals(1, routed.statistics(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null, null).total());
                assertEquals(3, service.statistics(REGULATOR, AnalyticsView.ESTATES, AnalyticsFilter.ALL, null, null).total());
            }
        } finally {
            System.clearProperty("spm.analytics.db.url");
            try (Connection c = DriverManager.getConnection(server, TestDatabase.serverUser(), TestDatabase.serverPassword());
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + REPLICA_DB + " WITH (FORCE)");
            }
        }
    }
}
