package org.smartproperty.deadline;

import java.time.Instant;

/**
 * The time limit of one category of a domain (SLA-1, SLA-4): e.g. complaint/ENQUIRY = 2
 * WORKING_DAYS. {@code pausable}: the clock may stop while waiting for the complainant;
 * {@code warningRatio}: the share of the limit after which the WARNING is raised (SLA-3, 0.75).
 */
public record TimeLimit(String domain, String category, int amount, LimitUnit unit, boolean pausable,
                        double warningRatio, String description, String updatedBy, Instant updatedAt, long version) {
}
