package org.smartproperty.sim.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.sim.sms}: the SMS provider simulator (development only, INT-SMS). */
@ObjectClassDefinition(id = "org.smartproperty.sim.sms", name = "SmartProperty SMS provider simulator",
        description = "Simulated Alibaba Cloud and Tencent Cloud SMS for development and demos. Never in production.")
public @interface SmsSimulatorConfig {

    @AttributeDefinition(description = "TCP port to listen on", min = "1", max = "65535")
    int port() default 8185;

    @AttributeDefinition(description = "Address to listen on")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "AccessKeyId / SecretId the simulator accepts")
    String accessKeyId() default "spm-dev";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Secret it checks signatures with; empty = signatures not checked")
    String accessKeySecret() default "spm-dev-secret";

    @AttributeDefinition(description = "Signature shown when a request names none")
    String signName() default "横琴智慧物业";

    @AttributeDefinition(description = "Receipt push URL ({provider} = aliyun / tencent); empty = no receipts")
    String receiptUrl() default "http://127.0.0.1:8181/api/v1/sms/receipts/{provider}";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Token sent with receipts (header X-SPM-Receipt-Token)")
    String receiptToken() default "spm-dev-receipts";

    @AttributeDefinition(description = "Seconds between taking a message and pushing its receipt", min = "0")
    int receiptDelaySeconds() default 5;

    @AttributeDefinition(description = "Minutes between receipt attempts after a failed push (Alibaba: 1, 5, 10)")
    int[] receiptRetryMinutes() default {1, 5, 10};
}
