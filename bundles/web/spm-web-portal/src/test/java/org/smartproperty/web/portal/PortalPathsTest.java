package org.smartproperty.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smartproperty.web.support.AppPaths;

/** The portal's own paths; what it answers for them is tested in spm-web-support (AppPathsTest, BundleAppTest). */
class PortalPathsTest {

    @Test
    void onlyThePortalsOwnPathsAreClaimedEverythingElsePassesToTheOtherServlets() {
        for (String own : List.of(AppPaths.normalise("/"), "assets/index-Ab1.js", "map", "disclosure/patrols",
                "credit", "inspections", "assessment", "tenders", "tenders/7", "votes", "votes/3", "me/votes/3", "me/complaints/12", "company")) {
            assertTrue(PortalPaths.isPortal(own), own);
        }
        for (String other : List.of("console/index.html", "console", "api/v1/health", "system/console/bundles",
                "cxf/services", "mapping", "favicon.ico", "credits", "inspection", "assessments", "tender", "vote")) {
            assertFalse(PortalPaths.isPortal(other), other);
        }
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
