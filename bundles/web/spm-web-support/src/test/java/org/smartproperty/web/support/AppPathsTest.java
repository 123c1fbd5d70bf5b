package org.smartproperty.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppPathsTest {

    @Test
    void rootAndFoldersAnswerIndexAndDotSegmentsAreRefused() {
        assertEquals("index.html", AppPaths.normalise("/"));
        assertEquals("index.html", AppPaths.normalise(""));
        assertEquals("index.html", AppPaths.normalise(null));
        assertEquals("me/index.html", AppPaths.normalise("/me/"));
        assertEquals("assets/index-Ab1.js", AppPaths.normalise("/assets/index-Ab1.js"));
        assertNull(AppPaths.normalise("/../META-INF/MANIFEST.MF"));
        assertNull(AppPaths.normalise("/assets/./x.js"));
        assertNull(AppPaths.normalise("/a\\b"));
        assertNull(AppPaths.normalise("/a\0b"));
    }

    @Test
    void routesOfTheAppAreNoAssetsSoTheyFallBackToIndex() {
        assertFalse(AppPaths.isAsset("estates"));
        assertFalse(AppPaths.isAsset("estates/12"));
        assertFalse(AppPaths.isAsset("map"));
        assertFalse(AppPaths.isAsset("me/complaints/12"));
        assertTrue(AppPaths.isAsset("assets/missing-abc.js"));
        assertTrue(AppPaths.isAsset("favicon.ico"));
    }

    @Test
    void hashedAssetsAreKeptForAYearAndIndexIsRevalidated() {
        assertEquals(AppPaths.CACHE_HASHED, AppPaths.cacheControl("assets/index-Ab1.js"));
        assertEquals(AppPaths.CACHE_NONE, AppPaths.cacheControl("index.html"));
        assertEquals("text/javascript; charset=UTF-8", AppPaths.contentType("assets/a.js"));
        assertEquals("text/html; charset=UTF-8", AppPaths.contentType("index.html"));
        assertEquals("font/woff2", AppPaths.contentType("assets/x.WOFF2"));
        assertEquals("application/octet-stream", AppPaths.contentType("LICENSE"));
    }
}
