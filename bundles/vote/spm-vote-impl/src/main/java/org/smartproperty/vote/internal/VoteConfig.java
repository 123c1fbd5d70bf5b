package org.smartproperty.vote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.vote} (etc/org.smartproperty.vote.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty Owner votes")
public @interface VoteConfig {

    @AttributeDefinition(description = "Shortest title accepted (1..Vote.TITLE_MAX)")
    int title_minLength() default 1;
}
