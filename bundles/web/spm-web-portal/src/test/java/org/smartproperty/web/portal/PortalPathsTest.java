package org.smartproperty.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smartproperty.web.support.AppPaths;

/** The portal's own paths; what it answers for them is tested in spm-web-support (AppPathsTest, BundleAppTest). */
class PortalPathsTest {

    @Test
    void onlyThePortalsOwnPathsAreClaimedEverythingElsePassesToTheOtherServlets() {
        assertTrue(PortalPaths.isPortal(AppPaths.normalise("/")));
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
