package org.smartproperty.sim.govidentity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.govidentity}: the 粤政易 (gd-zwy) simulator (development only, issue 12 item 6). */
@ObjectClassDefinition(id = "org.smartproperty.sim.govidentity", name = "SmartProperty 粤政易 simulator (gd-zwy)",
        description = "Simulated 粤政易 (WeCom-style login behind the provincial x-tif gateway) for development and tests. Never in production.")
public @interface ZwySimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8186;

    @AttributeDefinition(description = "Address to listen on (loopback by default; 0.0.0.0 for every interface)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "The corpid (appid) the simulator accepts")
    String corpId() default "spm-dev-corp";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The corpsecret it checks; empty = any secret")
    String corpSecret() default "spm-dev-corp-secret";

    @AttributeDefinition(description = "The agentid the authorize page accepts")
    String agentId() default "1000001";

    @AttributeDefinition(description = "The gateway client id (x-tif-paasid) it accepts")
    String paasId() default "spm-dev";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The gateway token of that paasid, the key of x-tif-signature")
    String paasToken() default "spm-dev-paas-token";

    @AttributeDefinition(description = "Lifetime of an access_token in seconds (WeCom: 7200)", min = "1")
    long tokenTtlSeconds() default 7200;

    @AttributeDefinition(description = "Allowed distance of x-tif-timestamp from the simulator's clock, seconds", min = "1")
    int timestampWindowSeconds() default 300;
}
