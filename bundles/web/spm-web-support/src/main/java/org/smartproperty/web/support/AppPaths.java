package org.smartproperty.web.support;

import java.util.Locale;
import java.util.Map;

/**
 * What a built single-page app (the console, the portal) answers for a path: the file of the app, or index.html for
 * the routes of the app (history mode), and how long a browser may keep it. Plain Java, tested outside OSGi.
 */
public final class AppPaths {

    public static final String INDEX = "index.html";

    /** Vite writes content-hashed names under assets/: they never change, so they may be kept for a year. */
    public static final String CACHE_HASHED = "public, max-age=31536000, immutable";
    public static final String CACHE_NONE = "no-cache";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"),
            Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=UTF-8"));

    private AppPaths() {
    }

    /**
     * The path inside the app ("assets/index-abc.js"), or null when the request path is not acceptable
     * (dot segments, backslashes, NUL).
     */
    public static String normalise(String requestPath) {
        String p = requestPath == null ? "" : requestPath;
        if (p.indexOf('\\') >= 0 || p.indexOf('\0') >= 0) {
            return null;
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        return p.isEmpty() || p.endsWith("/") ? p + INDEX : p;
    }

    /** A missing file that looks like an asset is a 404; any other missing path is a route of the app. */
    public static boolean isAsset(String path) {
        int slash = path.lastIndexOf('/');
        return path.startsWith("assets/") || path.substring(slash + 1).contains(".");
    }

    public static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    public static String cacheControl(String path) {
        return path.startsWith("assets/") ? CACHE_HASHED : CACHE_NONE;
    }
}
