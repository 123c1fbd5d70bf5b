package org.smartproperty.survey.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.survey} (etc/org.smartproperty.survey.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty Satisfaction surveys")
public @interface SurveyConfig {

    @AttributeDefinition(description = "Shortest title accepted (1..Survey.TITLE_MAX)")
    int title_minLength() default 1;

    @AttributeDefinition(description = "Owner respondents a company needs in a published survey before a score under 60 is a credit signal (SURVEY below60)")
    int credit_minRespondents() default 3;
}
