package org.smartproperty.assessment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.assessment} (etc/org.smartproperty.assessment.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty assessment", description = "The 100-point assessment (SUP-AS-1..3, COS-8, DIS-6)")
public @interface AssessmentConfig {

    @AttributeDefinition(description = "COS-8: companies that have not submitted (or must resubmit) are reminded this many days "
            + "before the round's due date (1..60), once per round")
    int reminder_leadDays() default 5;
}
