package org.smartproperty.service.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.service}. A configuration with a value below 1 (or an auto-confirm
 * later than the reopen window) is refused as a whole: the refusal is logged and the settings in
 * force stay.
 */
@ObjectClassDefinition(name = "SmartProperty repairs and patrols")
public @interface ServiceConfig {

    @AttributeDefinition(description = "Days after the completion within which the requester may reopen a repair (≥ 1)")
    int reopen_windowDays() default 15;

    @AttributeDefinition(description = "Days after the completion after which a repair the requester has not confirmed is confirmed automatically (≥ 1, ≤ reopen.windowDays)")
    int autoConfirm_days() default 7;

    @AttributeDefinition(description = "Minutes between two runs of the auto-confirm job (≥ 1)")
    int autoConfirm_intervalMinutes() default 60;
}
