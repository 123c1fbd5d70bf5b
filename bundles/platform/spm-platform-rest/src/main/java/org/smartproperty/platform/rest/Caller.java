package org.smartproperty.platform.rest;

import javax.ws.rs.core.SecurityContext;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/** The authenticated caller of a resource method, as the security filter left it. */
public final class Caller {

    private Caller() {
    }

    public static SpmPrincipal of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof SpmPrincipal p) {
            return p;
        }
        throw new ApiException(401, "problem.unauthenticated", Messages.PLATFORM, null);
    }

    /** The caller's data scope; NONE when nobody is logged in. */
    public static DataScope scope(SecurityContext sc) {
        return sc != null && sc.getUserPrincipal() instanceof SpmPrincipal p ? p.scope() : DataScope.NONE;
    }

    public static String name(SecurityContext sc) {
        return sc != null && sc.getUserPrincipal() != null ? sc.getUserPrincipal().getName() : "anonymous";
    }
}
