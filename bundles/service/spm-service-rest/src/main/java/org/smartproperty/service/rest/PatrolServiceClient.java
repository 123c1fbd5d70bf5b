package org.smartproperty.service.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.platform.ApiException;
import org.smartproperty.service.PatrolService;

/** Base of the patrol resources: dynamic optional reference, 503 while the impl is swapped. */
abstract class PatrolServiceClient {

    // protected, not private: Felix SCR injects a field declared in a superclass only when it is accessible
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile PatrolService patrolService;

    protected PatrolService patrols() {
        return ApiException.requireAvailable(patrolService, "patrol");
    }
}
