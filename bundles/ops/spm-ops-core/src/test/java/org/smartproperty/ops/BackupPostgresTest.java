package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.VerifyReport;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-3 on PostgreSQL: create, verify (flipped byte, wrong key), restore-test, restore into an empty schema. */
class BackupPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static final BackupService backups = new BackupService();
    static BackupKey key;
    static Path archive;
    static Path data;
    static Path etc;

    @BeforeAll
    static void backup() throws Exception {
        Fixture.migrate(db);
        Fixture.seed(db.dataSource(), 300);
        key = BackupKey.generate(tmp.resolve("backup.key"));
        data = Fixture.dataDir(tmp);
        etc = Fixture.etcDir(tmp);
        archive = backups.create(db.dataSource(), data, etc, tmp.resolve("backups"), key, Progress.NONE);
    }

    @Test
    void createWritesAnEncryptedArchiveWithManifest_OPS_3() throws Exception {
        assertTrue(archive.getFileName().toString().matches("spm-backup-\\d{8}T\\d{6}Z-[a-z0-9.-]+\\.spmbak"), archive.toString());
        BackupManifest m = backups.manifest(archive, key);
        assertEquals(BackupManifest.VERSION, m.formatVersion());
        assertTrue(m.encrypted());
        assertEquals("PostgreSQL", m.source().product());
        assertEquals(300, m.table("est_house").rows());
        assertEquals(300, m.table("est_owner").rows());
        assertEquals(2, m.table("est_estate").rows());
        assertTrue(m.table("sec_role_permission").rows() > 0, "seeded rows are business data too");
        assertTrue(m.tables().stream().noneMatch(t -> t.name().startsWith("databasechangelog")));
        assertTrue(m.schemaVersions().stream().anyMatch(v -> v.bundle().equals("org.smartproperty.estate.impl") && v.changeSets() > 0));
        assertTrue(m.schemaVersions().stream().anyMatch(v -> v.bundle().equals("org.smartproperty.platform.security")));
        // parents before children
        List<String> order = m.tables().stream().map(BackupManifest.TableEntry::name).toList();
        assertTrue(order.indexOf("est_estate") < order.indexOf("est_building"));
        assertTrue(order.indexOf("est_house") < order.indexOf("est_house_owner"));
        assertEquals(2, m.files().count(), "files/tmp is left out");
        assertEquals(1, m.etc().count());
        assertTrue(m.sequences().stream().anyMatch(s -> s.name().equals("est_house_seq")));
        assertEquals(m.tables().size() + 2, m.parts().size());
        m.parts().forEach(p -> assertEquals(64, p.sha256().length()));
        // nothing readable without the key: no table content in clear
        String raw = new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("RESIDENTIAL"));
        assertFalse(raw.contains("jdbc:postgresql://db/spm"));
    }

    @Test
    void verifyPassesOnAnIntactArchive_OPS_3() {
        VerifyReport r = backups.verify(archive, key, Progress.NONE);
        assertTrue(r.ok(), r.toString());
        assertEquals(r.manifest().parts().size() + 1, r.parts().size());
    }

    @Test
    void flippedByteFailsVerifyNamingThePart_OPS_3() throws Exception {
        for (String part : List.of("db/est_house.jsonl", "files", "etc", BackupService.MANIFEST)) {
            Path copy = flipInside(archive, part, "flipped-" + part.replace('/', '_'));
            VerifyReport r = backups.verify(copy, key, Progress.NONE);
            assertFalse(r.ok(), part);
            assertEquals(List.of(part), r.badParts().stream().map(BackupReports.PartCheck::part).toList(), r.toString());
            assertEquals("part.corrupt", r.badParts().get(0).problem());
        }
        // and in the header: the key check no longer fits
        Path copy = tmp.resolve("flipped-header.spmbak");
        byte[] b = Files.readAllBytes(archive);
        b[50] ^= 0x01;
        Files.write(copy, b);
        assertFalse(backups.verify(copy, key, Progress.NONE).ok());
        // a truncated archive
        Path cut = tmp.resolve("truncated.spmbak");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 100));
        VerifyReport r = backups.verify(cut, key, Progress.NONE);
        assertFalse(r.ok());
    }

    /** Copies the archive with one byte flipped inside the first chunk of the named part. */
    static Path flipInside(Path archive, String part, String name) throws Exception {
        byte[] b = Files.readAllBytes(archive);
        byte[] n = part.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(b, n, 74);
        assertTrue(at > 0, part);
        b[at + n.length + 4 + 7] ^= 0x40;
        Path copy = archive.resolveSibling(name + ".spmbak");
        Files.write(copy, b);
        return copy;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void wrongOrMissingKeyFails_OPS_3() throws Exception {
        BackupKey other = BackupKey.generate(tmp.resolve("other.key"));
        VerifyReport r = backups.verify(archive, other, Progress.NONE);
        assertFalse(r.ok());
        assertEquals("verify.wrongKey", r.problem());
        assertEquals("verify.keyRequired", backups.verify(archive, BackupKey.NONE, Progress.NONE).problem());
        OpsException e = assertThrows(OpsException.class, () -> backups.manifest(archive, other));
        assertEquals("verify.wrongKey", e.key());
        assertTrue(e.message(OpsMessages.CHINESE).contains("密钥"));
    }

    @Test
    void unencryptedArchiveStillDetectsAFlippedByte_OPS_3() throws Exception {
        Path plain = backups.create(db.dataSource(), null, null, tmp.resolve("plain"), BackupKey.NONE, Progress.NONE);
        assertTrue(backups.verify(plain, BackupKey.NONE, Progress.NONE).ok());
        assertTrue(new String(Files.readAllBytes(plain), StandardCharsets.ISO_8859_1).contains("db/est_house.jsonl"));
        Path copy = flipInside(plain, "db/est_owner.jsonl", "plain-flipped");
        VerifyReport r = backups.verify(copy, BackupKey.NONE, Progress.NONE);
        assertEquals(List.of("db/est_owner.jsonl"), r.badParts().stream().map(BackupReports.PartCheck::part).toList());
    }

    @Test
    void restoreTestPassesDropsTheScratchSchemaAndKeepsItsRecord_OPS_3() throws Exception {
        RestoreTestReport r = backups.restoreTest(archive, key,
                ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()),
                new LiquibaseSchemas(getClass().getClassLoader()), Progress.NONE);
        assertTrue(r.ok(), r.toString());
        assertTrue(r.tables().stream().anyMatch(t -> t.table().equals("est_house") && t.actualRows() == 300));
        JsonNode rec = new ObjectMapper().readTree(BackupService.restoreTestRecord(archive).toFile());
        assertEquals("backup.restore-test", rec.path("type").asText());
        assertTrue(rec.path("ok").asBoolean());
        assertEquals(BackupService.sha256(archive), rec.path("archiveSha256").asText());
        String schema = r.scratch().substring(r.scratch().lastIndexOf(' ') + 1);
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "scratch schema dropped");
        }
        assertTrue(backups.records(archive.getParent()).stream().anyMatch(m -> "backup.restore-tested".equals(m.get("type"))));
        assertTrue(backups.list(archive.getParent()).stream().anyMatch(a -> a.path().equals(archive) && Boolean.TRUE.equals(a.restoreTestOk())));
    }

    @Test
    void restoreIntoAnEmptySchemaGivesIdenticalContent_OPS_3_OPS_4() throws Exception {
        Path target = tmp.resolve("restored");
        try (ScratchDatabase empty = ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()).create()) {
            RestoreReport r = backups.restore(archive, key, empty.dataSource(),
                    new BackupService.RestoreOptions(false, "http://127.0.0.1:9", new LiquibaseSchemas(getClass().getClassLoader()),
                            target.resolve("data"), target.resolve("etc")), Progress.NONE);
            assertTrue(r.schemaCreated());
            BackupManifest m = backups.manifest(archive, key);
            assertEquals(Fixture.expected(m), Fixture.hashes(empty.dataSource(), m));
            assertEquals(Fixture.hashes(db.dataSource(), m), Fixture.hashes(empty.dataSource(), m));
            assertArrayEquals(Files.readAllBytes(data.resolve("files/ab/abcdef")), Files.readAllBytes(target.resolve("data/files/ab/abcdef")));
            assertFalse(Files.exists(target.resolve("data/files/tmp")));
            assertTrue(Files.readString(target.resolve("etc/org.smartproperty.db.cfg")).contains("jdbc:postgresql://db/spm"));
            try (Connection c = empty.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT nextval('est_house_seq')")) {
                rs.next();
                assertTrue(rs.getLong(1) - 499 > 1300, "the sequence's next block starts after the restored ids");
            }
            // a second restore replaces rows (no duplicates)
            backups.restore(archive, key, empty.dataSource(), new BackupService.RestoreOptions(false, null, null, null, null), Progress.NONE);
            assertEquals(Fixture.expected(m), Fixture.hashes(empty.dataSource(), m));
        }
    }

    @Test
    void restoreRefusesALivePlatformUnlessForced_OPS_3() throws Exception {
        HttpServer live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/api/v1/health", x -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        live.start();
        try (ScratchDatabase empty = ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()).create()) {
            String url = "http://127.0.0.1:" + live.getAddress().getPort();
            LiquibaseSchemas schemas = new LiquibaseSchemas(getClass().getClassLoader());
            OpsException e = assertThrows(OpsException.class, () -> backups.restore(archive, key, empty.dataSource(),
                    new BackupService.RestoreOptions(false, url, schemas, null, null), Progress.NONE));
            assertEquals("restore.platformLive", e.key());
            try (Connection c = empty.dataSource().getConnection(); ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "est_house", null)) {
                assertFalse(rs.next(), "nothing written");
            }
            RestoreReport r = backups.restore(archive, key, empty.dataSource(), new BackupService.RestoreOptions(true, url, schemas, null, null),
                    Progress.NONE);
            assertEquals(300 * 3 + 4, r.rows() - backups.manifest(archive, key).tables().stream()
                    .filter(t -> !t.name().startsWith("est_")).mapToLong(BackupManifest.TableEntry::rows).sum());
        } finally {
            live.stop(0);
        }
    }

    @Test
    void restoreWithoutChangelogsNeedsAMigratedTarget_OPS_3() throws Exception {
        try (ScratchDatabase empty = ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()).create()) {
            OpsException e = assertThrows(OpsException.class, () -> backups.restore(archive, key, empty.dataSource(),
                    new BackupService.RestoreOptions(false, null, null, null, null), Progress.NONE));
            assertEquals("restore.notMigrated", e.key());
        }
    }

    @Test
    void everyOperationLeavesARecord_OPS_3() {
        List<Map<String, Object>> recs = backups.records(archive.getParent());
        assertNotNull(recs);
        assertTrue(recs.stream().anyMatch(m -> "backup.created".equals(m.get("type")) && archive.getFileName().toString().equals(m.get("archive"))));
    }
}
