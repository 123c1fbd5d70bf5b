package org.smartproperty.analytics.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.analytics.AnalyticsService;
import org.smartproperty.platform.ApiException;

/**
 * Base of the analytics resources. The reference is dynamic and optional: while the impl bundle is swapped the
 * resources stay registered (the /api/v1 application is not rebuilt) and answer 503 until the service is back.
 */
abstract class AnalyticsServiceClient {

    // protected, not private: Felix SCR injects a field declared in a superclass of the component
    // class only when it is accessible from the subclass ("Suitable but non-accessible field").
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile AnalyticsService analyticsService;

    protected AnalyticsService service() {
        return ApiException.requireAvailable(analyticsService, "analytics");
    }
}
