package org.smartproperty.tender.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.tender} (etc/org.smartproperty.tender.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty tendering")
public @interface TenderConfig {

    @AttributeDefinition(description = "How the result is computed from the seats' totals: TRIMMED_MEAN (drop the highest and the lowest "
            + "total per bidder when there are at least 5 seats) or MEAN")
    String evaluation_method() default "TRIMMED_MEAN";

    @AttributeDefinition(description = "Days the result is posted publicly before the award (local variant: 3..15)")
    int publicity_days() default 3;

    @AttributeDefinition(description = "Seconds between two runs of the jobs tender.publish and tender.bidding (5..3600)")
    int jobs_intervalSeconds() default 60;
}
