package org.smartproperty.vote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.vote} (etc/org.smartproperty.vote.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty Owners' votes")
public @interface VoteConfig {

    @AttributeDefinition(description = "VOTE-8: days between the notice and the start of voting; at least 15 (a lower value is refused and logged)")
    int notice_days() default 15;

    @AttributeDefinition(description = "VOTE-5: unsold houses held by the developer: EACH_HOUSE_ONE_HEAD, DEVELOPER_ONE_HEAD or EXCLUDED (frozen per vote when it opens)")
    String developer_unsold() default "EACH_HOUSE_ONE_HEAD";

    @AttributeDefinition(description = "Period of the job vote.clock (opens noticed votes at their start, closes open ones at their deadline), seconds")
    int clock_seconds() default 60;
}
