package org.smartproperty.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.DemoHistory.Phase;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.RepairStatus;

/** Which repairs and patrol tasks get a year of history, which stay recent (issue 11 item 2). */
class ServiceDemoPlansTest {

    @Test
    void finishedOnesSpreadOverTheYearOpenOnesRecent() {
        Set<RepairStatus> finished = EnumSet.noneOf(RepairStatus.class);
        for (RepairStatus s : RepairStatus.values()) {
            if (ServiceDemoSeeder.phase(s) == Phase.FINISHED) {
                finished.add(s);
            }
        }
        assertEquals(EnumSet.of(RepairStatus.CONFIRMED, RepairStatus.REJECTED), finished);
        assertEquals(Phase.AWAITING, ServiceDemoSeeder.phase(RepairStatus.COMPLETED), "auto-confirmed after a few days: recent");
        assertEquals(Phase.FINISHED, ServiceDemoSeeder.phase(PatrolStatus.CLOSED));
        assertEquals(Phase.OPEN, ServiceDemoSeeder.phase(PatrolStatus.INSPECTED));
    }
}
