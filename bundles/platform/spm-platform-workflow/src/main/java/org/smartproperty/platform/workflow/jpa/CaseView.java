package org.smartproperty.platform.workflow.jpa;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.security.SpmPrincipal;

/** The domain's DTO of an item after a transition, in the same transaction. */
@ConsumerType
@FunctionalInterface
public interface CaseView<C, R> {

    R view(EntityManager em, SpmPrincipal caller, C item);
}
