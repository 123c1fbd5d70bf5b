package org.smartproperty.web.portal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which request paths are the portal's and what it answers for them: the file of the built app, or index.html for the
 * routes of the single-page app (history mode), and how long a browser may keep it. Plain Java, tested outside OSGi.
 * <p>
 * The portal claims only its own paths (see {@link PortalFilter}): "/", index.html, assets/… and the first segments
 * of the app's routes ({@link #ROUTES}, the same as src/main/webapp/src/router.js). Every other path — /console/…,
 * /cxf/…, a servlet some later bundle registers — is never the portal's.
 */
final class PortalPaths {

    static final String ROOT = "portal";
    static final String INDEX = "index.html";

    /** Vite writes content-hashed names under assets/: they never change, so they may be kept for a year. */
    static final String CACHE_HASHED = "public, max-age=31536000, immutable";
    static final String CACHE_NONE = "no-cache";

    /** The first path segments of the app's routes (src/main/webapp/src/router.js); keep both lists alike. */
    static final Set<String> ROUTES = Set.of("disclosure", "map", "login", "me", "company");

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

    private PortalPaths() {
    }

    /**
     * The path inside the app ("assets/index-abc.js"), or null when the request path is not acceptable
     * (dot segments, backslashes, NUL).
     */
    static String normalise(String requestPath) {
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

    /** Whether a normalised path is the portal's: its page, its assets, or one of its routes. */
    static boolean isPortal(String path) {
        if (path.equals(INDEX) || path.startsWith("assets/")) {
            return true;
        }
        int slash = path.indexOf('/');
        return ROUTES.contains(slash < 0 ? path : path.substring(0, slash));
    }

    /** A missing file that looks like an asset is a 404; any other missing path is a route of the app. */
    static boolean isAsset(String path) {
        int slash = path.lastIndexOf('/');
        return path.startsWith("assets/") || path.substring(slash + 1).contains(".");
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static String cacheControl(String path) {
        return path.startsWith("assets/") ? CACHE_HASHED : CACHE_NONE;
    }
}
