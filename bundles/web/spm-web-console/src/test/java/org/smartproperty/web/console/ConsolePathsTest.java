package org.smartproperty.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsolePathsTest {

    @Test
    void rootAndFoldersAnswerIndexAndDotSegmentsAreRefused() {
        assertEquals("index.html", ConsolePaths.normalise("/"));
        assertEquals("index.html", ConsolePaths.normalise(null));
        assertEquals("assets/index-Ab1.js", ConsolePaths.normalise("/assets/index-Ab1.js"));
        assertNull(ConsolePaths.normalise("/../META-INF/MANIFEST.MF"));
        assertNull(ConsolePaths.normalise("/assets/./x.js"));
        assertNull(ConsolePaths.normalise("/a\\b"));
    }

    @Test
    void routesOfTheAppAreNoAssetsSoTheyFallBackToIndex() {
        assertFalse(ConsolePaths.isAsset("estates"));
        assertFalse(ConsolePaths.isAsset("estates/12"));
        assertTrue(ConsolePaths.isAsset("assets/missing-abc.js"));
        assertTrue(ConsolePaths.isAsset("favicon.ico"));
    }

    @Test
    void hashedAssetsAreKeptForAYearAndIndexIsRevalidated() {
        assertEquals(ConsolePaths.CACHE_HASHED, ConsolePaths.cacheControl("assets/index-Ab1.js"));
        assertEquals(ConsolePaths.CACHE_NONE, ConsolePaths.cacheControl("index.html"));
        assertEquals("text/javascript; charset=UTF-8", ConsolePaths.contentType("assets/a.js"));
        assertEquals("text/html; charset=UTF-8", ConsolePaths.contentType("index.html"));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScript() {
        String csp = ConsoleHeaders.CSP;
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))
                .contains("unsafe"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", ConsoleHeaders.HEADERS.get("X-Frame-Options"));
        assertEquals("nosniff", ConsoleHeaders.HEADERS.get("X-Content-Type-Options"));
    }
}
