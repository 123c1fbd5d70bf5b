package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.persistence.DatabaseFaults;
import org.smartproperty.platform.persistence.StatementTimeouts;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.DbSettings;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.PoolSettings;

/** Issue 19 item 2 on the embedded engine: the pool's statement timeout is H2's QUERY_TIMEOUT, cancelled with 57014 too. */
class StatementTimeoutH2Test {

    @Test
    void theEmbeddedEngineCancelsALongStatementToo() throws Exception {
        DbSettings s = new DbSettings("jdbc:h2:mem:stmt_timeout;MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        try (HikariDataSource pool = DataSourceComponent.createPool(new OsgiDataSourceFactory(new org.h2.Driver()), s, new PoolSettings(2, 2000, 300));
                Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            assertEquals(300, StatementTimeouts.current(c));
            long t = System.nanoTime();
            SQLException e = assertThrows(SQLException.class,
                    () -> st.executeQuery("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b WHERE a.X + b.X = 7").close());
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertEquals(StatementTimeouts.QUERY_CANCELED, e.getSQLState(), e.toString());
            assertEquals(DatabaseFaults.Fault.SLOW, DatabaseFaults.of(e));
            assertTrue(ms < 5000, "cancelled after " + ms + " ms");
            try (StatementTimeouts.Lifted l = StatementTimeouts.lift(c)) {
                assertEquals(0, StatementTimeouts.current(c));
            }
            assertEquals(300, StatementTimeouts.current(c));
        }
    }
}
