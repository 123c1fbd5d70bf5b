package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the bundles' changelogs found through a class loader: every jar (or class folder) on it
 * whose manifest has {@code SPM-Changelog} and {@code Bundle-SymbolicName} (the platform's bundles
 * in the distribution's {@code system/} folder, or the test class path).
 *
 * <p>A backup names each changelog by the {@code filename} Liquibase recorded in
 * {@code databasechangelog}, which is the changelog's {@code logicalFilePath}; by convention the
 * bundle's symbolic name, but not always (the deadline changelog is {@code org.smartproperty.deadline},
 * its bundle {@code org.smartproperty.deadline.impl}), so a changelog is found by its
 * {@code logicalFilePath} first and by its bundle's symbolic name second. When several versions of
 * a bundle are visible (an upgrade leaves the old jar under {@code system/}), the highest
 * {@code Bundle-Version} wins. Each changelog is read from its own jar only, so two bundles with the
 * same changelog path cannot shadow each other.
 */
public final class LiquibaseSchemas implements SchemaPreparer {

    /** A bundle with a changelog: where it lives (a jar or a class folder), its changelog and the changelog's logical path. */
    public record Source(String symbolicName, String version, String changelog, String logicalPath, URL root) {
    }

    private final ClassLoader loader;
    private final String searched;

    public LiquibaseSchemas(ClassLoader loader) {
        this(loader, "class path");
    }

    /** @param searched where the changelogs were looked for, named in the error when one is missing */
    public LiquibaseSchemas(ClassLoader loader, String searched) {
        this.loader = loader;
        this.searched = searched;
    }

    /**
     * The changelogs of the bundle jars under {@code dirs} (for the distribution: its {@code system/}
     * and {@code deploy/} folders) plus those visible to {@code parent}.
     */
    public static LiquibaseSchemas under(List<Path> dirs, ClassLoader parent) {
        List<Path> existing = dirs.stream().filter(d -> d != null && Files.isDirectory(d)).toList();
        String where = existing.isEmpty() ? "class path (" + (dirs.isEmpty() ? "no folder given" : "missing: " + dirs) + ")"
                : String.join(", ", existing.stream().map(Path::toString).toList());
        return new LiquibaseSchemas(jarsUnder(existing, parent), where);
    }

    /**
     * The class loader that finds the platform bundles' changelogs: {@code parent} plus every jar
     * under {@code dir} whose manifest declares {@code SPM-Changelog}; just {@code parent} when
     * {@code dir} is null, missing or holds no such jar.
     */
    public static ClassLoader jarsUnder(Path dir, ClassLoader parent) {
        return jarsUnder(dir == null ? List.of() : List.of(dir), parent);
    }

    /** As {@link #jarsUnder(Path, ClassLoader)}, for several folders. */
    public static ClassLoader jarsUnder(Collection<Path> dirs, ClassLoader parent) {
        List<URL> jars = new ArrayList<>();
        for (Path dir : dirs) {
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList()) {
                    if (hasChangelog(p)) {
                        jars.add(p.toUri().toURL());
                    }
                }
            } catch (IOException e) {
                throw new OpsException(e, "restore.schemaFailed", dir, e.getMessage());
            }
        }
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    }

    private static boolean hasChangelog(Path jar) {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            return m != null && m.getMainAttributes().getValue("SPM-Changelog") != null;
        } catch (IOException e) {
            return false; // not a readable jar: not one of ours
        }
    }

    /** The bundles with a changelog visible to the loader, one per symbolic name (the highest version). */
    public List<Source> sources() {
        Map<String, Source> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> e = loader.getResources(JarFile.MANIFEST_NAME);
            while (e.hasMoreElements()) {
                URL manifest = e.nextElement();
                Attributes a;
                try (InputStream in = manifest.openStream()) {
                    a = new Manifest(in).getMainAttributes();
                }
                String log = a.getValue("SPM-Changelog");
                String bsn = a.getValue("Bundle-SymbolicName");
                if (log == null || bsn == null) {
                    continue;
                }
                String name = bsn.split(";")[0].trim();
                String version = a.getValue("Bundle-Version") == null ? "0.0.0" : a.getValue("Bundle-Version").trim();
                String m = manifest.toString();
                URL root = new URL(m.substring(0, m.length() - JarFile.MANIFEST_NAME.length()));
                Source s = new Source(name, version, log.trim(), logicalPath(new URL(root, log.trim())), root);
                Source before = out.get(name);
                if (before == null || compareVersions(version, before.version()) > 0) {
                    out.put(name, s);
                }
            }
        } catch (IOException ex) {
            throw new OpsException(ex, "restore.schemaFailed", "-", ex.getMessage());
        }
        return List.copyOf(out.values());
    }

    /** Changelog name as recorded in {@code databasechangelog} (logicalFilePath, else the bundle's symbolic name) → changelog path. */
    public Map<String, String> changelogs() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Source s : sources()) {
            out.put(s.symbolicName(), s.changelog());
        }
        for (Source s : sources()) {
            if (s.logicalPath() != null) {
                out.put(s.logicalPath(), s.changelog());
            }
        }
        return out;
    }

    /** The source of a changelog named {@code name} in a backup: by logicalFilePath, else by symbolic name; null when none. */
    static Source find(List<Source> sources, String name) {
        for (Source s : sources) {
            if (name.equals(s.logicalPath())) {
                return s;
            }
        }
        for (Source s : sources) {
            if (name.equals(s.symbolicName())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void prepare(DataSource target, List<String> bundles) {
        List<Source> sources = sources();
        List<Source> chosen = new ArrayList<>();
        for (String b : bundles) {
            Source s = find(sources, b);
            if (s == null) {
                throw new OpsException("restore.changelogMissing", b, searched);
            }
            chosen.add(s);
        }
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Liquibase.class.getClassLoader());
        try {
            for (Source s : chosen) {
                try (Connection c = target.getConnection();
                        URLClassLoader own = new URLClassLoader(new URL[] {classPathEntry(s.root())}, null)) {
                    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                    // Liquibase's console messages would mix into the CLI's output (JSON): to its logger instead
                    Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummary", "OFF",
                            "liquibase.command.showSummaryOutput", "LOG"), () -> {
                        // the bundle's own jar only: another bundle's file of the same path cannot shadow it
                        try (Liquibase lb = new Liquibase(s.changelog(), new ClassLoaderResourceAccessor(own), db)) {
                            lb.update(new Contexts(), new LabelExpression());
                        }
                    });
                } catch (OpsException e) {
                    throw e;
                } catch (Exception e) {
                    throw new OpsException(e, "restore.schemaFailed", s.symbolicName(), e.getMessage());
                }
            }
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** {@code jar:file:/x.jar!/} → {@code file:/x.jar}; a folder URL as it is. */
    private static URL classPathEntry(URL root) throws IOException {
        String r = root.toString();
        if (r.startsWith("jar:") && r.endsWith("!/")) {
            return new URL(r.substring(4, r.length() - 2));
        }
        return root;
    }

    /** The {@code logicalFilePath} of an XML changelog's root element, or null (none, not XML, unreadable). */
    static String logicalPath(URL changelog) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = changelog.openStream()) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String v = r.getAttributeValue(XMLConstants.NULL_NS_URI, "logicalFilePath");
                        return v == null || v.isBlank() ? null : v.trim();
                    }
                }
                return null;
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    /** OSGi-style version order (major.minor.micro numerically, then the qualifier as text). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        String qa = x.length > 3 ? x[3] : "";
        String qb = y.length > 3 ? y[3] : "";
        return qa.toUpperCase(Locale.ROOT).compareTo(qb.toUpperCase(Locale.ROOT));
    }

    private static long number(String[] parts, int i) {
        try {
            String digits = i < parts.length ? parts[i].replaceAll("[^0-9].*$", "") : "";
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
