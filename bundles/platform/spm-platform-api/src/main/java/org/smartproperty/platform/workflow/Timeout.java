package org.smartproperty.platform.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An automatic transition: items that stayed in the transition's source state longer than
 * {@code after} are moved by the platform (actor {@code system}), checked every {@code every}, as a
 * job named {@code jobName} on the platform's job runner. {@code transition} must be a transition
 * of the table that {@link Party#SYSTEM} may fire; {@code auditAction} is the audit action without
 * the domain prefix ({@code close} for an automatic close, so the audit trail reads like a manual one
 * marked {@code "automatic": true}). The suppliers are read at every run, so a changed
 * configuration applies at once.
 */
public record Timeout(String jobName, String transition, String auditAction, Supplier<Duration> after, Supplier<Duration> every) {

    public Timeout {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(auditAction, "auditAction");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(every, "every");
    }
}
