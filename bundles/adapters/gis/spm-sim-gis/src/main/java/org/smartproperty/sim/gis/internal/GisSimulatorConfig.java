package org.smartproperty.sim.gis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.gis}: the WMTS base-map simulator (development only, INT-GIS). */
@ObjectClassDefinition(id = "org.smartproperty.sim.gis", name = "SmartProperty one-map WMTS simulator",
        description = "Simulated Zhuhai one-map WebGIS base map (Tianditu-style WMTS, generated tiles) for development and tests. Never in production.")
public @interface GisSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8187;

    @AttributeDefinition(description = "Address to listen on (loopback by default)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Key callers must send in tk; empty = none required")
    String key() default "spm-dev-gis";

    @AttributeDefinition(description = "Behaviour: NORMAL, DOWN, ERROR or SLOW (also switchable by POST /sim/mode?mode=)")
    String mode() default "NORMAL";

    @AttributeDefinition(description = "How long SLOW waits before answering, milliseconds", min = "0")
    long slowMillis() default 30000;
}
