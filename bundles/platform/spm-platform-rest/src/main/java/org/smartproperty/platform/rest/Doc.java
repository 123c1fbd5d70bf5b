package org.smartproperty.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a resource method in {@code /api/v1/openapi.json}: a one-line summary, optionally a
 * longer description and the requirement IDs it implements ({@code SUP-EST-1}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Doc {

    String summary();

    String description() default "";

    /** Requirement IDs of ../shared/REQUIREMENTS.md that this operation serves. */
    String[] requirements() default {};
}
