package org.smartproperty.sim.registration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.registration}: the registration system simulator (development only, INT-REG). */
@ObjectClassDefinition(id = "org.smartproperty.sim.registration", name = "SmartProperty real-estate registration simulator",
        description = "Simulated Zhuhai real-estate registration system (title verification) answering from the demo data set. Never in production.")
public @interface RegistrationSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8184;

    @AttributeDefinition(description = "Address to listen on (loopback by default)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "API key callers must send in X-Api-Key; empty = none required")
    String apiKey() default "spm-dev-registration";

    @AttributeDefinition(description = "Behaviour: NORMAL, DOWN, SLOW, ERROR or MALFORMED (also switchable by POST /sim/mode?mode=)")
    String mode() default "NORMAL";

    @AttributeDefinition(description = "How long SLOW waits before answering, milliseconds", min = "0")
    long slowMillis() default 30000;
}
