/**
 * Operations toolkit (OPS-1..8) shared by the {@code spm} CLI and the Karaf {@code spm:*} shell
 * commands. Plain Java on JDBC: {@link org.smartproperty.ops.BackupService} (OPS-3) writes, verifies,
 * restores, restore-tests and prunes encrypted backup archives.
 */
@Export
@Version("1.1.0")
package org.smartproperty.ops;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
