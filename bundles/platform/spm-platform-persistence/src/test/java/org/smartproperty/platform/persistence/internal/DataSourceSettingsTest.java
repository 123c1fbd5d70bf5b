package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.DbSettings;
import org.smartproperty.platform.persistence.internal.DataSourceComponent.PoolSettings;

/** Issue 19 item 2: the pool's settings, the statement timeout per database and a multi-host URL. */
class DataSourceSettingsTest {

    @Test
    void aMultiHostPostgresUrlIsPostgres() {
        DbSettings s = new DbSettings("jdbc:postgresql://db1:5432,db2:5433/spm?targetServerType=primary&password=secret", "spm", "x");
        assertEquals("postgresql", s.kind());
        assertEquals("org.postgresql.Driver", s.driverClass());
        assertEquals("jdbc:postgresql://db1:5432,db2:5433/spm?targetServerType=primary&password=***", s.safeUrl());
    }

    @Test
    void theStatementTimeoutIsSetPerDatabase() {
        assertEquals("SET statement_timeout = 30000", DataSourceComponent.statementTimeoutSql("postgresql", 30000));
        assertEquals("SET QUERY_TIMEOUT 1500", DataSourceComponent.statementTimeoutSql("h2", 1500));
        assertNull(DataSourceComponent.statementTimeoutSql("postgresql", 0));
    }

    @Test
    void postgresConnectionsGiveUpOnASilentServerAfterTheStatementTimeoutAndAMargin() {
        assertEquals(60, DataSourceComponent.socketTimeoutSeconds(new DbSettings("jdbc:postgresql://db/spm", "spm", ""), new PoolSettings(10, 10000, 30000)));
        assertEquals(32, DataSourceComponent.socketTimeoutSeconds(new DbSettings("jdbc:postgresql://db/spm", "spm", ""), new PoolSettings(10, 10000, 1500)));
        assertEquals(0, DataSourceComponent.socketTimeoutSeconds(new DbSettings("jdbc:postgresql://db/spm", "spm", ""), new PoolSettings(10, 10000, 0)),
                "no statement timeout: long statements are allowed, so no socket timeout either");
        assertEquals(0, DataSourceComponent.socketTimeoutSeconds(new DbSettings("jdbc:postgresql://db/spm?socketTimeout=5", "spm", ""),
                new PoolSettings(10, 10000, 30000)), "the URL's own value stands");
        assertEquals(0, DataSourceComponent.socketTimeoutSeconds(new DbSettings("jdbc:h2:mem:x", "sa", ""), new PoolSettings(10, 10000, 30000)));
    }

    @Test
    void poolConfiguration() {
        HikariConfig hc = DataSourceComponent.poolConfig(null, new DbSettings("jdbc:postgresql://db1,db2/spm?targetServerType=primary", "spm", "pw"),
                new PoolSettings(12, 4000, 20000));
        assertEquals(12, hc.getMaximumPoolSize());
        assertEquals(4000, hc.getConnectionTimeout());
        assertEquals(3000, hc.getValidationTimeout(), "validation gives up before the caller's wait does");
        assertEquals(120_000, hc.getKeepaliveTime());
        assertEquals(1_800_000, hc.getMaxLifetime());
        assertEquals(-1, hc.getInitializationFailTimeout(), "the platform starts with the database down");
        assertEquals("SET statement_timeout = 20000", hc.getConnectionInitSql());
        assertEquals(999, DataSourceComponent.poolConfig(null, new DbSettings("jdbc:h2:mem:x", "sa", ""), new PoolSettings(2, 1000, 0)).getValidationTimeout());
        assertNull(DataSourceComponent.poolConfig(null, new DbSettings("jdbc:h2:mem:x", "sa", ""), new PoolSettings(2, 1000, 0)).getConnectionInitSql());
    }
}
