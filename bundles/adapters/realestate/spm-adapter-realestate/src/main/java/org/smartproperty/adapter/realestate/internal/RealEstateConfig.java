package org.smartproperty.adapter.realestate.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.adapter.realestate}: where the real-estate information system answers (INT-RE). */
@ObjectClassDefinition(id = "org.smartproperty.adapter.realestate", name = "SmartProperty real-estate system adapter")
public @interface RealEstateConfig {

    @AttributeDefinition(description = "Base URL of the change feed (the simulator in development)")
    String baseUrl() default "http://localhost:8183";

    @AttributeDefinition(description = "Records per page (one page = one transaction of the sync)", min = "1", max = "10000")
    int pageSize() default 5000;

    @AttributeDefinition(description = "Connect timeout, seconds", min = "1")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Timeout of one page request, seconds", min = "1")
    int requestTimeoutSeconds() default 60;
}
