package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.sql.DataSource;

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
 * Applies the bundles' changelogs found through a class loader: every jar on it whose manifest
 * has {@code SPM-Changelog} and {@code Bundle-SymbolicName} (the platform's bundles in the
 * distribution's {@code system/} folder, or the test class path).
 */
public final class LiquibaseSchemas implements SchemaPreparer {

    private final ClassLoader loader;

    public LiquibaseSchemas(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The class loader that finds the platform bundles' changelogs: {@code parent} plus every jar
     * under {@code dir} (the distribution's {@code system/org/smartproperty}); just {@code parent}
     * when {@code dir} is null, missing or holds no jar.
     */
    public static ClassLoader jarsUnder(Path dir, ClassLoader parent) {
        List<URL> jars = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(p.toUri().toURL());
                }
            } catch (IOException e) {
                throw new OpsException(e, "restore.schemaFailed", dir, e.getMessage());
            }
        }
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    }

    /** Bundle symbolic name → changelog path of the bundles visible to the loader. */
    public Map<String, String> changelogs() {
        Map<String, String> out = new HashMap<>();
        try {
            Enumeration<URL> e = loader.getResources("META-INF/MANIFEST.MF");
            while (e.hasMoreElements()) {
                try (InputStream in = e.nextElement().openStream()) {
                    Attributes a = new Manifest(in).getMainAttributes();
                    String log = a.getValue("SPM-Changelog");
                    String bsn = a.getValue("Bundle-SymbolicName");
                    if (log != null && bsn != null) {
                        out.put(bsn.split(";")[0].trim(), log.trim());
                    }
                }
            }
        } catch (IOException ex) {
            throw new OpsException(ex, "restore.schemaFailed", "-", ex.getMessage());
        }
        return out;
    }

    @Override
    public void prepare(DataSource target, List<String> bundles) {
        Map<String, String> logs = changelogs();
        for (String b : bundles) {
            if (!logs.containsKey(b)) {
                throw new OpsException("restore.changelogMissing", b);
            }
        }
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Liquibase.class.getClassLoader());
        try {
            for (String b : bundles) {
                try (Connection c = target.getConnection()) {
                    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                    // Liquibase's console messages would mix into the CLI's output (JSON): to its logger instead
                    Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummary", "OFF",
                            "liquibase.command.showSummaryOutput", "LOG"), () -> {
                        try (Liquibase lb = new Liquibase(logs.get(b), new ClassLoaderResourceAccessor(loader), db)) {
                            lb.update(new Contexts(), new LabelExpression());
                        }
                    });
                } catch (OpsException e) {
                    throw e;
                } catch (Exception e) {
                    throw new OpsException(e, "restore.schemaFailed", b, e.getMessage());
                }
            }
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
