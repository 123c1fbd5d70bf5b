package org.smartproperty.ops;

import java.util.List;

/**
 * bench/backup.sh: applies the security and estate changelogs (from the test class path) to the
 * database given as {@code args[0]} (user {@code args[1]}, password from SPM_DB_PASSWORD).
 */
public final class BackupBenchSchema {

    private BackupBenchSchema() {
    }

    public static void main(String[] args) {
        SimpleDataSource ds = new SimpleDataSource(args[0], args[1], System.getenv().getOrDefault("SPM_DB_PASSWORD", ""));
        new LiquibaseSchemas(BackupBenchSchema.class.getClassLoader()).prepare(ds,
                List.of("org.smartproperty.platform.security", "org.smartproperty.estate.impl"));
    }
}
