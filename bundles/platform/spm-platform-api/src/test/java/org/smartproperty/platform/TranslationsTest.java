package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.contrib.ContributionException;

/**
 * Issue 12 item 8: every text of the repository exists in the four languages, with the same placeholders.
 * Scans the source tree (the folder above this module that holds {@code bundles/}):
 * <ul>
 * <li>every {@code messages.properties} under {@code bundles/**}{@code /src/main/resources} (zh-CN) has
 *     {@code messages_zh_TW}, {@code messages_pt} and {@code messages_en} beside it, with the same keys, no blank
 *     text, the same MessageFormat arguments ({0}, {1,number,#} …), patterns MessageFormat accepts and no lone
 *     apostrophe in a pattern with arguments (MessageFormat would swallow the rest of the text);</li>
 * <li>every {@code *.contributions.properties} under {@code bundles/**}{@code /src/main/resources} has each message
 *     template and audit-kind label in zh-CN, zh-TW, pt and en, the templates with the same {@code ${name}}
 *     placeholders, and parses ({@link Contribution#parse}).</li>
 * </ul>
 * Each problem names the file, the key and the language.
 */
class TranslationsTest {

    /** Bundle file suffix of each supported language (what ResourceBundle picks for {@link Messages#SUPPORTED}). */
    static final Map<String, String> SUFFIXES = Map.of("zh-TW", "_zh_TW", "pt", "_pt", "en", "_en");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*(,[^{}]*)?}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Counts of what {@link #check} looked at, and what it found wrong. */
    record Report(int bundles, int bundleFiles, int contributionFiles, int templates, List<String> problems) {
    }

    @Test
    void everyTextIsInTheFourLanguagesWithTheSamePlaceholders_issue12_item8() {
        Path root = ApiContractsTest.repositoryRoot();
        assertNotNull(root, "repository root with bundles/ not found from " + Path.of("").toAbsolutePath());
        Report r = check(root);
        // the repository has 11 message bundles (44 files) and 12 contribution files: finding fewer means the scan is broken
        assertTrue(r.bundles() >= 11, "found only " + r.bundles() + " messages.properties under " + root.resolve("bundles"));
        assertTrue(r.bundleFiles() >= 44, "found only " + r.bundleFiles() + " bundle files");
        assertTrue(r.contributionFiles() >= 12, "found only " + r.contributionFiles() + " contribution files");
        assertTrue(r.templates() >= 12 * 4, "found only " + r.templates() + " message templates");
        assertEquals("", String.join("\n", r.problems()), r.problems().size() + " translation problem(s)");
    }

    @Test
    void theCheckNamesFileKeyAndLanguage_issue12_item8(@TempDir Path root) throws IOException {
        Path dir = root.resolve("bundles/demo/spm-demo-api/src/main/resources/org/demo");
        Files.createDirectories(dir);
        write(dir.resolve("messages.properties"), "a=甲 {0}\nb=乙\nc=丙 {0} {1}\n");
        write(dir.resolve("messages_en.properties"), "a=A {0}\nb=B\nc=it's {0} {1}\n");
        write(dir.resolve("messages_zh_TW.properties"), "a=甲 {1}\nb=乙\nc=丙 {0} {1}\n");
        // no messages_pt.properties
        Path meta = root.resolve("bundles/demo/spm-demo-impl/src/main/resources/META-INF/spm");
        Files.createDirectories(meta);
        write(meta.resolve("demo.contributions.properties"), """
                message.DEMO_DONE.number = 900
                message.DEMO_DONE.params = no
                message.DEMO_DONE.zh-CN = 示例${no}
                message.DEMO_DONE.zh-TW = 示例${nr}
                message.DEMO_DONE.en = Demo ${no}
                auditKind.demo.zh-CN = 示例
                auditKind.demo.zh-TW = 示例
                auditKind.demo.pt = Demonstração
                auditKind.demo.en =
                """);
        Report r = check(root);
        String all = String.join("\n", r.problems());
        String file = "bundles/demo/spm-demo-api/src/main/resources/org/demo/messages";
        String contrib = "bundles/demo/spm-demo-impl/src/main/resources/META-INF/spm/demo.contributions.properties";
        assertTrue(all.contains(file + "_pt.properties: missing (pt)"), all);
        assertTrue(all.contains(file + "_zh_TW.properties: a (zh-TW): arguments [{1}] differ from zh-CN [{0}]"), all);
        assertTrue(all.contains(file + "_en.properties: c (en): lone apostrophe in a MessageFormat pattern (write '' for ')"), all);
        assertTrue(all.contains(contrib + ": message.DEMO_DONE.pt: missing (pt)"), all);
        assertTrue(all.contains(contrib + ": message.DEMO_DONE.zh-TW: placeholders [nr] differ from zh-CN [no]"), all);
        assertTrue(all.contains(contrib + ": auditKind.demo.en: missing (en)"), all);
        assertTrue(all.contains(contrib + ": does not parse"), all);
        assertEquals(1, r.bundles());
        assertEquals(1, r.contributionFiles());

        // once complete and consistent, nothing is reported
        write(dir.resolve("messages_pt.properties"), "a=A {0}\nb=B pt\nc=C {0} {1}\n");
        write(dir.resolve("messages_en.properties"), "a=A {0}\nb=B\nc=it''s {0} {1}\n");
        write(dir.resolve("messages_zh_TW.properties"), "a=甲 {0}\nb=乙\nc=丙 {1} {0}\n");
        write(meta.resolve("demo.contributions.properties"), """
                message.DEMO_DONE.number = 900
                message.DEMO_DONE.params = no
                message.DEMO_DONE.zh-CN = 示例${no}
                message.DEMO_DONE.zh-TW = 示例${no}
                message.DEMO_DONE.pt = Demonstração ${no}
                message.DEMO_DONE.en = Demo ${no}
                auditKind.demo.zh-CN = 示例
                auditKind.demo.zh-TW = 示例
                auditKind.demo.pt = Demonstração
                auditKind.demo.en = Demo
                """);
        assertEquals(List.of(), check(root).problems());
    }

    static Report check(Path root) {
        List<String> problems = new ArrayList<>();
        int bundles = 0;
        int bundleFiles = 0;
        int contributionFiles = 0;
        int templates = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("bundles"))) {
            files = walk.filter(f -> f.toString().replace('\\', '/').contains("/src/main/resources/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path base : files) {
            String name = base.getFileName().toString();
            if (name.equals("messages.properties")) {
                bundles++;
                bundleFiles++;
                Map<String, String> zh = load(base);
                String at = rel(root, base);
                for (Map.Entry<String, String> e : zh.entrySet()) {
                    checkPattern(problems, at, e.getKey(), "zh-CN", e.getValue());
                }
                for (Map.Entry<String, String> lang : new TreeMap<>(SUFFIXES).entrySet()) {
                    Path f = base.resolveSibling("messages" + lang.getValue() + ".properties");
                    String fat = rel(root, f);
                    if (!Files.exists(f)) {
                        problems.add(fat + ": missing (" + lang.getKey() + ")");
                        continue;
                    }
                    bundleFiles++;
                    Map<String, String> other = load(f);
                    for (Map.Entry<String, String> e : zh.entrySet()) {
                        String key = e.getKey();
                        String text = other.get(key);
                        if (text == null) {
                            problems.add(fat + ": " + key + " (" + lang.getKey() + "): missing");
                            continue;
                        }
                        if (!checkPattern(problems, fat, key, lang.getKey(), text)) {
                            continue;
                        }
                        Set<String> want = arguments(e.getValue());
                        Set<String> got = arguments(text);
                        if (!want.equals(got)) {
                            problems.add(fat + ": " + key + " (" + lang.getKey() + "): arguments " + got + " differ from zh-CN " + want);
                        }
                        if (lang.getKey().equals("zh-TW") && CJK.matcher(e.getValue()).find() && !CJK.matcher(text).find()) {
                            problems.add(fat + ": " + key + " (zh-TW): no Chinese text");
                        }
                    }
                    for (String key : other.keySet()) {
                        if (!zh.containsKey(key)) {
                            problems.add(fat + ": " + key + " (" + lang.getKey() + "): not in the zh-CN base file " + at);
                        }
                    }
                }
            } else if (name.endsWith(".contributions.properties")) {
                contributionFiles++;
                templates += checkContribution(problems, rel(root, base), base);
            }
        }
        return new Report(bundles, bundleFiles, contributionFiles, templates, problems);
    }

    /** Blank text, a pattern MessageFormat rejects, a lone apostrophe where MessageFormat applies; false when unusable. */
    private static boolean checkPattern(List<String> problems, String file, String key, String lang, String text) {
        if (text.isBlank()) {
            problems.add(file + ": " + key + " (" + lang + "): blank");
            return false;
        }
        if (!ARGUMENT.matcher(text).find()) {
            return true; // returned as it stands (Messages.format applies MessageFormat only with arguments)
        }
        if (LONE_APOSTROPHE.matcher(text).find()) {
            problems.add(file + ": " + key + " (" + lang + "): lone apostrophe in a MessageFormat pattern (write '' for ')");
            return false;
        }
        try {
            new MessageFormat(text);
        } catch (IllegalArgumentException e) {
            problems.add(file + ": " + key + " (" + lang + "): not a MessageFormat pattern: " + e.getMessage());
            return false;
        }
        return true;
    }

    /** The MessageFormat arguments of a pattern, e.g. {@code [{0}, {1,number,#}]} (as a set: languages may reorder them). */
    private static Set<String> arguments(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            out.add("{" + m.group(1) + (m.group(2) == null ? "" : m.group(2).replace(" ", "")) + "}");
        }
        return out;
    }

    /** Templates and labels of one contribution file in the four languages; returns the number of templates seen. */
    private static int checkContribution(List<String> problems, String file, Path path) {
        Map<String, String> props = load(path);
        Map<String, Map<String, String>> groups = new TreeMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String[] k = e.getKey().split("\\.");
            if (k.length == 3 && (k[0].equals("message") || k[0].equals("auditKind"))
                    && !k[2].equals("number") && !k[2].equals("params")) {
                groups.computeIfAbsent(k[0] + "." + k[1], x -> new TreeMap<>()).put(k[2], e.getValue());
            }
        }
        int templates = 0;
        for (Map.Entry<String, Map<String, String>> g : groups.entrySet()) {
            Map<String, String> byLang = g.getValue();
            String zh = byLang.get("zh-CN");
            for (String lang : Contribution.LANGUAGES) {
                String t = byLang.get(lang);
                if (t == null || t.isBlank()) {
                    problems.add(file + ": " + g.getKey() + "." + lang + ": missing (" + lang + ")");
                    continue;
                }
                if (g.getKey().startsWith("message.")) {
                    templates++;
                    if (zh != null && !lang.equals("zh-CN") && !placeholders(t).equals(placeholders(zh))) {
                        problems.add(file + ": " + g.getKey() + "." + lang + ": placeholders " + placeholders(t) + " differ from zh-CN " + placeholders(zh));
                    }
                }
            }
            for (String lang : byLang.keySet()) {
                if (!Contribution.LANGUAGES.contains(lang)) {
                    problems.add(file + ": " + g.getKey() + "." + lang + ": not one of the languages " + Contribution.LANGUAGES);
                }
            }
        }
        try {
            Contribution.parse(file, new TreeMap<>(props));
        } catch (ContributionException e) {
            problems.add(file + ": does not parse: " + String.join("; ", e.problems()));
        }
        return templates;
    }

    private static Set<String> placeholders(String t) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    private static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
