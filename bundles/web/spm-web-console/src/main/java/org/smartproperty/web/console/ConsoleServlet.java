package org.smartproperty.web.console;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.smartproperty.web.support.AppPaths;
import org.smartproperty.web.support.BundleApp;

/**
 * Serves the built console (bundle entries under {@code console/}) at {@code /console/} through the HTTP whiteboard.
 * Paths that are no file and look like no asset answer index.html, so the app's routes (history mode) survive a
 * reload. Hashed assets are cached for a year, everything else revalidated. Only GET and HEAD. The serving itself is
 * {@link BundleApp} (shared with the portal).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=spm-console",
        "osgi.http.whiteboard.servlet.pattern=/console",
        "osgi.http.whiteboard.servlet.pattern=/console/*"})
public class ConsoleServlet extends HttpServlet {

    /** The folder of the built app among the bundle's entries (vite.config.js: target/classes/console). */
    static final String ROOT = "console";

    private static final long serialVersionUID = 1L;

    private transient BundleApp app;

    @Activate
    void activate(BundleContext context) {
        this.app = new BundleApp(context.getBundle(), ROOT);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() == null || req.getPathInfo().isEmpty()) {
            // "/console" → "/console/" so the relative asset URLs of index.html resolve under /console/
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        String path = AppPaths.normalise(req.getPathInfo());
        if (path == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        app.serve(req, resp, path);
    }
}
