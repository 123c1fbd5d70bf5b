package org.smartproperty.company.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.company.CompanyService;
import org.smartproperty.platform.ApiException;

/**
 * Base of the company resources. The reference is dynamic and optional: while the impl bundle is
 * swapped in a maintenance window the resources stay registered (the /api/v1 application is not
 * rebuilt) and answer 503 until the new CompanyService is back.
 */
abstract class CompanyServiceClient {

    // protected, not private: Felix SCR injects a field declared in a superclass of the component
    // class only when it is accessible from the subclass ("Suitable but non-accessible field").
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile CompanyService companyService;

    protected CompanyService companies() {
        return ApiException.requireAvailable(companyService, "company");
    }
}
