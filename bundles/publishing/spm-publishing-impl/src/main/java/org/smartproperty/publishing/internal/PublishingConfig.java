package org.smartproperty.publishing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.publishing} (etc/org.smartproperty.publishing.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty Publishing")
public @interface PublishingConfig {

    @AttributeDefinition(description = "Seconds between two runs of the job publishing.schedule (scheduled publication and expiry), 5..3600")
    int schedule_periodSeconds() default 30;
}
