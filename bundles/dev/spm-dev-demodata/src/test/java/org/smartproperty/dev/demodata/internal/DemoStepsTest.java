package org.smartproperty.dev.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;

/** The order of the domains' demo seeders and the demo accounts (issue 11 item 2). */
class DemoStepsTest {

    record Step(String name, Set<String> after) implements DemoSeeder {
        @Override
        public void seed(DemoContext context) {
        }
    }

    static Map<String, DemoSeeder> seeders(Step... steps) {
        Map<String, DemoSeeder> m = new LinkedHashMap<>();
        for (Step s : steps) {
            m.put(s.name(), s);
        }
        return m;
    }

    @Test
    void registriesBeforeTheAccountsCasesAfterThem() {
        Map<String, DemoSeeder> all = seeders(
                new Step("service", Set.of(DemoSeeder.ESTATES, DemoSeeder.ACCOUNTS, "company")),
                new Step("complaint", Set.of(DemoSeeder.ESTATES, DemoSeeder.ACCOUNTS, "company")),
                new Step("committee", Set.of(DemoSeeder.ESTATES)),
                new Step("company", Set.of(DemoSeeder.ESTATES)));
        assertEquals(List.of("committee", "company", DemoSeeder.ACCOUNTS, "complaint", "service"), DemoSteps.order(all, true));
        assertEquals(List.of("committee", "company", "complaint", "service"), DemoSteps.order(all, false), "accounts already made");
    }

    @Test
    void aSeederAfterOneThatNeedsTheAccountsAlsoRunsAfterThem() {
        Map<String, DemoSeeder> all = seeders(
                new Step("a-notice", Set.of("complaint")), // does not name the accounts itself
                new Step("complaint", Set.of(DemoSeeder.ACCOUNTS)),
                new Step("b-registry", Set.of()));
        assertEquals(List.of("b-registry", DemoSeeder.ACCOUNTS, "complaint", "a-notice"), DemoSteps.order(all, true));
    }

    @Test
    void unknownNamesAreIgnoredAndCyclesBrokenByName() {
        assertEquals(List.of(DemoSeeder.ACCOUNTS, "x"), DemoSteps.order(seeders(new Step("x", Set.of("not-installed", DemoSeeder.ACCOUNTS))), true));
        List<String> cycle = DemoSteps.order(seeders(new Step("p", Set.of("q")), new Step("q", Set.of("p"))), false);
        assertEquals(List.of("p", "q"), cycle);
        assertTrue(DemoSteps.order(Map.of(), true).equals(List.of(DemoSeeder.ACCOUNTS)));
    }

    @Test
    void missingAnnouncedSeeders() {
        assertEquals(Set.of("service"), DemoSteps.missing(Set.of("company", "service"), Set.of("company", "other")));
    }
}
