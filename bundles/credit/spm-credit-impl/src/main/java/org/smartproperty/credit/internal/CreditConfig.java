package org.smartproperty.credit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.credit} (etc/org.smartproperty.credit.cfg); changes apply without a restart ({@code @Modified}).
 * The defaults are DOMAIN-RULES.md's CRD-2 and CRD-3; a configuration that breaks them (bands not descending, no band at 0)
 * is refused and logged, the one in force stays.
 */
@ObjectClassDefinition(name = "SmartProperty credit", description = "Company credit rating (SUP-CO-3, CRD-1..5)")
public @interface CreditConfig {

    @AttributeDefinition(description = "CRD-3 grade bands, best first: GRADE=lowest score; the last band (at 0) is the lowest "
            + "grade, which is blacklisted (CRD-5)")
    String gradeBands() default "AAA=85,AA=80,A=70,B=60,C=0";

    @AttributeDefinition(description = "CRD-2 default validity of a record in months (1..120)")
    int validityMonths() default 12;

    @AttributeDefinition(description = "CRD-1 caps of the verified base score per category: CATEGORY=points")
    String baseCaps() default "QUALIFICATION=40,STAFF=30,AWARD=20";

    @AttributeDefinition(description = "How often the job credit.signals turns other domains' signals into records (seconds, 1..3600)")
    int signalPeriodSeconds() default 10;
}
