package org.smartproperty.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the built console (bundle entries under {@code console/}) at {@code /console/} through the HTTP whiteboard.
 * Paths that are no file and look like no asset answer index.html, so the app's routes (history mode) survive a
 * reload. Hashed assets are cached for a year, everything else revalidated. Only GET and HEAD.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=spm-console",
        "osgi.http.whiteboard.servlet.pattern=/console",
        "osgi.http.whiteboard.servlet.pattern=/console/*"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient Bundle bundle;

    @Activate
    void activate(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() == null || req.getPathInfo().isEmpty()) {
            // "/console" → "/console/" so the relative asset URLs of index.html resolve under /console/
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        String path = ConsolePaths.normalise(req.getPathInfo());
        if (path == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        URL entry = bundle.getEntry(ConsolePaths.ROOT + "/" + path);
        if (entry == null || entry.getPath().endsWith("/")) { // a folder is no file
            if (ConsolePaths.isAsset(path) && !path.endsWith(ConsolePaths.INDEX)) {
                resp.setHeader("Cache-Control", ConsolePaths.CACHE_NONE);
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            path = ConsolePaths.INDEX;
            entry = bundle.getEntry(ConsolePaths.ROOT + "/" + path);
            if (entry == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        URLConnection connection = entry.openConnection();
        long length = connection.getContentLengthLong();
        resp.setContentType(ConsolePaths.contentType(path));
        resp.setHeader("Cache-Control", ConsolePaths.cacheControl(path));
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
}
