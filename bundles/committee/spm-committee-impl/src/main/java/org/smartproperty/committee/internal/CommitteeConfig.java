package org.smartproperty.committee.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.committee}. Values that break rule OC-1 (5–11 members, an odd
 * number) or OC-2 (filing within 30 days) are refused as a whole: the refusal is logged and the
 * rules in force stay; see {@link CommitteeRules}.
 */
@ObjectClassDefinition(name = "SmartProperty owners' committees")
public @interface CommitteeConfig {

    @AttributeDefinition(description = "Fewest members of a committee (odd, ≥ 5, rule OC-1)")
    int members_min() default 5;

    @AttributeDefinition(description = "Most members of a committee (odd, ≤ 11, rule OC-1)")
    int members_max() default 11;

    @AttributeDefinition(description = "Days after the election within which the filing is due (1..30, rule OC-2)")
    int filing_deadlineDays() default 30;

    @AttributeDefinition(description = "Days before the term ends from which the committee is due for a reminder (1..366, OC-2)")
    int reminder_leadDays() default 60;
}
