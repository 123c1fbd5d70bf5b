package org.smartproperty.inspection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.inspection} (etc/org.smartproperty.inspection.cfg); changes apply without a restart
 * ({@code @Modified}). A configuration weaker than DR-2 (fewer than 2 inspectors per object) is refused and logged.
 */
@ObjectClassDefinition(name = "SmartProperty double-random inspections")
public @interface InspectionConfig {

    @AttributeDefinition(description = "Fewest inspectors a task may draw per object (DR-2: at least 2; 2..10)")
    int inspectorsPerObject_minimum() default 2;

    @AttributeDefinition(description = "A former employer is a conflict of interest while the employment ended within this many years before the draw date (0..50)")
    int formerEmployer_years() default 3;
}
