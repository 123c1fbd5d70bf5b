package org.smartproperty.dev.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartproperty.company.UnifiedSocialCreditCode;

/** The fixed choices of the per-domain seeders (issue 11 item 2); the seeding itself runs in EmbeddedDefaultIT. */
class DomainSeedersTest {

    @Test
    void everyDemoCompanyHasAValidDistinctCreditCode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < HengqinDataSet.PROPERTY_COMPANIES.length; i++) {
            String code = CompanySeeder.creditCode(i);
            assertTrue(UnifiedSocialCreditCode.isValid(code), code);
            codes.add(code);
        }
        assertEquals(HengqinDataSet.PROPERTY_COMPANIES.length, codes.size());
    }

    @Test
    void companyFilingsEndApprovedPendingAndReturned() {
        assertEquals(HengqinDataSet.PROPERTY_COMPANIES.length, CompanySeeder.PLANS.length);
        assertTrue(Arrays.asList(CompanySeeder.PLANS).containsAll(Set.of(CompanySeeder.Plan.APPROVED, CompanySeeder.Plan.PENDING,
                CompanySeeder.Plan.RETURNED)));
    }

    @Test
    void theFirstDemoEstatesCommitteeIsApprovedAndEveryPlanOccurs() {
        assertEquals(CommitteeSeeder.Plan.APPROVED, CommitteeSeeder.plan(0));
        Set<CommitteeSeeder.Plan> seen = new HashSet<>();
        for (int k = 0; k < 17; k++) { // 34 demo estates, every other one
            seen.add(CommitteeSeeder.plan(k));
        }
        assertEquals(Set.of(CommitteeSeeder.Plan.values()), seen);
    }
}
