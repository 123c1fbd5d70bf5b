package org.smartproperty.platform.workflow;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The domain's answer to "is this caller that party of this item" (the kernel asks it for the
 * parties a transition names). {@code item} is the domain's own record of the item.
 */
@ConsumerType
@FunctionalInterface
public interface PartyCheck<C> {

    boolean is(SpmPrincipal caller, C item, Party party);
}
