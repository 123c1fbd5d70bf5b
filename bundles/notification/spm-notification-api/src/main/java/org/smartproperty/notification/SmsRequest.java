package org.smartproperty.notification;

import java.util.Map;
import java.util.Objects;

/**
 * One SMS to one phone number. {@code phone} in any accepted notation (see {@link Phones});
 * {@code params} must name every {@link MessageKind#params()} of the kind; {@code reference}
 * is the business object it concerns (e.g. {@code complaint:42}), shown to operators, optional.
 */
public record SmsRequest(String phone, MessageKind kind, Map<String, String> params, String reference) {

    public SmsRequest {
        Objects.requireNonNull(kind, "kind");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static SmsRequest of(String phone, MessageKind kind, Map<String, String> params) {
        return new SmsRequest(phone, kind, params, null);
    }
}
