package org.smartproperty.web.support;

import java.util.Map;

import javax.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer of the console and the portal (issue 13).
 */
public final class SecurityHeaders {

    /**
     * Scripts only from the platform itself (no inline scripts, no eval, no CDN, no map tiles from elsewhere); inline
     * styles are allowed because Element Plus and OpenLayers position elements with style attributes.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** Frames are denied twice (CSP frame-ancestors and X-Frame-Options). */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");

    private SecurityHeaders() {
    }

    /** Sets every header of {@link #HEADERS} on the answer. */
    public static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
