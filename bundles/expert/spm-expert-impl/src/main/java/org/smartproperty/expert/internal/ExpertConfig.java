package org.smartproperty.expert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.expert} (etc/org.smartproperty.expert.cfg); changes apply without a restart
 * ({@code @Modified}). The draw's rules (SUP-EX-3, TND-5; local variant: drawn.ratio 4/5).
 */
@ObjectClassDefinition(name = "SmartProperty expert")
public @interface ExpertConfig {

    @AttributeDefinition(name = "panel.min", description = "Smallest panel (TND-5: 5); the panel must also be odd")
    int panel_min() default 5;

    @AttributeDefinition(name = "drawn.ratio", description = "Least share of drawn experts in the panel, numerator/denominator (TND-5: 2/3; local variant 4/5)")
    String drawn_ratio() default "2/3";

    @AttributeDefinition(name = "reserves.min", description = "Fewest reserves drawn with a panel")
    int reserves_min() default 2;

    @AttributeDefinition(name = "confirm.hours", description = "Hours a drawn expert has to confirm (SUP-EX-4), default of a draw")
    int confirm_hours() default 24;

    @AttributeDefinition(name = "conflict.formerEmployerYears", description = "Years after leaving a company during which a former employee still has an interest in it")
    int conflict_formerEmployerYears() default 3;

    @AttributeDefinition(name = "confirmations.intervalSeconds", description = "Period of the job expert.confirmations (timeouts → reserves)")
    int confirmations_intervalSeconds() default 60;
}
