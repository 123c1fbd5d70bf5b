package org.smartproperty.deadline.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.deadline.DeadlineMessages;
import org.smartproperty.deadline.DeadlineSettings;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.WorkingCalendar;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Api;

/**
 * Base of the deadline resources. The references are dynamic and optional: while the impl bundle is
 * swapped the resources stay registered (the /api/v1 application is not rebuilt) and answer 503.
 */
abstract class DeadlineClient {

    // protected, not private: Felix SCR injects a field declared in a superclass only when it is accessible
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile WorkingCalendar workingCalendar;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile DeadlineSettings deadlineSettings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected volatile DeadlineTracker deadlineTracker;

    protected WorkingCalendar calendar() {
        return ApiException.requireAvailable(workingCalendar, "deadline");
    }

    protected DeadlineSettings settings() {
        return ApiException.requireAvailable(deadlineSettings, "deadline");
    }

    protected DeadlineTracker tracker() {
        return ApiException.requireAvailable(deadlineTracker, "deadline");
    }

    /** {@code yyyy-MM-dd}; anything else is a 400 field error. */
    static LocalDate date(String field, String raw) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(DeadlineMessages.TEXTS, field, "date.format");
        }
    }

    /** The If-Match version when given (an update), null when absent (a create; the service answers 428 if the record exists). */
    static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : Api.expectedVersion(ifMatch);
    }

}
