package org.smartproperty.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.contrib.ContributionException;

/** The extender's reading and its readiness report (issue 10 item 1): a bad file is a report, never a crash. */
class ContributionExtenderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFileTheHeaderNames() throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "grant.OWNER = demo:read\n", StandardCharsets.UTF_8);
        Contribution c = ContributionExtender.read("demo.bundle", f.toUri().toURL(), "META-INF/spm/c.properties");
        assertEquals(List.of(new Contribution.Grant("OWNER", "demo:read")), c.grants());
    }

    @Test
    void aMissingOrBadFileIsAContributionExceptionNamingTheProblems_issue10_item1() throws Exception {
        ContributionException missing = assertThrows(ContributionException.class,
                () -> ContributionExtender.read("demo.bundle", null, "META-INF/spm/none.properties"));
        assertEquals(List.of("META-INF/spm/none.properties: no such file in the bundle"), missing.problems());
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "grant.NOBODY = demo:read\n", StandardCharsets.UTF_8);
        ContributionException bad = assertThrows(ContributionException.class,
                () -> ContributionExtender.read("demo.bundle", f.toUri().toURL(), "bad.properties"));
        assertEquals(List.of("grant.NOBODY: unknown role NOBODY"), bad.problems());
    }

    @Test
    void theHealthCheckIsDownAndNamesTheRefusedBundle_issue10_item1() {
        Instant now = Instant.now();
        HealthResult ok = ContributionExtender.report(List.of(
                new ContributionExtender.State("a.bundle", "META-INF/spm/a.properties", true, "1 grants", List.of(), now)));
        assertEquals(HealthStatus.UP, ok.status());
        HealthResult down = ContributionExtender.report(List.of(
                new ContributionExtender.State("a.bundle", "META-INF/spm/a.properties", true, "1 grants", List.of(), now),
                new ContributionExtender.State("b.bundle", "META-INF/spm/b.properties", false, null, List.of("grant.X: unknown role X"), now)));
        assertEquals(HealthStatus.DOWN, down.status());
        assertEquals("1 contribution files refused", down.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) down.details().get("b.bundle");
        assertEquals("FAILED", b.get("status"));
        assertEquals(List.of("grant.X: unknown role X"), b.get("problems"));
        assertTrue(down.details().containsKey("a.bundle"));
    }
}
