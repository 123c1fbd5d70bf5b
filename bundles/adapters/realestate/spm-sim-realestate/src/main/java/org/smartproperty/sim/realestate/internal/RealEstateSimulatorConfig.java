package org.smartproperty.sim.realestate.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.realestate}: the real-estate system simulator (development only, INT-RE). */
@ObjectClassDefinition(id = "org.smartproperty.sim.realestate", name = "SmartProperty real-estate system simulator",
        description = "Simulated real-estate information system (building table change feed) for development and tests. Never in production.")
public @interface RealEstateSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8183;

    @AttributeDefinition(description = "Address to listen on (loopback by default)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Approximate number of houses (rounded up to whole projects of 720 houses)", min = "1")
    int houses() default 2000;
}
