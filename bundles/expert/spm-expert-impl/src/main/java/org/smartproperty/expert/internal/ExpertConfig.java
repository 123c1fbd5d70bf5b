package org.smartproperty.expert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.expert} (etc/org.smartproperty.expert.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty expert")
public @interface ExpertConfig {

    @AttributeDefinition(description = "Shortest title accepted (1..Expert.TITLE_MAX)")
    int title_minLength() default 1;
}
