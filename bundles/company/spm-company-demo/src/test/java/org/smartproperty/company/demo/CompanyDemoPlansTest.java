package org.smartproperty.company.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartproperty.company.UnifiedSocialCreditCode;

/** The fixed choices of the company demo data (issue 11 item 2). */
class CompanyDemoPlansTest {

    @Test
    void everyDemoCompanyHasAValidDistinctCreditCode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < CompanyDemoSeeder.PLANS.length; i++) {
            String code = CompanyDemoSeeder.creditCode(i);
            assertTrue(UnifiedSocialCreditCode.isValid(code), code);
            codes.add(code);
        }
        assertEquals(CompanyDemoSeeder.PLANS.length, codes.size());
    }

    @Test
    void companyFilingsEndApprovedPendingAndReturned() {
        assertTrue(Arrays.asList(CompanyDemoSeeder.PLANS).containsAll(Set.of(CompanyDemoSeeder.Plan.APPROVED, CompanyDemoSeeder.Plan.PENDING,
                CompanyDemoSeeder.Plan.RETURNED)));
    }
}
