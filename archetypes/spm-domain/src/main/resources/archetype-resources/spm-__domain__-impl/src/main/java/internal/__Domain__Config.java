package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code ${package}} (etc/${package}.cfg); changes apply without a restart ({@code @Modified}). */
@ObjectClassDefinition(name = "SmartProperty ${labelEn}")
public @interface ${Domain}Config {

    @AttributeDefinition(description = "Shortest title accepted (1..${Domain}.TITLE_MAX)")
    int title_minLength() default 1;
}
