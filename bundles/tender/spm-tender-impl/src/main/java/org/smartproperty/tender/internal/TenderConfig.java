package org.smartproperty.tender.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.tender} (etc/org.smartproperty.tender.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty tendering")
public @interface TenderConfig {

    @AttributeDefinition(description = "Shortest title accepted (1..Tender.TITLE_MAX)")
    int title_minLength() default 1;
}
