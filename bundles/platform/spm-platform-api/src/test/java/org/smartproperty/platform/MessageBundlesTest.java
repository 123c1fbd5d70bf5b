package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every bundle's texts exist in zh-CN (the base file) and English alike, across the repository.
 * That the texts are also found inside Karaf (a bundle's messages must sit in a package it owns)
 * is checked in the container by PlatformIT.
 */
class MessageBundlesTest {

    private static Set<Object> keys(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.keySet());
    }

    @org.junit.jupiter.api.Test
    void everyBundleHasTheSameKeysInZhCnAndEnglish() throws IOException {
        Path root = ApiContractsTest.repositoryRoot();
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        try (Stream<Path> files = Files.walk(root.resolve("bundles"))) {
            for (Path base : files.filter(f -> f.endsWith("messages.properties") && f.toString().contains("/src/main/resources/")).toList()) {
                Path en = base.resolveSibling("messages_en.properties");
                if (!Files.exists(en)) {
                    problems.add(root.relativize(base) + ": no messages_en.properties");
                    continue;
                }
                pairs++;
                Set<Object> zh = keys(base);
                Set<Object> eng = keys(en);
                Set<Object> onlyZh = new TreeSet<>(zh);
                onlyZh.removeAll(eng);
                Set<Object> onlyEn = new TreeSet<>(eng);
                onlyEn.removeAll(zh);
                if (!onlyZh.isEmpty() || !onlyEn.isEmpty()) {
                    problems.add(root.relativize(base) + ": not in English " + onlyZh + ", not in zh-CN " + onlyEn);
                }
            }
        }
        assertTrue(pairs >= 10, "found only " + pairs + " message bundles");
        assertEquals(List.of(), problems);
    }
}
