package org.smartproperty.service.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.platform.ApiException;
import org.smartproperty.service.RepairService;

/**
 * Base of the repair resource. The reference is dynamic and optional: while the impl bundle is
 * swapped the resource stays registered (the /api/v1 application is not rebuilt) and answers 503.
 */
abstract class RepairServiceClient {

    // protected, not private: Felix SCR injects a field declared in a superclass only when it is accessible
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile RepairService repairService;

    protected RepairService repairs() {
        return ApiException.requireAvailable(repairService, "repair");
    }
}
