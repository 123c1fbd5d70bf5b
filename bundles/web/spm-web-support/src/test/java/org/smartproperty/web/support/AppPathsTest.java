package org.smartproperty.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppPathsTest {

    @Test
    void rootAndFoldersAnswerIndexAndDotSegmentsAreRefused() {
        Map<String, String> answers = new HashMap<>();
        answers.put("/", "index.html");
        answers.put("", "index.html");
        answers.put(null, "index.html");
        answers.put("/me/", "me/index.html");
        answers.put("/assets/index-Ab1.js", "assets/index-Ab1.js");
        answers.forEach((requested, path) -> assertEquals(path, AppPaths.normalise(requested), requested));
        for (String refused : List.of("/../META-INF/MANIFEST.MF", "/assets/./x.js", "/a\\b", "/a\0b")) {
            assertNull(AppPaths.normalise(refused), refused);
        }
    }

    @Test
    void routesOfTheAppAreNoAssetsSoTheyFallBackToIndex() {
        for (String route : List.of("estates", "estates/12", "map", "me/complaints/12")) {
            assertFalse(AppPaths.isAsset(route), route);
        }
        for (String asset : List.of("assets/missing-abc.js", "favicon.ico")) {
            assertTrue(AppPaths.isAsset(asset), asset);
        }
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
