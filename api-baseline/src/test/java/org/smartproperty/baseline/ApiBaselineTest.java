package org.smartproperty.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;

/**
 * The build's API guard (issue 10 item 4): every package a baseline jar in {@code baseline/}
 * exports is still exported by this build's bundle with a version that matches its change.
 * A failure names the bundle, the package, the version it needs and what changed. After a
 * release the baseline jars are replaced by the released ones (docs/architecture.md, "API baseline").
 */
class ApiBaselineTest {

    private static final Path BASELINE = Path.of("baseline");

    @Test
    void everyExportedPackageKeepsItsContractOrBumpsItsVersion_issue10_item4() throws Exception {
        Map<String, File> current = ApiBaseline.currentBundles();
        List<String> problems = new ArrayList<>();
        List<Path> jars = baselineJars();
        assertFalse(jars.isEmpty(), "no baseline jars in " + BASELINE.toAbsolutePath());
        for (Path base : jars) {
            try (Jar older = new Jar(base.toFile())) {
                File now = current.get(older.getBsn());
                if (now == null) {
                    problems.add(older.getBsn() + ": in the baseline but not on this module's test class path (add the dependency)");
                    continue;
                }
                try (Jar newer = new Jar(now)) {
                    problems.addAll(ApiBaseline.check(newer, older));
                }
            }
        }
        assertTrue(problems.isEmpty(), "incompatible API changes:\n" + String.join("\n", problems));
    }

    @Test
    void aClassRemovedWithoutAMajorVersionFailsNamingThePackage_issue10_item4() throws Exception {
        try (Jar older = new Jar(BASELINE.resolve("spm-platform-api.jar").toFile());
             Jar changed = new Jar(BASELINE.resolve("spm-platform-api.jar").toFile())) {
            assertNotNull(changed.remove("org/smartproperty/platform/security/AuditTrail.class"));

            List<String> problems = ApiBaseline.check(changed, older);

            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("package org.smartproperty.platform.security is "), problems.get(0));
            assertTrue(problems.get(0).contains("AuditTrail"), problems.get(0));

            // the same change with the package at the next major version passes
            Manifest m = changed.getManifest();
            String exports = m.getMainAttributes().getValue("Export-Package");
            Parameters exported = new Parameters(exports);
            Attrs security = exported.get("org.smartproperty.platform.security");
            security.put("version", new Version(security.getVersion()).bumpMajor().toString());
            m.getMainAttributes().putValue("Export-Package", exported.toString());
            changed.setManifest(m);
            assertEquals(List.of(), ApiBaseline.check(changed, older));
        }
    }

    private static List<Path> baselineJars() throws Exception {
        try (Stream<Path> s = Files.list(BASELINE)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
