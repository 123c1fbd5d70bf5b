package org.smartproperty.committee.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The committee rules in force (OC-1, OC-2), validated: a configuration may make them stricter,
 * never weaker than the rule (members 5–11 and odd, filing within 30 days).
 */
record CommitteeRules(int minMembers, int maxMembers, int filingDeadlineDays, int reminderLeadDays) {

    static final int RULE_MIN = 5;
    static final int RULE_MAX = 11;
    static final int RULE_DEADLINE_DAYS = 30;
    static final CommitteeRules DEFAULTS = new CommitteeRules(RULE_MIN, RULE_MAX, RULE_DEADLINE_DAYS, 60);

    /** @throws IllegalArgumentException naming every value that breaks a rule */
    static CommitteeRules of(int min, int max, int deadlineDays, int leadDays) {
        List<String> bad = new ArrayList<>();
        check(bad, min >= RULE_MIN, "members.min ≥ " + RULE_MIN + " (OC-1), was " + min);
        check(bad, max <= RULE_MAX, "members.max ≤ " + RULE_MAX + " (OC-1), was " + max);
        check(bad, min % 2 == 1 && max % 2 == 1, "members.min and members.max odd (OC-1), were " + min + ", " + max);
        check(bad, min <= max, "members.min ≤ members.max, were " + min + ", " + max);
        check(bad, deadlineDays >= 1 && deadlineDays <= RULE_DEADLINE_DAYS, "filing.deadlineDays 1.." + RULE_DEADLINE_DAYS + " (OC-2), was " + deadlineDays);
        check(bad, leadDays >= 1 && leadDays <= 366, "reminder.leadDays 1..366, was " + leadDays);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("committee configuration refused: " + String.join(", ", bad));
        }
        return new CommitteeRules(min, max, deadlineDays, leadDays);
    }

    static CommitteeRules from(CommitteeConfig c) {
        return of(c.members_min(), c.members_max(), c.filing_deadlineDays(), c.reminder_leadDays());
    }

    boolean memberCountAllowed(int n) {
        return n >= minMembers && n <= maxMembers && n % 2 == 1;
    }

    private static void check(List<String> bad, boolean ok, String rule) {
        if (!ok) {
            bad.add(rule);
        }
    }
}
