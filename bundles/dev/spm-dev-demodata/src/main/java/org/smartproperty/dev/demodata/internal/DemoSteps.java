package org.smartproperty.dev.demodata.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.smartproperty.dev.demodata.DemoSeeder;

/**
 * The order of the demo-data steps: the seeders by the names they run {@link DemoSeeder#after() after}, and the
 * demo accounts ({@link DemoSeeder#ACCOUNTS}) after every seeder that does not need them. Deterministic: among the
 * steps that may run, the first by name runs first. Names no step has are ignored (that domain is not installed);
 * a cycle is broken by name order.
 */
final class DemoSteps {

    private DemoSteps() {
    }

    /**
     * @param seeders the seeders still to run, by name
     * @param withAccounts whether the accounts step is still to run
     * @return the step names in order ({@link DemoSeeder#ACCOUNTS} for the accounts)
     */
    static List<String> order(Map<String, ? extends DemoSeeder> seeders, boolean withAccounts) {
        Map<String, Set<String>> before = new TreeMap<>(); // step -> the steps that must run before it
        for (DemoSeeder s : seeders.values()) {
            Set<String> deps = new TreeSet<>();
            for (String a : s.after()) {
                if (seeders.containsKey(a) && !a.equals(s.name())) {
                    deps.add(a);
                } else if (a.equals(DemoSeeder.ACCOUNTS) && withAccounts) {
                    deps.add(a);
                }
            }
            before.put(s.name(), deps);
        }
        if (withAccounts) {
            Set<String> deps = new TreeSet<>();
            Map<String, Boolean> memo = new HashMap<>();
            for (String name : seeders.keySet()) {
                if (!needsAccounts(name, before, memo, new HashSet<>())) {
                    deps.add(name);
                }
            }
            before.put(DemoSeeder.ACCOUNTS, deps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < before.size()) {
            String next = null;
            for (Map.Entry<String, Set<String>> e : before.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
                    next = e.getKey();
                    break;
                }
            }
            if (next == null) { // a cycle: the first remaining by name
                next = before.keySet().stream().filter(k -> !done.contains(k)).findFirst().orElseThrow();
            }
            order.add(next);
            done.add(next);
        }
        return order;
    }

    private static boolean needsAccounts(String step, Map<String, Set<String>> before, Map<String, Boolean> memo, Set<String> visiting) {
        if (step.equals(DemoSeeder.ACCOUNTS)) {
            return true;
        }
        Boolean known = memo.get(step);
        if (known != null) {
            return known;
        }
        if (!visiting.add(step)) {
            return false;
        }
        boolean needs = false;
        for (String d : before.getOrDefault(step, Set.of())) {
            needs |= needsAccounts(d, before, memo, visiting);
        }
        memo.put(step, needs);
        return needs;
    }

    /** The names in {@code expected} that are not in {@code present}, sorted. */
    static Set<String> missing(Collection<String> expected, Collection<String> present) {
        Set<String> m = new TreeSet<>(expected);
        m.removeAll(present);
        return m;
    }
}
