package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
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
