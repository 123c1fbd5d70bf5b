package org.smartproperty.sim.wechat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.wechat}: the WeChat API simulator (development only, INT-WX). */
@ObjectClassDefinition(id = "org.smartproperty.sim.wechat", name = "SmartProperty WeChat API simulator",
        description = "Simulated WeChat mini program server API (jscode2session, stable_token, subscribe/send) for development and tests. Never in production.")
public @interface WechatSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8188;

    @AttributeDefinition(description = "Address to listen on (loopback by default)")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "The mini program's appid callers must send")
    String appId() default WechatSimulator.DEFAULT_APP_ID;

    @AttributeDefinition(description = "The app secret callers must send")
    String secret() default WechatSimulator.DEFAULT_SECRET;

    @AttributeDefinition(description = "Lifetime of an access token, seconds", min = "1")
    int tokenTtlSeconds() default 7200;

    @AttributeDefinition(description = "Behaviour: NORMAL, DOWN, ERROR, SLOW or BUSY (also switchable by POST /sim/mode?mode=)")
    String mode() default "NORMAL";

    @AttributeDefinition(description = "How long SLOW waits before answering, milliseconds", min = "0")
    long slowMillis() default 30000;
}
