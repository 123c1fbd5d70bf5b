package org.smartproperty.web.portal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.smartproperty.web.support.AppPaths;
import org.smartproperty.web.support.BundleApp;
import org.smartproperty.web.support.SecurityHeaders;

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
 * everything else revalidated. Only GET and HEAD; other methods pass on. The headers ({@link SecurityHeaders}) and the
 * serving ({@link BundleApp}) are shared with the console; the CSP's inline styles are for Element Plus and OpenLayers.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=spm-portal",
        "osgi.http.whiteboard.filter.pattern=/*"})
public class PortalFilter implements Filter {

    private BundleApp app;

    @Activate
    void activate(BundleContext context) {
        this.app = new BundleApp(context.getBundle(), PortalPaths.ROOT);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)
                || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        String path = AppPaths.normalise(nullToEmpty(req.getServletPath()) + nullToEmpty(req.getPathInfo()));
        if (path == null || !PortalPaths.isPortal(path)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.apply(resp);
        app.serve(req, resp, path);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
