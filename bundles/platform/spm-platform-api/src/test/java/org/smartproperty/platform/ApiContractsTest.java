package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4: every interface of an exported package says who implements it —
 * {@code @ProviderType} (the API's own bundle side: a new method is a minor version) or
 * {@code @ConsumerType} (callers and other bundles implement it: a new method is a major
 * version) — so bnd computes the right import ranges. Scans every bundle of the repository.
 */
class ApiContractsTest {

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("bundles"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void everyExportedInterfaceIsAProviderOrConsumerType() throws IOException {
        Path root = repositoryRoot();
        assertTrue(root != null, "repository root with bundles/ not found from " + Path.of("").toAbsolutePath());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> infos = Files.walk(root.resolve("bundles"))) {
            for (Path info : infos.filter(f -> f.endsWith("package-info.java") && f.toString().contains("/src/main/java/")).toList()) {
                if (!Files.readString(info).contains("@Export")) {
                    continue;
                }
                try (Stream<Path> sources = Files.list(info.getParent())) {
                    for (Path src : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String text = Files.readString(src);
                        if (text.lines().anyMatch(l -> l.startsWith("public interface "))) {
                            checked++;
                            if (!text.contains("@ProviderType") && !text.contains("@ConsumerType")) {
                                missing.add(root.relativize(src).toString());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 25, "found only " + checked + " exported interfaces");
        assertEquals(List.of(), missing, "exported interfaces without @ProviderType/@ConsumerType");
    }
}
