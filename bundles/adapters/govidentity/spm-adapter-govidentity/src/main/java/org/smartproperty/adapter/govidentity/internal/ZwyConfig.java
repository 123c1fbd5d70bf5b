package org.smartproperty.adapter.govidentity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.adapter.govidentity}: where 粤政易 (gd-zwy, the government side's
 * WeCom-style login) and the provincial gateway in front of its API are, and who we are to them.
 * Required: without this configuration the provider is not registered. The environment variables
 * {@code SPM_ZWY_CORP_SECRET} and {@code SPM_ZWY_PAAS_TOKEN} override {@code corpSecret} and
 * {@code paasToken}.
 */
@ObjectClassDefinition(id = "org.smartproperty.adapter.govidentity", name = "SmartProperty identity provider gd-zwy (粤政易)",
        description = "粤政易, government side: regulator staff log in with their 粤政易 account (WeCom-style code flow through the provincial x-tif gateway).")
public @interface ZwyConfig {

    @AttributeDefinition(description = "Base URL of the provincial gateway in front of the 粤政易 API (scheme://host[:port][/path]);"
            + " the adapter calls {baseUrl}/cgi-bin/gettoken, /cgi-bin/user/getuserinfo, /cgi-bin/user/get")
    String baseUrl() default "http://localhost:8186";

    @AttributeDefinition(description = "The 粤政易 authorize page the browser is sent to (WeCom: https://open.weixin.qq.com/connect/oauth2/authorize)")
    String authorizeUrl() default "http://localhost:8186/connect/oauth2/authorize";

    @AttributeDefinition(description = "corpid of the 粤政易 organisation (appid of the authorize page)")
    String corpId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "corpsecret of SmartProperty's 粤政易 application; the environment variable SPM_ZWY_CORP_SECRET overrides it")
    String corpSecret() default "";

    @AttributeDefinition(description = "agentid of SmartProperty's 粤政易 application")
    String agentId() default "";

    @AttributeDefinition(description = "paasid the provincial gateway issued to SmartProperty (header x-tif-paasid)")
    String paasId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "The gateway's token for that paasid, key of x-tif-signature; the environment variable SPM_ZWY_PAAS_TOKEN overrides it")
    String paasToken() default "";

    @AttributeDefinition(description = "Milliseconds allowed to open a connection to the gateway", min = "100", max = "60000")
    int connectTimeoutMs() default 3000;

    @AttributeDefinition(description = "Milliseconds allowed for each call to the gateway (connect + answer)", min = "100", max = "120000")
    int requestTimeoutMs() default 5000;

    @AttributeDefinition(description = "Ask user/get for the name, mobile and department after getuserinfo")
    boolean fetchUserDetails() default true;
}
