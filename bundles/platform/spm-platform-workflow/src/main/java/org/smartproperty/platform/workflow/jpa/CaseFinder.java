package org.smartproperty.platform.workflow.jpa;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.security.SpmPrincipal;

/** The domain's lookup of one item in the caller's scope: the item, or a 404 {@code ApiException} (also when out of scope). */
@ConsumerType
@FunctionalInterface
public interface CaseFinder<C> {

    C find(EntityManager em, SpmPrincipal caller, long id);
}
