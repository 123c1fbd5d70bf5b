package org.smartproperty.estate.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.ApiException;

/**
 * Base of the estate resources. The reference is dynamic and optional: while the impl bundle is
 * swapped in a maintenance window the resources stay registered (the /api/v1 application is not
 * rebuilt) and answer 503 until the new EstateService is back.
 */
abstract class EstateServiceClient {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile EstateService estateService; // not private: SCR injects fields of a base class only when accessible

    protected EstateService estates() {
        return ApiException.requireAvailable(estateService, "estate");
    }
}
