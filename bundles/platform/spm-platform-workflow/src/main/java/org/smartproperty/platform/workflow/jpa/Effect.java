package org.smartproperty.platform.workflow.jpa;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.workflow.CaseRecord;

/**
 * What a domain does in a transition besides what its table declares (domain fields, checks of
 * its own such as a reopen window, reassignments, notices): runs after the kernel's checks, before
 * the attachments, the deadline step and the status change, in the same transaction. An exception
 * rolls everything back.
 */
@ConsumerType
@FunctionalInterface
public interface Effect<S extends Enum<S>, C extends CaseRecord<S>> {

    void apply(Step<S, C> step, C item);

    /** Nothing besides the table's declarations. */
    static <S extends Enum<S>, C extends CaseRecord<S>> Effect<S, C> none() {
        return (step, item) -> {
        };
    }
}
