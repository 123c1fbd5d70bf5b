package org.smartproperty.ops.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;

/** OPS-2 / OPS-3: the ops bundle's checks report to the operator and never gate serving. */
class OperationalChecksTest {

    @Test
    void aNodeWithoutTheDailyBackupSaysSoAsAWarning_OPS_3() {
        BackupConfiguredCheck check = new BackupConfiguredCheck(null);
        HealthResult r = check.check();
        assertEquals(HealthStatus.WARNING, r.status());
        assertTrue(r.summary().contains("org.smartproperty.ops.backup"), r.summary());
        assertFalse(check.readiness());
    }

    @Test
    void diskTlsAndBackupChecksNeverTakeTheNodeOutOfTheLoadBalancer_OPS_2() {
        assertFalse(new DiskSpaceCheck().readiness());
        assertFalse(new TlsCertificateCheck().readiness());
        assertFalse(new BackupSchedule().readiness());
    }
}
