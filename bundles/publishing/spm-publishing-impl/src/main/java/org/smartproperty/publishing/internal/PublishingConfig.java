package org.smartproperty.publishing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.publishing} (etc/org.smartproperty.publishing.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty Publishing")
public @interface PublishingConfig {

    @AttributeDefinition(description = "Shortest title accepted (1..Publishing.TITLE_MAX)")
    int title_minLength() default 1;
}
