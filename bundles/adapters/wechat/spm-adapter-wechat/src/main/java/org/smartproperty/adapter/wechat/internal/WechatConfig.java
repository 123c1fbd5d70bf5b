package org.smartproperty.adapter.wechat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.adapter.wechat}: the WeChat mini program (INT-WX, issue 18) — who we are to WeChat, where
 * its API answers, and the subscription-message templates per message kind. The secret: the environment variable
 * {@code SPM_WECHAT_SECRET}, else the file {@code secretFile}, else {@code secret}. Changes apply without a restart
 * ({@code @Modified}).
 */
@ObjectClassDefinition(id = "org.smartproperty.adapter.wechat", name = "SmartProperty WeChat mini program",
        description = "WeChat mini program server API (微信小程序): login (jscode2session), access token, subscription messages (订阅消息).")
public @interface WechatConfig {

    @AttributeDefinition(description = "The mini program's appid (wx…); empty = the adapter registers nothing (no WeChat login, no WECHAT channel)")
    String appId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "The app secret (AppSecret); SPM_WECHAT_SECRET in the environment or secretFile override it")
    String secret() default "";

    @AttributeDefinition(description = "A file (mode 600, owned by the Karaf user) holding the app secret on its first line; used when "
            + "SPM_WECHAT_SECRET is not set")
    String secretFile() default "";

    @AttributeDefinition(description = "Base URL of WeChat's API (the simulator in development: http://127.0.0.1:8188)")
    String baseUrl() default "https://api.weixin.qq.com";

    @AttributeDefinition(description = "Connect timeout, milliseconds", min = "100", max = "60000")
    int connectTimeoutMillis() default 3000;

    @AttributeDefinition(description = "Timeout of one call (connect + answer), milliseconds", min = "100", max = "120000")
    int requestTimeoutMillis() default 5000;

    @AttributeDefinition(description = "An access token is renewed this long before WeChat says it expires, seconds", min = "0")
    int tokenRefreshMarginSeconds() default 300;

    @AttributeDefinition(description = "Subscription-message templates, one entry per message kind: "
            + "<KIND>=<template id>;<field>=<parameter>;<field>=<parameter>… e.g. "
            + "REPAIR_DONE=tmplRepair01;character_string1=no;phrase2=@done — a field takes the kind's parameter of that name, "
            + "or the text after '@' from the messages of the adapter (wechat.value.<text>) in the template's language. "
            + "Kinds without an entry are not sent to WeChat")
    String[] templates() default {};

    @AttributeDefinition(description = "The mini program page a message opens; the notification's link is appended as ?link=<link>")
    String page() default "pages/notifications/index";

    @AttributeDefinition(description = "miniprogram_state sent with the messages: formal, trial or developer")
    String miniprogramState() default "formal";

    @AttributeDefinition(description = "lang sent with the messages (zh_CN, zh_TW, en_US, zh_HK) and the language of '@' values")
    String lang() default "zh_CN";
}
