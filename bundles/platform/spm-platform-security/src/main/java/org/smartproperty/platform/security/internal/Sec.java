package org.smartproperty.platform.security.internal;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/** Texts and problems of the security domain. */
final class Sec {

    static final Messages TEXTS = Messages.of(Sec.class, "org.smartproperty.platform.security.messages");

    private Sec() {
    }

    static ApiException problem(int status, String code, Object... args) {
        return new ApiException(status, code, TEXTS, null, args);
    }
}
