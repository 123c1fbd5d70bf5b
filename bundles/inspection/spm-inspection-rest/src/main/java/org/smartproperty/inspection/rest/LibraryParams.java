package org.smartproperty.inspection.rest;

import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.LibraryQuery;
import org.smartproperty.inspection.Target;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.QueryParams;

/** The library lists' query parameters as strings, parsed into field errors (a bad value is a 400, never a 404). */
final class LibraryParams {

    private LibraryParams() {
    }

    static LibraryQuery parse(String q, String target, String active) {
        Validation v = new Validation(InspectionMessages.TEXTS);
        v.maxLength("q", q, 200);
        Target t = QueryParams.optionalEnum(v, "target", target, Target.class);
        Boolean a = null;
        if (active != null && !active.isBlank()) {
            if (active.equals("true") || active.equals("false")) {
                a = Boolean.valueOf(active);
            } else {
                v.error(org.smartproperty.platform.Messages.PLATFORM, "active", "field.enum", "true, false");
            }
        }
        v.throwIfInvalid();
        return new LibraryQuery(q, t, a);
    }
}
