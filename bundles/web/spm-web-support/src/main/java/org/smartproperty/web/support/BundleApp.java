package org.smartproperty.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;

/**
 * A built single-page app carried as the entries of a bundle under one folder ({@code console/}, {@code portal/}),
 * answered for GET and HEAD: the file with its length, type and cache header; a path that is no file and looks like no
 * asset answers index.html, so the app's routes (history mode) survive a reload; a missing asset is a 404.
 */
public final class BundleApp {

    private final Bundle bundle;
    private final String root;

    /**
     * @param bundle the bundle that carries the app
     * @param root the folder of the app among the bundle's entries, without slashes ("console")
     */
    public BundleApp(Bundle bundle, String root) {
        this.bundle = bundle;
        this.root = root;
    }

    /**
     * Answers a path of the app, already checked by {@link AppPaths#normalise}. The body is written only for GET
     * (a HEAD gets the same headers and length).
     */
    public void serve(HttpServletRequest req, HttpServletResponse resp, String requested) throws IOException {
        String path = requested;
        URL entry = bundle.getEntry(root + "/" + path);
        if (entry == null || entry.getPath().endsWith("/")) { // a folder is no file
            if (AppPaths.isAsset(path) && !path.endsWith(AppPaths.INDEX)) {
                resp.setHeader("Cache-Control", AppPaths.CACHE_NONE);
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            path = AppPaths.INDEX;
            entry = bundle.getEntry(root + "/" + path);
            if (entry == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        URLConnection connection = entry.openConnection();
        long length = connection.getContentLengthLong();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(AppPaths.contentType(path));
        resp.setHeader("Cache-Control", AppPaths.cacheControl(path));
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
