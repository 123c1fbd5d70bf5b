package org.smartproperty.complaint.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.complaint}. A configuration with a value below 1 is refused as a
 * whole: the refusal is logged and the settings in force stay.
 */
@ObjectClassDefinition(name = "SmartProperty complaints")
public @interface ComplaintConfig {

    @AttributeDefinition(description = "Days after the result within which the complainant may reopen a complaint (≥ 1)")
    int reopen_windowDays() default 15;

    @AttributeDefinition(description = "Days after the result after which a complaint the complainant has not confirmed is closed automatically (≥ 1)")
    int autoClose_days() default 7;

    @AttributeDefinition(description = "Minutes between two runs of the auto-close job (≥ 1)")
    int autoClose_intervalMinutes() default 60;
}
