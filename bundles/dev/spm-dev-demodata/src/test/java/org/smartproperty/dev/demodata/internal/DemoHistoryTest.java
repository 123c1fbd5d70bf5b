package org.smartproperty.dev.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.DemoHistory;
import org.smartproperty.dev.demodata.DemoHistory.Phase;

/** The ages of the demo cases (issue 11 item 2): a year of finished ones, recent open ones, some past any limit. */
class DemoHistoryTest {

    static List<Phase> mix(int n) {
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            phases.add(i % 3 == 0 ? Phase.FINISHED : i % 3 == 1 ? Phase.OPEN : Phase.AWAITING);
        }
        return phases;
    }

    @Test
    void finishedCasesSpreadOverTheYearOldestFirst() {
        List<Phase> phases = mix(30);
        List<Duration> ages = DemoHistory.ages(phases);
        List<Duration> finished = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i) == Phase.FINISHED) {
                finished.add(ages.get(i));
            }
        }
        assertTrue(finished.get(0).compareTo(finished.get(finished.size() - 1)) > 0, "the first created is the oldest");
        long spread = finished.get(0).minus(finished.get(finished.size() - 1)).toDays();
        assertTrue(spread >= 300, spread + " days");
        assertTrue(finished.stream().allMatch(a -> a.toDays() >= 14 && a.toDays() <= 366), finished.toString());
        // even two finished cases span the year
        List<Duration> two = DemoHistory.ages(List.of(Phase.FINISHED, Phase.FINISHED));
        assertTrue(two.get(0).minus(two.get(1)).toDays() >= 300);
    }

    @Test
    void awaitingCasesAreOneToFiveDaysOldOpenOnesFreshNearAndPastTheirLimit() {
        List<Phase> phases = mix(40);
        List<Duration> ages = DemoHistory.ages(phases);
        List<Duration> open = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i) == Phase.AWAITING) {
                assertTrue(ages.get(i).toHours() >= 24 && ages.get(i).toHours() < 5 * 24, ages.get(i).toString());
            } else if (phases.get(i) == Phase.OPEN) {
                open.add(ages.get(i));
            }
        }
        assertTrue(open.stream().anyMatch(a -> a.toHours() < 24), "fresh");
        assertTrue(open.stream().anyMatch(a -> a.toDays() >= 12 && a.toDays() <= 14), "10 working days: near the deadline");
        assertTrue(open.stream().anyMatch(a -> a.toDays() >= 45), "past any default limit but the 45-day major repair");
        assertTrue(open.stream().anyMatch(a -> a.toDays() >= 80), "past every default limit");
    }

    @Test
    void deterministic() {
        assertEquals(DemoHistory.ages(mix(25)), DemoHistory.ages(mix(25)));
    }

    @Test
    void someOpenCasesAreMeantNearTheirDeadlineAndStartBeforeIt() {
        List<Phase> phases = mix(40);
        List<Boolean> near = DemoHistory.near(phases);
        List<Duration> spans = new ArrayList<>();
        phases.forEach(p -> spans.add(Duration.ofDays(14)));
        List<Duration> ages = DemoHistory.ages(phases, spans);
        int n = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (near.get(i)) {
                n++;
                assertEquals(Phase.OPEN, phases.get(i));
                assertTrue(ages.get(i).compareTo(Duration.ofDays(14)) < 0, "before its due time, stepped back from there by the seeder");
            }
        }
        assertTrue(n >= 2, n + " near");
        assertTrue(ages.stream().anyMatch(a -> a.compareTo(Duration.ofDays(14)) > 0), "some past their deadline");
    }
}
