package org.smartproperty.platform.security.internal;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;

/**
 * Texts and problems of the security domain. The bundle lives in the private {@code .internal}
 * package: {@code org.smartproperty.platform.security} is imported from the API bundle, and OSGi
 * looks up an imported package's resources in its exporter only, so texts there were never found
 * in the container and every security problem showed its raw key (issue 20 item 6).
 */
final class Sec {

    static final Messages TEXTS = Messages.of(Sec.class, "org.smartproperty.platform.security.internal.messages");

    private Sec() {
    }

    static ApiException problem(int status, String code, Object... args) {
        return new ApiException(status, code, TEXTS, null, args);
    }
}
