package org.smartproperty.platform.workflow;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the kernel needs of a domain's item (usually its JPA entity): id, number, status and its
 * time, the optimistic-lock version, and a way to move it. The kernel calls
 * {@link #moveTo} after the transition's checks and effects, in the same transaction.
 */
@ConsumerType
public interface CaseRecord<S extends Enum<S>> {

    long caseId();

    /** The item's number shown to people (TS-2026-000001), may be null. */
    String caseNumber();

    S caseStatus();

    Instant caseStatusChangedAt();

    long caseVersion();

    /** Sets the status, the time of the change and who changed it. */
    void moveTo(S status, Instant at, String actor);
}
