package org.smartproperty.ops;

import org.osgi.annotation.versioning.ConsumerType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** A throw-away database for {@code restore-test}: created empty, dropped afterwards. */
@ConsumerType
public interface ScratchDatabase extends AutoCloseable {

    DataSource dataSource();

    /** Where it lives, for the record (no password). */
    String describe();

    /** Drops the scratch database. */
    @Override
    void close();

    /** Creates one. */
    @FunctionalInterface
    interface Factory {
        ScratchDatabase create();
    }

    /** A new schema {@code spm_restore_test_…} on a PostgreSQL server, dropped with CASCADE. */
    static Factory postgresSchema(String serverUrl, String user, String password) {
        return () -> {
            String schema = "spm_restore_test_" + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new OpsException(e, "restoreTest.scratchFailed", serverUrl.replaceAll("(?i)(password=)[^&;]*", "$1***"), e.getMessage());
            }
            String base = serverUrl.replaceAll("(?i)([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", ""); // never the source's schema
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            SimpleDataSource ds = new SimpleDataSource(url, user, password);
            return new ScratchDatabase() {
                @Override
                public DataSource dataSource() {
                    return ds;
                }

                @Override
                public String describe() {
                    return serverUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + " schema " + schema;
                }

                @Override
                public void close() {
                    try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    } catch (SQLException e) {
                        throw new OpsException(e, "restoreTest.dropFailed", schema, e.getMessage());
                    }
                }
            };
        };
    }

    /** An in-memory H2 database (PostgreSQL mode, as the embedded default), gone when closed. */
    static Factory h2Memory() {
        return () -> {
            String name = "spm_restore_test_" + UUID.randomUUID().toString().substring(0, 8);
            String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            SimpleDataSource ds = new SimpleDataSource(url, "sa", "");
            return new ScratchDatabase() {
                @Override
                public DataSource dataSource() {
                    return ds;
                }

                @Override
                public String describe() {
                    return "jdbc:h2:mem:" + name;
                }

                @Override
                public void close() {
                    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    } catch (SQLException e) {
                        throw new OpsException(e, "restoreTest.dropFailed", name, e.getMessage());
                    }
                }
            };
        };
    }
}
