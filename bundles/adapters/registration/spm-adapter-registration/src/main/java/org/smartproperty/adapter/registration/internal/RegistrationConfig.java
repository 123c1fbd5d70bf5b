package org.smartproperty.adapter.registration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.adapter.registration}: where the Zhuhai real-estate registration
 * system answers (INT-REG). Required: without it no TitleRegistry runs and verification answers 503.
 * The dev profile (feature spm-dev) points it at the simulator.
 */
@ObjectClassDefinition(id = "org.smartproperty.adapter.registration", name = "SmartProperty real-estate registration adapter")
public @interface RegistrationConfig {

    @AttributeDefinition(description = "Base URL of the registration system's title service (the simulator in development: http://127.0.0.1:8184)")
    String baseUrl();

    @AttributeDefinition(description = "API key sent as X-Api-Key", type = AttributeType.PASSWORD)
    String apiKey() default "";

    @AttributeDefinition(description = "Connect timeout, milliseconds", min = "100")
    int connectTimeoutMillis() default 3000;

    @AttributeDefinition(description = "Timeout of one verification request, milliseconds", min = "100")
    int requestTimeoutMillis() default 10000;

    @AttributeDefinition(description = "Name of the registry recorded with each verification")
    String source() default "ZH-BDC";
}
