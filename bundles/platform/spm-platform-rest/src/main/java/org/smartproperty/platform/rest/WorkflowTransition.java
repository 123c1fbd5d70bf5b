package org.smartproperty.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as transition {@link #value} of a workflow kernel table (issue 10
 * item 2): {@code POST {id}/<name>} with If-Match and a JSON body. {@link #table} is the class
 * that declares the table as a {@code public static final TransitionTable} field (e.g.
 * {@code ComplaintWorkflow}). {@code /api/v1/openapi.json} shows the transition's source and target
 * states, parties, permission and required inputs as {@code x-spm-*} extensions and in the
 * description; {@link WorkflowEndpoints#problems} checks a resource against its table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowTransition {

    Class<?> table();

    /** The transition's name in the table, also the last path segment. */
    String value();
}
