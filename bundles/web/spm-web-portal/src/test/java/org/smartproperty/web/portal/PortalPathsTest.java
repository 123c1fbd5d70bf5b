package org.smartproperty.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PortalPathsTest {

    @Test
    void rootAndFoldersAnswerIndexAndDotSegmentsAreRefused() {
        assertEquals("index.html", PortalPaths.normalise("/"));
        assertEquals("index.html", PortalPaths.normalise(""));
        assertEquals("index.html", PortalPaths.normalise(null));
        assertEquals("assets/index-Ab1.js", PortalPaths.normalise("/assets/index-Ab1.js"));
        assertNull(PortalPaths.normalise("/../META-INF/MANIFEST.MF"));
        assertNull(PortalPaths.normalise("/assets/./x.js"));
        assertNull(PortalPaths.normalise("/a\\b"));
    }

    @Test
    void routesOfTheAppAreNoAssetsSoTheyFallBackToIndex() {
        assertFalse(PortalPaths.isAsset("map"));
        assertFalse(PortalPaths.isAsset("me/complaints/12"));
        assertTrue(PortalPaths.isAsset("assets/missing-abc.js"));
        assertTrue(PortalPaths.isAsset("favicon.ico"));
    }

    @Test
    void onlyThePortalsOwnPathsAreClaimedEverythingElsePassesToTheOtherServlets() {
        assertTrue(PortalPaths.isPortal(PortalPaths.normalise("/")));
        assertTrue(PortalPaths.isPortal("assets/index-Ab1.js"));
        assertTrue(PortalPaths.isPortal("map"));
        assertTrue(PortalPaths.isPortal("disclosure/patrols"));
        assertTrue(PortalPaths.isPortal("me/complaints/12"));
        assertTrue(PortalPaths.isPortal("company"));
        assertFalse(PortalPaths.isPortal("console/index.html"));
        assertFalse(PortalPaths.isPortal("console"));
        assertFalse(PortalPaths.isPortal("api/v1/health"));
        assertFalse(PortalPaths.isPortal("system/console/bundles"));
        assertFalse(PortalPaths.isPortal("cxf/services"));
        assertFalse(PortalPaths.isPortal("mapping"));
        assertFalse(PortalPaths.isPortal("favicon.ico"));
    }

    @Test
    void hashedAssetsAreKeptForAYearAndIndexIsRevalidated() {
        assertEquals(PortalPaths.CACHE_HASHED, PortalPaths.cacheControl("assets/index-Ab1.js"));
        assertEquals(PortalPaths.CACHE_NONE, PortalPaths.cacheControl("index.html"));
        assertEquals("text/javascript; charset=UTF-8", PortalPaths.contentType("assets/a.js"));
        assertEquals("text/html; charset=UTF-8", PortalPaths.contentType("index.html"));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScript() {
        String csp = PortalFilter.CSP;
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))
                .contains("unsafe"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", PortalFilter.HEADERS.get("X-Frame-Options"));
        assertEquals("nosniff", PortalFilter.HEADERS.get("X-Content-Type-Options"));
    }

    @Test
    void theClaimedRoutesAreThoseOfTheAppsRouter() throws IOException {
        String router = Files.readString(Path.of("src/main/webapp/src/router.js"));
        TreeSet<String> firstSegments = new TreeSet<>();
        Matcher m = Pattern.compile("path: '/([a-z][a-z-]*)").matcher(router);
        while (m.find()) {
            firstSegments.add(m.group(1));
        }
        assertEquals(new TreeSet<>(PortalPaths.ROUTES), firstSegments, "PortalPaths.ROUTES vs router.js");
    }
}
