package org.smartproperty.ops.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.Progress;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * OPS-3 / issue 5 (every command in both front ends): the Karaf shell's spm:backup-prune,
 * spm:backup-restore-test and spm:backup-restore, run through their execute() as the shell does,
 * against real PostgreSQL; the platform's settings come from ${karaf.etc}/org.smartproperty.db.cfg.
 */
class BackupShellCommandsTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    String previousEtc;
    String platformUrl;
    Locale locale = OpsMessages.fromEnvironment();

    @BeforeAll
    static void schema() throws Exception {
        db.migrate("db/estate.changelog.xml");
    }

    @BeforeEach
    void karafEtc() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        platformUrl = TestDatabase.serverUrl() + (TestDatabase.serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + db.schema();
        Files.writeString(etc.resolve("org.smartproperty.db.cfg"), "url=" + platformUrl + "\nuser=" + TestDatabase.serverUser() + "\npassword="
                + (TestDatabase.serverPassword() == null ? "" : TestDatabase.serverPassword()) + "\n");
        previousEtc = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", etc.toString());
    }

    @AfterEach
    void restoreEtc() {
        if (previousEtc == null) {
            System.clearProperty("karaf.etc");
        } else {
            System.setProperty("karaf.etc", previousEtc);
        }
    }

    Path archive() {
        return new BackupService().create(db.dataSource(), null, null, tmp.resolve("backups"), BackupKey.NONE, Progress.NONE);
    }

    @Test
    void pruneDeletesArchivesOutsideTheRetentionAndDryRunKeepsThem_OPS_3() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("prune"));
        Files.writeString(dir.resolve("spm-backup-20261101T000000Z-h.spmbak"), "x");
        Files.writeString(dir.resolve("spm-backup-20261102T000000Z-h.spmbak"), "x");
        BackupPruneCommand c = new BackupPruneCommand();
        c.dir = dir.toString();
        c.daily = 1;
        c.dryRun = true;
        String out = (String) c.execute();
        assertTrue(out.contains("would delete spm-backup-20261101T000000Z-h.spmbak"), out);
        assertTrue(out.contains(OpsMessages.format(locale, "prune.done", 1, 1)), out);
        assertTrue(Files.exists(dir.resolve("spm-backup-20261101T000000Z-h.spmbak")), "dry run deletes nothing");
        c.dryRun = false;
        out = (String) c.execute();
        assertTrue(out.contains("deleted spm-backup-20261101T000000Z-h.spmbak"), out);
        assertFalse(Files.exists(dir.resolve("spm-backup-20261101T000000Z-h.spmbak")));
        assertTrue(Files.exists(dir.resolve("spm-backup-20261102T000000Z-h.spmbak")));
        c.daily = -1;
        assertEquals(OpsMessages.format(locale, "prune.negative"), c.execute());
    }

    @Test
    void restoreTestRestoresIntoAScratchSchemaOnThePlatformsServerAndDropsIt_OPS_3() throws Exception {
        Path archive = archive();
        // the test database is shared: an interrupted earlier run may have left scratch schemas; only new ones count
        java.util.Set<String> before = scratchSchemas();
        BackupRestoreTestCommand c = new BackupRestoreTestCommand();
        c.archive = archive.toString();
        c.noEncryption = true;
        String out = (String) c.execute();
        assertTrue(out.startsWith("TABLE"), out);
        assertTrue(out.contains("est_"), "the estate tables are checked: " + out);
        assertFalse(out.contains("DIFFERS"), out);
        assertTrue(Files.exists(BackupService.restoreTestRecord(archive)), "the record beside the archive");
        assertTrue(new BackupService().list(archive.getParent()).get(0).restoreTestOk());
        java.util.Set<String> after = scratchSchemas();
        after.removeAll(before);
        assertEquals(java.util.Set.of(), after, "the scratch schema is dropped");
        c.noEncryption = false;
        assertEquals(OpsMessages.format(locale, "key.required"), c.execute(), "no key, no encryption flag: refused");
    }

    /** Issue 11 item 1: a failed drill names what failed (the report kept only the key: "no changelog for bundle {0}"). */
    @Test
    void aFailedRestoreTestNamesTheMissingChangelog_OPS_3() throws Exception {
        Path archive;
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            // a bundle since removed: its change sets are in the source's databasechangelog, its jar nowhere
            s.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)"
                    + " VALUES ('gone-1', 'x', 'org.example.gone', now(), 1000, 'EXECUTED')");
            try {
                archive = archive();
            } finally {
                s.execute("DELETE FROM databasechangelog WHERE filename = 'org.example.gone'");
            }
        }
        BackupRestoreTestCommand c = new BackupRestoreTestCommand();
        c.archive = archive.toString();
        c.noEncryption = true;
        String out = (String) c.execute();
        assertTrue(out.contains("org.example.gone"), out);
        assertFalse(java.util.regex.Pattern.compile("\\{\\d+}").matcher(out).find(), "no bare placeholder: " + out);
        assertFalse(new BackupService().list(archive.getParent()).get(0).restoreTestOk());
    }

    java.util.Set<String> scratchSchemas() throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (Connection con = db.dataSource().getConnection(); Statement s = con.createStatement();
                ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'spm_restore_test_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void restoreRefusesThePlatformsOwnDatabaseAndRestoresIntoAnother_OPS_3() throws Exception {
        Path archive = archive();
        BackupRestoreCommand c = new BackupRestoreCommand();
        c.dataSource = db.dataSource();
        c.archive = archive.toString();
        c.noEncryption = true;
        c.targetDb = platformUrl;
        assertEquals(OpsMessages.format(locale, "restore.ownDatabase", BackupService.safeUrl(platformUrl)), c.execute(), "the same URL");
        String otherSpelling = platformUrl.replace("127.0.0.1", "localhost");
        if (!otherSpelling.equals(platformUrl)) {
            c.targetDb = otherSpelling;
            assertEquals(OpsMessages.format(locale, "restore.ownDatabase", BackupService.safeUrl(otherSpelling)), c.execute(),
                    "another spelling of the same server, database and schema");
        }
        c.targetDb = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=other";
        c.dataDir = System.getProperty("java.io.tmpdir");
        String previousData = System.getProperty("karaf.data");
        System.setProperty("karaf.data", c.dataDir);
        try {
            assertEquals(OpsMessages.format(locale, "restore.ownFolder", c.dataDir), c.execute(), "the platform's own data folder");
        } finally {
            if (previousData == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previousData);
            }
        }
        c.dataDir = null;
        String other = "r_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection con = db.dataSource().getConnection(); Statement s = con.createStatement()) {
            s.execute("CREATE SCHEMA " + other);
        }
        try {
            c.targetDb = TestDatabase.serverUrl() + (TestDatabase.serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + other;
            String out = (String) c.execute();
            String done = OpsMessages.format(locale, "restore.done", 0, 0, 0, 0, 0);
            assertTrue(out.startsWith(done.substring(0, done.indexOf('0'))), out);
            try (Connection con = db.dataSource().getConnection(); Statement s = con.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + other + "'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the other schema got the tables: " + out);
            }
        } finally {
            try (Connection con = db.dataSource().getConnection(); Statement s = con.createStatement()) {
                s.execute("DROP SCHEMA " + other + " CASCADE");
            }
        }
    }
}
