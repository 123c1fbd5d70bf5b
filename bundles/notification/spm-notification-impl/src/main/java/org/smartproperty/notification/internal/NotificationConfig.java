package org.smartproperty.notification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.notification}: the SMS outbox dispatcher (INT-SMS) and the receipt endpoint. */
@ObjectClassDefinition(id = "org.smartproperty.notification", name = "SmartProperty notifications and SMS outbox (INT-SMS)")
public @interface NotificationConfig {

    @AttributeDefinition(description = "Dispatch queued SMS (false: messages stay QUEUED)")
    boolean enabled() default true;

    @AttributeDefinition(description = "Milliseconds between dispatcher passes", min = "10")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "Rows claimed per pass", min = "1")
    int batchSize() default 50;

    @AttributeDefinition(description = "Parallel provider calls", min = "1")
    int sendThreads() default 4;

    @AttributeDefinition(description = "Provider calls per message before it is FAILED", min = "1")
    int maxAttempts() default 6;

    @AttributeDefinition(description = "First retry delay (seconds); doubles per attempt", min = "1")
    long backoffBaseSeconds() default 30;

    @AttributeDefinition(description = "Longest retry delay (seconds)", min = "1")
    long backoffMaxSeconds() default 1800;

    @AttributeDefinition(description = "Seconds after an unknown outcome (timeout, 5xx) before the provider is asked by outId", min = "1")
    long reconcileDelaySeconds() default 60;

    @AttributeDefinition(description = "A row SENDING longer than this (seconds) lost its dispatcher (crash) and is reconciled; "
            + "must exceed the adapter's request timeout", min = "1")
    long staleSendingSeconds() default 300;

    @AttributeDefinition(description = "SMS per number and minute (0 = no limit); more are deferred, never dropped", min = "0")
    int perMinute() default 1;

    @AttributeDefinition(description = "SMS per number and hour (0 = no limit)", min = "0")
    int perHour() default 5;

    @AttributeDefinition(description = "SMS per number and day (0 = no limit)", min = "0")
    int perDay() default 10;

    @AttributeDefinition(description = "Health sms-outbox: WARNING from this many unsent messages")
    long warnBacklog() default 500;

    @AttributeDefinition(description = "Health sms-outbox: DOWN from this many unsent messages")
    long criticalBacklog() default 5000;

    @AttributeDefinition(description = "Health sms-outbox: WARNING when the oldest unsent message is older (minutes)")
    long warnAgeMinutes() default 15;

    @AttributeDefinition(description = "Health sms-outbox: DOWN when the oldest unsent message is older (minutes)")
    long criticalAgeMinutes() default 120;

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Shared token the provider's receipt push must carry "
            + "(?token= or header X-SPM-Receipt-Token); empty = receipts refused")
    String receiptToken() default "";
}
