package org.smartproperty.committee.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The fixed choices of the committee demo data (issue 11 item 2). */
class CommitteeDemoPlansTest {

    @Test
    void theFirstDemoEstatesCommitteeIsApprovedAndEveryPlanOccurs() {
        assertEquals(CommitteeDemoSeeder.Plan.APPROVED, CommitteeDemoSeeder.plan(0));
        Set<CommitteeDemoSeeder.Plan> seen = new HashSet<>();
        for (int k = 0; k < 17; k++) { // 34 demo estates, every other one
            seen.add(CommitteeDemoSeeder.plan(k));
        }
        assertEquals(Set.of(CommitteeDemoSeeder.Plan.values()), seen);
    }
}
