package org.smartproperty.publishing.rest;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.publishing.PublishingService;
import org.smartproperty.platform.ApiException;

/**
 * Base of the publishing resources (policies, notices, public). The reference is dynamic and optional: while the impl bundle is swapped the
 * resources stay registered (the /api/v1 application is not rebuilt) and answer 503 until the service is back.
 */
abstract class PublishingServiceClient {

    // protected, not private: Felix SCR injects a field declared in a superclass of the component
    // class only when it is accessible from the subclass ("Suitable but non-accessible field").
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile PublishingService publishingService;

    protected PublishingService service() {
        return ApiException.requireAvailable(publishingService, "publishing");
    }

    /** A path id: 404 naming the object kind in the domain's texts when it is not a positive number. */
    static long id(String raw, String objectKindKey) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new ApiException(404, "problem.notFound", org.smartproperty.platform.Messages.PLATFORM, null,
                org.smartproperty.publishing.PublishingMessages.TEXTS.text(objectKindKey), String.valueOf(raw));
    }
}
