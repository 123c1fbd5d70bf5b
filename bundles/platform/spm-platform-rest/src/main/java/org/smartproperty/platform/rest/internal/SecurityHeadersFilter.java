package org.smartproperty.platform.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.rest.Api;

/**
 * Every answer of the API, problems included (issue 20 item 6, 等保 "intrusion prevention" and
 * "personal information protection"): personal data is never stored by browsers or proxies
 * ({@code Cache-Control: no-store} unless a resource chose its own caching), content types are
 * not sniffed, no page frames the API, no address leaks in the Referer, and answers are
 * rendered by nothing ({@code default-src 'none'}: the API serves data, never documents). Over
 * TLS, browsers are told to keep to it (HSTS).
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("spm.security-headers")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@Priority(Priorities.HEADER_DECORATOR)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The one document the API serves, the interactive page of /api/v1/docs (issue 11 item 3):
     * scripts, styles, images and calls from this server only, no inline script (Swagger UI sets
     * inline style attributes and data: icons), still never framed.
     */
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo() == null ? "" : request.getUriInfo().getPath();
        decorate(response.getHeaders(), request.getSecurityContext() != null && request.getSecurityContext().isSecure(), isDocs(path));
    }

    /** The docs page and its files: {@code docs}, {@code docs/swagger-ui.css} (relative to /api/v1). */
    static boolean isDocs(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(ApiDocsResource.PATH) || p.startsWith(ApiDocsResource.PATH + "/");
    }

    static void decorate(MultivaluedMap<String, Object> h, boolean secure) {
        decorate(h, secure, false);
    }

    static void decorate(MultivaluedMap<String, Object> h, boolean secure, boolean docs) {
        if (!h.containsKey(HttpHeaders.CACHE_CONTROL)) {
            h.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            h.putSingle("Pragma", "no-cache");
        }
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("Content-Security-Policy", docs ? DOCS_CSP : CSP);
        h.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        if (secure) {
            h.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
