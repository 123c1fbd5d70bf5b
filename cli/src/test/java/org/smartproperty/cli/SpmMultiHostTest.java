package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.pgcluster.PgCluster;

/**
 * Issue 19 item 2: {@code spm} reads the platform's database settings, so it must follow a promoted standby through the
 * same multi-host URL ({@code jdbc:postgresql://standby,primary/db?targetServerType=primary}): before the failover it
 * reaches the primary although the standby is listed first, after {@code pg_ctl promote} the promoted standby.
 */
class SpmMultiHostTest {

    @TempDir
    Path tmp;

    @Test
    void spmFollowsThePrimaryThroughAMultiHostUrl() throws Exception {
        assumeTrue(PgCluster.available(), PgCluster::unavailableReason);
        try (PgCluster primary = PgCluster.create().start()) {
            primary.createDatabase("spm");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(primary.jdbcUrl("spm"));
            ds.setUser(PgCluster.USER);
            Migrations.migrate(ds, "db/platform-jobs.changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()));
            primary.psql("spm", "INSERT INTO plt_job (name, schedule, period_seconds, cluster_lock) VALUES ('x.before', 'every 1h', 3600, TRUE)");
            PgCluster standby = primary.createStandby();
            Path config = tmp.resolve("db.cfg");
            // hostRecheckSeconds=0: every spm command is a new JVM in production; here they share one, and pgjdbc would
            // otherwise remember for 10 s that the old primary was the primary and try only it
            Files.writeString(config, "url = " + PgCluster.multiHostUrl("spm", standby, primary) + "&hostRecheckSeconds=0\nuser = postgres\npassword = \n");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

            Result before = spm("jobs", "run", "x.before", "--config", config.toString());
            assertEquals(0, before.code(), "a write through the multi-host URL reaches the primary: " + before.out() + before.err());

            primary.stop();
            standby.promote();
            standby.psql("spm", "INSERT INTO plt_job (name, schedule, period_seconds, cluster_lock) VALUES ('x.after', 'every 1h', 3600, TRUE)");
            Result after = spm("jobs", "run", "x.after", "--config", config.toString());
            assertEquals(0, after.code(), "after promotion the same settings reach the new primary: " + after.out() + after.err());
            Result list = spm("jobs", "list", "--output", "json", "--config", config.toString());
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("x.before") && list.out().contains("x.after"), list.out());
        }
    }
}
