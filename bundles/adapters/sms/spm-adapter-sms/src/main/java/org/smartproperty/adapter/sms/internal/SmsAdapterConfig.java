package org.smartproperty.adapter.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** PID {@code org.smartproperty.adapter.sms}: which SMS provider sends, and its credentials (INT-SMS). */
@ObjectClassDefinition(id = "org.smartproperty.adapter.sms", name = "SmartProperty SMS provider adapter (INT-SMS)")
public @interface SmsAdapterConfig {

    @AttributeDefinition(description = "Provider", options = {@Option(value = "aliyun", label = "Alibaba Cloud SMS"),
            @Option(value = "tencent", label = "Tencent Cloud SMS")})
    String provider() default "aliyun";

    @AttributeDefinition(description = "Endpoint URL; empty = the provider's public endpoint (the simulator in development)")
    String endpoint() default "";

    @AttributeDefinition(description = "AccessKeyId (Alibaba) / SecretId (Tencent)")
    String accessKeyId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "AccessKeySecret (Alibaba) / SecretKey (Tencent)")
    String accessKeySecret() default "";

    @AttributeDefinition(description = "Registered SMS signature (签名)")
    String signName() default "横琴智慧物业";

    @AttributeDefinition(description = "Tencent SmsSdkAppId")
    String sdkAppId() default "";

    @AttributeDefinition(description = "Tencent region")
    String region() default "ap-guangzhou";

    @AttributeDefinition(description = "Connect timeout, seconds", min = "1")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(description = "Request timeout, seconds (a timeout is an UNKNOWN outcome, reconciled before any resend)", min = "1")
    int requestTimeoutSeconds() default 10;
}
