package org.smartproperty.web.portal;

import java.util.Set;

import org.smartproperty.web.support.AppPaths;

/**
 * Which request paths are the portal's. Plain Java, tested outside OSGi. What it answers for them (the file of the
 * built app, or index.html for the routes of the app) is {@link AppPaths} and
 * {@link org.smartproperty.web.support.BundleApp}, shared with the console.
 * <p>
 * The portal claims only its own paths (see {@link PortalFilter}): "/", index.html, assets/… and the first segments
 * of the app's routes ({@link #ROUTES}, the same as src/main/webapp/src/router.js). Every other path — /console/…,
 * /cxf/…, a servlet some later bundle registers — is never the portal's.
 */
final class PortalPaths {

    /** The folder of the built app among the bundle's entries (vite.config.js: target/classes/portal). */
    static final String ROOT = "portal";

    /** The first path segments of the app's routes (src/main/webapp/src/router.js); keep both lists alike. */
    static final Set<String> ROUTES = Set.of("disclosure", "credit", "inspections", "assessment", "tenders", "votes", "notices", "policies",
            "satisfaction", "map", "login", "me", "company");

    private PortalPaths() {
    }

    /** Whether a path normalised by {@link AppPaths#normalise} is the portal's: its page, its assets, or a route. */
    static boolean isPortal(String path) {
        if (path.equals(AppPaths.INDEX) || path.startsWith("assets/")) {
            return true;
        }
        int slash = path.indexOf('/');
        return ROUTES.contains(slash < 0 ? path : path.substring(0, slash));
    }
}
