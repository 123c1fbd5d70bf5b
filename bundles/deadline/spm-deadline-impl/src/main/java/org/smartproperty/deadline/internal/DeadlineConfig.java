package org.smartproperty.deadline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.deadline}. A configuration that fails validation ({@link EngineSettings#of})
 * is refused as a whole: the refusal is logged with every problem and the settings in force stay.
 */
@ObjectClassDefinition(name = "SmartProperty deadlines (SLA-1..4)")
public @interface DeadlineConfig {

    @AttributeDefinition(description = "Seconds between two runs of the deadline monitor (5..86400)")
    int monitor_intervalSeconds() default 60;

    @AttributeDefinition(description = "Whether this node runs the monitor at all (one node at a time runs it anyway)")
    boolean monitor_enabled() default true;

    @AttributeDefinition(description = "Office hours of a working day: ascending, non-overlapping HH:mm-HH:mm periods, comma-separated")
    String officeHours() default "09:00-12:00,14:00-18:00";

    @AttributeDefinition(description = "Time zone of the calendar (IANA id)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Warning ratio of a new time limit when none is given (0 < ratio < 1, SLA-3)")
    double warningRatio() default 0.75;
}
