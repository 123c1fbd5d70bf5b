package org.smartproperty.baseline;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;

/**
 * bnd's baselining (the engine of bnd-baseline-maven-plugin, {@link Baseline}) of the bundles of
 * this build against the committed baseline jars: for every package exported by a baseline jar
 * the current bundle must export it with a version that covers the change (semantic versioning
 * with {@code @ProviderType} / {@code @ConsumerType}: a removed class or method is major, a method
 * added to a provider type is minor, to a consumer type major, ...).
 */
final class ApiBaseline {

    private ApiBaseline() {
    }

    /** The problems of {@code newer} against {@code older}, one line each, naming bundle, package and required version. */
    static List<String> check(Jar newer, Jar older) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Processor reporter = new Processor()) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            for (Baseline.Info info : baseline.baseline(newer, older, null)) {
                if (!info.mismatch) {
                    continue;
                }
                List<String> changes = new ArrayList<>();
                changes(info.packageDiff, changes);
                problems.add(String.format("%s: package %s is %s but its change against the baseline %s needs %s%s; changes: %s",
                        bsn(older), info.packageName, info.newerVersion, info.olderVersion, info.suggestedVersion,
                        info.reason == null || info.reason.isBlank() ? "" : " (" + info.reason.strip() + ")",
                        changes.isEmpty() ? info.packageDiff.getDelta() : String.join(", ", changes)));
            }
            for (String e : reporter.getErrors()) {
                problems.add(bsn(older) + ": bnd: " + e);
            }
        }
        return problems;
    }

    private static String bsn(Jar jar) {
        try {
            return jar.getBsn();
        } catch (Exception e) {
            return jar.getName();
        }
    }

    private static void changes(Diff diff, List<String> out) {
        if (out.size() >= 12) {
            return;
        }
        Delta d = diff.getDelta();
        if (d == Delta.UNCHANGED || d == Delta.IGNORED) {
            return;
        }
        if (diff.getChildren().isEmpty() || d == Delta.ADDED || d == Delta.REMOVED) {
            out.add(d + " " + diff.getType().toString().toLowerCase() + " " + diff.getName());
            return;
        }
        for (Diff child : diff.getChildren()) {
            changes(child, out);
        }
    }

    /** The bundles of this build on the test class path (jars in a reactor build or from the local repository), by symbolic name. */
    static Map<String, File> currentBundles() throws IOException {
        Map<String, File> bundles = new TreeMap<>();
        Enumeration<URL> manifests = ApiBaseline.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            String bsn;
            try (var in = url.openStream()) {
                bsn = new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
            }
            if (bsn == null || !bsn.startsWith("org.smartproperty.")) {
                continue;
            }
            String s = url.toString();
            File location = s.startsWith("jar:file:")
                    ? Path.of(java.net.URI.create(s.substring(4, s.indexOf("!/")))).toFile()
                    : Path.of(java.net.URI.create(s)).getParent().getParent().toFile(); // target/classes/META-INF/MANIFEST.MF
            bundles.put(bsn.split(";")[0].trim(), location);
        }
        return bundles;
    }
}
