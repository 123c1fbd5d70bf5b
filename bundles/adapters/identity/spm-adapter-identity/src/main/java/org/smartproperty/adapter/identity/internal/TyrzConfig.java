package org.smartproperty.adapter.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.adapter.identity}: where the Guangdong unified identity
 * authentication platform (gd-tyrz, INT-IDP) is and who we are to it. The environment variable
 * {@code SPM_IDP_CLIENT_SECRET} overrides {@code clientSecret}.
 */
@ObjectClassDefinition(id = "org.smartproperty.adapter.identity", name = "SmartProperty identity provider gd-tyrz",
        description = "Guangdong unified identity authentication (广东省统一身份认证平台), public side: authorization code flow.")
public @interface TyrzConfig {

    @AttributeDefinition(description = "Gateway base URL (scheme://host[:port][/path]); the simulator listens on http://localhost:8182")
    String baseUrl() default "http://localhost:8182";

    @AttributeDefinition(description = "Path prefix of the gateway: /tif (default), /pscp, or another path starting with '/'")
    String prefix() default "/tif";

    @AttributeDefinition(description = "client_id issued to SmartProperty")
    String clientId() default "spm-dev";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "client_secret issued to SmartProperty; the environment variable SPM_IDP_CLIENT_SECRET overrides it")
    String clientSecret() default "";

    @AttributeDefinition(description = "Milliseconds allowed for each call to the gateway (connect + answer)", min = "100", max = "120000")
    int timeoutMs() default 5000;
}
