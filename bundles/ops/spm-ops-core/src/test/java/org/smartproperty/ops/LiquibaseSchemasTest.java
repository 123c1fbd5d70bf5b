package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.ops.BackupReports.RestoreTestReport;

/**
 * OPS-3 (issue 11 item 1): the restore drill finds every changelog a backup names, under the name
 * Liquibase recorded — the changelog's {@code logicalFilePath}, which is not always the bundle's
 * symbolic name (the deadline bundle's is {@code org.smartproperty.deadline}) — and a failure
 * names what is missing instead of printing {@code {0}}.
 */
class LiquibaseSchemasTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @TempDir
    Path tmp;

    /** A bundle jar under {@code dir} with {@code changelog} as db/x.changelog.xml (the same path in every jar). */
    static Path bundle(Path dir, String bsn, String version, String logicalPath, String... tables) throws Exception {
        Files.createDirectories(dir);
        Path jar = dir.resolve(bsn + "-" + version + ".jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        m.getMainAttributes().putValue("Bundle-Version", version);
        m.getMainAttributes().putValue("SPM-Changelog", "db/x.changelog.xml");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "  xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\"\n"
                + "  logicalFilePath=\"" + logicalPath + "\">\n");
        for (String t : tables) {
            xml.append("  <changeSet id=\"").append(t).append("\" author=\"test\"><createTable tableName=\"").append(t)
                    .append("\"><column name=\"id\" type=\"BIGINT\"><constraints primaryKey=\"true\"/></column></createTable></changeSet>\n");
        }
        xml.append("</databaseChangeLog>\n");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("db/x.changelog.xml"));
            j.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    static List<String> tables(Connection c) throws Exception {
        return Tables.ordered(c);
    }

    @Test
    void findsAChangelogByItsLogicalPathNotOnlyByTheBundleName_OPS_3() throws Exception {
        Path system = tmp.resolve("system");
        // as the deadline bundle: logicalFilePath org.smartproperty.deadline, symbolic name ….deadline.impl
        bundle(system.resolve("a/1.0.0"), "t.deadline.impl", "1.0.0", "t.deadline", "t_one");
        // an upgrade left the newer jar beside the old one: the newer wins
        bundle(system.resolve("a/1.1.0"), "t.deadline.impl", "1.1.0", "t.deadline", "t_one", "t_two");
        // another bundle whose changelog has the same path inside its jar: read from its own jar only
        bundle(tmp.resolve("deploy"), "t.other", "0.1.0.SNAPSHOT", "t.other", "t_other");
        Files.writeString(system.resolve("not-a-jar.jar"), "x"); // ignored
        LiquibaseSchemas schemas = LiquibaseSchemas.under(List.of(system, tmp.resolve("deploy"), tmp.resolve("missing")),
                getClass().getClassLoader());
        assertEquals("db/x.changelog.xml", schemas.changelogs().get("t.deadline"));
        assertEquals("db/x.changelog.xml", schemas.changelogs().get("t.deadline.impl"));

        try (ScratchDatabase db = ScratchDatabase.h2Memory().create()) {
            schemas.prepare(db.dataSource(), List.of("t.deadline", "t.other"));
            try (Connection c = db.dataSource().getConnection()) {
                List<String> t = tables(c);
                assertTrue(t.containsAll(List.of("t_one", "t_two", "t_other")), t.toString());
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM databasechangelog WHERE filename = 't.deadline'")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1), "recorded under the logical path, as the platform records it");
                }
            }
        }
    }

    @Test
    void aMissingChangelogIsNamedWithWhereItWasLookedFor_OPS_3() throws Exception {
        Path system = tmp.resolve("system");
        bundle(system, "t.one", "1.0.0", "t.one", "t_one");
        LiquibaseSchemas schemas = LiquibaseSchemas.under(List.of(system), getClass().getClassLoader());
        try (ScratchDatabase db = ScratchDatabase.h2Memory().create()) {
            OpsException e = assertThrows(OpsException.class, () -> schemas.prepare(db.dataSource(), List.of("t.one", "org.example.gone")));
            assertEquals("restore.changelogMissing", e.key());
            assertEquals(List.of("org.example.gone", system.toString()), e.args());
            for (Locale l : List.of(Locale.ENGLISH, OpsMessages.CHINESE)) {
                String text = e.message(l);
                assertTrue(text.contains("org.example.gone") && text.contains(system.toString()), text);
                assertFalse(PLACEHOLDER.matcher(text).find(), text);
            }
        }
    }

    /** The restore drill's report and its record keep the problem's arguments, so its text is whole wherever it is printed. */
    @Test
    void theRestoreTestReportKeepsTheProblemsArguments_OPS_3() throws Exception {
        BackupService backups = new BackupService();
        BackupKey key = BackupKey.generate(tmp.resolve("k"));
        Path archive;
        try (ScratchDatabase src = ScratchDatabase.h2Memory().create()) {
            bundle(tmp.resolve("src"), "t.one", "1.0.0", "t.one", "t_one");
            LiquibaseSchemas.under(List.of(tmp.resolve("src")), getClass().getClassLoader()).prepare(src.dataSource(), List.of("t.one"));
            archive = backups.create(src.dataSource(), null, null, tmp.resolve("b"), key, Progress.NONE);
        }
        // restored where the bundle's jar is not to be found
        RestoreTestReport r = backups.restoreTest(archive, key, ScratchDatabase.h2Memory(),
                LiquibaseSchemas.under(List.of(tmp.resolve("empty")), getClass().getClassLoader()), Progress.NONE);
        assertFalse(r.ok());
        assertEquals("restore.changelogMissing", r.problem());
        assertEquals("t.one", r.problemArgs().get(0));
        String text = r.problemMessage(Locale.ENGLISH);
        assertTrue(text.contains("t.one"), text);
        assertFalse(PLACEHOLDER.matcher(text).find(), text);
        String record = Files.readString(r.record());
        assertTrue(record.contains("\"problemArgs\"") && record.contains("t.one"), record);
        assertFalse(PLACEHOLDER.matcher(record).find(), record);
    }

    @Test
    void versionsCompareAsOsgiVersions() {
        assertTrue(LiquibaseSchemas.compareVersions("0.10.0", "0.9.9") > 0);
        assertTrue(LiquibaseSchemas.compareVersions("1.0.0.SNAPSHOT", "1.0.0") > 0);
        assertEquals(0, LiquibaseSchemas.compareVersions("1", "1.0.0"));
    }
}
