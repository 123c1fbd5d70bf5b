package org.smartproperty.ops.shell.internal;

import java.nio.file.Path;

/**
 * The node's configured daily backup as this bundle's health checks see it. A bundle-private
 * service type: {@link BackupSchedule} is registered under it and as a {@code HealthCheck}, never
 * under its class (issue 10 item 4).
 */
interface DailyBackup {

    /** The folder the daily backup writes into. */
    Path directory();
}
