package org.smartproperty.platform.testsupport;

import org.smartproperty.platform.contrib.Contribution;

/**
 * Contributions for tests outside OSGi whose module cannot see the contributing bundle (issue 10 item 1):
 * the twelve message kinds and eight default time limits that existed before issue 10, as their bundles
 * contribute them: {@code MessageKinds.register(StandInContributions.messageKinds())},
 * {@code ContributedTimeLimits.seed(dataSource, StandInContributions.timeLimits(), now)}.
 */
public final class StandInContributions {

    private StandInContributions() {
    }

    public static Contribution messageKinds() {
        return load();
    }

    public static Contribution timeLimits() {
        return load();
    }

    /**
     * The contributions of the bundles on the test class path, as the extender reads them in Karaf: every
     * {@code META-INF/MANIFEST.MF} with {@code SPM-Contributions} and {@code Bundle-SymbolicName}, its file read
     * from the same jar or folder.
     */
    public static java.util.List<Contribution> onClassPath() {
        java.util.List<Contribution> out = new java.util.ArrayList<>();
        try {
            java.util.Enumeration<java.net.URL> manifests = StandInContributions.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                java.net.URL m = manifests.nextElement();
                java.util.jar.Manifest mf;
                try (java.io.InputStream in = m.openStream()) {
                    mf = new java.util.jar.Manifest(in);
                }
                String file = mf.getMainAttributes().getValue(Contribution.HEADER);
                String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName");
                if (file != null && bsn != null) {
                    String u = m.toString();
                    java.net.URL entry = new java.net.URL(u.substring(0, u.length() - "META-INF/MANIFEST.MF".length()) + file.trim());
                    try (java.io.InputStream in = entry.openStream()) {
                        out.add(Contribution.parse(bsn.split(";")[0].trim(), in));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Contribution load() {
        return Contribution.load("test.stand-in", StandInContributions.class,
                "/org/smartproperty/platform/testsupport/stand-ins.contributions.properties");
    }
}
