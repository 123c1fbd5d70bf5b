package org.smartproperty.deadline;

import java.time.Instant;

/** A WARNING (SLA-3, at the warning ratio of the limit) or an OVERDUE escalation (the deadline passed) of one deadline. */
public record Escalation(Kind kind, Deadline deadline, Instant raisedAt) {

    public enum Kind { WARNING, OVERDUE }
}
