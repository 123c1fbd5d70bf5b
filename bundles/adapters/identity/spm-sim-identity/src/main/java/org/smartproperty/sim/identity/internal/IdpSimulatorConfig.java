package org.smartproperty.sim.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.identity}: the gd-tyrz simulator (development only, INT-IDP). */
@ObjectClassDefinition(id = "org.smartproperty.sim.identity", name = "SmartProperty identity-provider simulator (gd-tyrz)",
        description = "Simulated Guangdong unified identity authentication for development and tests. Never in production.")
public @interface IdpSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8182;

    @AttributeDefinition(description = "Address to listen on (loopback by default; 0.0.0.0 for every interface)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Path prefix: /tif (default), /pscp, or another path starting with '/'")
    String prefix() default "/tif";

    @AttributeDefinition(description = "The client id the simulator accepts")
    String clientId() default "spm-dev";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The client secret it checks; empty = any secret")
    String clientSecret() default "";
}
