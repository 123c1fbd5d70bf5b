package org.smartproperty.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the built portal (bundle entries under {@code portal/}) at {@code /} through the HTTP whiteboard (issue 13
 * item 3), with strict security headers.
 * <p>
 * Why a filter and not a servlet on "/": the Aries JAX-RS whiteboard registers its default application (".default",
 * base "/", no resource of the platform) as a "/*" servlet of the default context, and "/*" wins over "/" (the default
 * servlet), so a "/" servlet never sees a request. Outranking that servlet with a "/*" one is no way out either:
 * Pax Web then destroys the shadowed CXF servlet, and that empties the CXF destinations that /api/v1 shares with it
 * (seen in the running platform: every /api/v1 call 404 until the applications were rebuilt). So the portal is a
 * whiteboard filter on "/*" of the default context that answers only what is the portal's own —
 * {@link PortalPaths#isPortal}: "/", index.html, assets/… and the app's routes — and passes every other request down
 * the chain untouched: /console/* to the console, /cxf/* to CXF, anything else to whatever servlet claims it (or the
 * default application's 404 problem). /api/v1 is another context (context.forspm) and never reaches this filter.
 * Paths of the app's routes that are no file answer index.html (history mode). Hashed assets are cached for a year,
 * everything else revalidated. Only GET and HEAD; other methods pass on.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=spm-portal",
        "osgi.http.whiteboard.filter.pattern=/*"})
public class PortalFilter implements Filter {

    /**
     * Scripts only from the platform itself (no inline scripts, no eval, no CDN, no map tiles from elsewhere); inline
     * styles are allowed because Element Plus and OpenLayers position elements with style attributes.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** Frames are denied twice (CSP frame-ancestors and X-Frame-Options). */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");

    private Bundle bundle;

    @Activate
    void activate(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)
                || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String path = PortalPaths.normalise(nullToEmpty(req.getServletPath()) + nullToEmpty(req.getPathInfo()));
        if (path == null || !PortalPaths.isPortal(path)) {
            chain.doFilter(request, response);
            return;
        }
        serve(req, resp, path);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, String requested) throws IOException {
        HEADERS.forEach(resp::setHeader);
        String path = requested;
        URL entry = bundle.getEntry(PortalPaths.ROOT + "/" + path);
        if (entry == null || entry.getPath().endsWith("/")) { // a folder is no file
            if (PortalPaths.isAsset(path) && !path.endsWith(PortalPaths.INDEX)) {
                resp.setHeader("Cache-Control", PortalPaths.CACHE_NONE);
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            path = PortalPaths.INDEX;
            entry = bundle.getEntry(PortalPaths.ROOT + "/" + path);
            if (entry == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        URLConnection connection = entry.openConnection();
        long length = connection.getContentLengthLong();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(PortalPaths.contentType(path));
        resp.setHeader("Cache-Control", PortalPaths.cacheControl(path));
        if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try (InputStream in = connection.getInputStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
