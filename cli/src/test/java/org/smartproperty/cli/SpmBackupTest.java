package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-3: the real `spm backup …` commands against PostgreSQL: exit codes and versioned JSON. */
class SpmBackupTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;
    static Path key;
    static Path dir;



    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        db.migrate("db/estate.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO est_estate (id, name, address, community, admin_code, status, version, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (1, '横琴一号', '环岛东路 1 号', '小横琴社区', '440404', 'ACTIVE', 1, now(), 'cli', now(), 'cli')");
        }
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
        key = tmp.resolve("backup.key");
        assertEquals(Spm.OK, spm("backup", "keygen", key.toString()).code());
        dir = tmp.resolve("backups");
    }

    static Path create() throws Exception {
        Result r = spm("backup", "create", "--to", dir.toString(), "--key-file", key.toString(), "--config", config.toString(), "--no-progress");
        assertEquals(Spm.OK, r.code(), r.err());
        Path archive = Path.of(r.out().trim());
        assertTrue(Files.isRegularFile(archive), r.out());
        return archive;
    }

    @Test
    void createPrintsThePathAndVerifyPasses_OPS_3() throws Exception {
        Path archive = create();
        Result v = spm("backup", "verify", archive.toString(), "--key-file", key.toString(), "--output", "json");
        assertEquals(Spm.OK, v.code(), v.err());
        JsonNode j = v.json();
        assertEquals(1, j.path("version").asInt());
        assertEquals("OK", j.path("status").asText());
        assertEquals("backup.verify", j.path("records").get(0).path("type").asText());
        assertTrue(j.path("records").get(0).path("ok").asBoolean());
        for (JsonNode rec : j.path("records")) {
            assertTrue(rec.hasNonNull("type"));
        }
        assertTrue(j.toString().contains("db/est_estate.jsonl"));
    }

    @Test
    void createJsonAndListShowTheArchive_OPS_3() throws Exception {
        Result r = spm("backup", "create", "--to", dir.toString(), "--key-file", key.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, r.code(), r.err());
        JsonNode rec = r.json().path("records").get(0);
        assertEquals("backup.archive", rec.path("type").asText());
        assertTrue(rec.path("encrypted").asBoolean());
        assertTrue(rec.path("rows").asLong() >= 1);
        Result l = spm("backup", "list", dir.toString(), "--output", "json");
        assertEquals(Spm.OK, l.code());
        assertTrue(l.out().contains(Path.of(rec.path("path").asText()).getFileName().toString()));
        Result t = spm("backup", "list", dir.toString());
        assertTrue(t.out().startsWith("ARCHIVE"), t.out());
    }

    @Test
    void flippedByteIsCritical2NamingThePart_OPS_3() throws Exception {
        Path archive = create();
        byte[] b = Files.readAllBytes(archive);
        byte[] name = "db/est_estate.jsonl".getBytes();
        int at = indexOf(b, name);
        b[at + name.length + 4 + 9] ^= 0x10;
        Path bad = tmp.resolve("bad.spmbak");
        Files.write(bad, b);
        Result v = spm("backup", "verify", bad.toString(), "--key-file", key.toString(), "--output", "json");
        assertEquals(Spm.CRITICAL, v.code());
        assertEquals("CRITICAL", v.json().path("status").asText());
        boolean named = false;
        for (JsonNode rec : v.json().path("records")) {
            if ("backup.part".equals(rec.path("type").asText()) && !rec.path("ok").asBoolean()) {
                assertEquals("db/est_estate.jsonl", rec.path("part").asText());
                assertEquals("part.corrupt", rec.path("problem").asText());
                named = true;
            }
        }
        assertTrue(named, v.out());
        Result table = spm("backup", "verify", bad.toString(), "--key-file", key.toString());
        assertEquals(Spm.CRITICAL, table.code());
        assertTrue(table.out().contains("db/est_estate.jsonl") && table.out().contains("BAD"), table.out());
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 74; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void wrongKeyIsCritical_OPS_3() throws Exception {
        Path archive = create();
        Path other = tmp.resolve("other.key");
        spm("backup", "keygen", other.toString());
        Result v = spm("backup", "verify", archive.toString(), "--key-file", other.toString(), "--output", "json");
        assertEquals(Spm.CRITICAL, v.code());
        assertEquals("verify.wrongKey", v.json().path("records").get(0).path("problem").asText());
    }

    @Test
    void restoreTestPassesAndKeepsTheRecord_OPS_3() throws Exception {
        Path archive = create();
        Result r = spm("backup", "restore-test", archive.toString(), "--key-file", key.toString(), "--config", config.toString(), "--output", "json");
        assertEquals(Spm.OK, r.code(), r.out() + r.err());
        JsonNode rec = r.json().path("records").get(0);
        assertEquals("backup.restore-test", rec.path("type").asText());
        assertTrue(rec.path("ok").asBoolean());
        assertTrue(Files.exists(Path.of(rec.path("record").asText())));
        assertTrue(r.out().contains("\"table\":\"est_estate\""), r.out());
    }

    @Test
    void restoreIntoAnEmptySchemaThenRefusedWhenLive_OPS_3() throws Exception {
        Path archive = create();
        String target = "t_cli_restore_" + Long.toHexString(System.nanoTime());
        try (Connection c = java.sql.DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + target);
        }
        try {
            String url = TestDatabase.serverUrl() + (TestDatabase.serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + target;
            Result r = spm("backup", "restore", archive.toString(), "--key-file", key.toString(), "--config", config.toString(),
                    "--target-db", url, "--url", "http://127.0.0.1:9", "--output", "json");
            assertEquals(Spm.OK, r.code(), r.out() + r.err());
            JsonNode rec = r.json().path("records").get(0);
            assertEquals("backup.restore", rec.path("type").asText());
            assertTrue(rec.path("schemaCreated").asBoolean());
            try (Connection c = java.sql.DriverManager.getConnection(url, TestDatabase.serverUser(), TestDatabase.serverPassword());
                    Statement s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM est_estate WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals("横琴一号", rs.getString(1));
            }
            com.sun.net.httpserver.HttpServer live = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            live.createContext("/api/v1/health", x -> {
                x.sendResponseHeaders(200, -1);
                x.close();
            });
            live.start();
            try {
                Result refused = spm("backup", "restore", archive.toString(), "--key-file", key.toString(), "--config", config.toString(),
                        "--target-db", url, "--url", "http://127.0.0.1:" + live.getAddress().getPort(), "--output", "json");
                assertEquals(Spm.CRITICAL, refused.code());
                assertEquals("restore.platformLive", refused.json().path("records").get(0).path("key").asText());
            } finally {
                live.stop(0);
            }
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + target + " CASCADE");
            }
        }
    }

    @Test
    void badUsageIs64_OPS_3() throws Exception {
        assertEquals(Spm.USAGE, spm("backup", "create", "--to", dir.toString(), "--config", config.toString()).code(), "no key, no --no-encryption");
        assertEquals(Spm.USAGE, spm("backup", "create", "--to", dir.toString(), "--key-file", key.toString(), "--no-encryption",
                "--config", config.toString()).code());
        assertEquals(Spm.USAGE, spm("backup", "verify").code());
        assertEquals(Spm.USAGE, spm("backup", "prune", dir.toString(), "--daily", "x", "--weekly", "1", "--monthly", "1").code());
        assertEquals(Spm.USAGE, spm("backup", "list", dir.toString(), "--output", "xml").code());
        assertEquals(Spm.USAGE, spm("backup", "--password", "secret").code(), "no password option exists");
        Path open = tmp.resolve("open.cfg");
        Files.copy(config, open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Result r = spm("backup", "create", "--to", dir.toString(), "--key-file", key.toString(), "--config", open.toString());
        assertEquals(Spm.USAGE, r.code(), "a config file others can read is refused");
        assertFalse(r.err().isBlank());
        for (String sub : new String[] {"create", "list", "verify", "restore-test", "restore", "prune", "keygen"}) {
            Result h = spm("backup", sub, "--help");
            assertEquals(Spm.OK, h.code(), sub);
            assertTrue(h.out().contains("Usage"), sub);
        }
    }

    @Test
    void pruneJson_OPS_3() throws Exception {
        Path p = tmp.resolve("prune");
        Files.createDirectories(p);
        Files.writeString(p.resolve("spm-backup-20261101T000000Z-h.spmbak"), "x");
        Files.writeString(p.resolve("spm-backup-20261102T000000Z-h.spmbak"), "x");
        Result r = spm("backup", "prune", p.toString(), "--daily", "1", "--weekly", "0", "--monthly", "0", "--output", "json");
        assertEquals(Spm.OK, r.code(), r.err());
        assertEquals("backup.kept", r.json().path("records").get(0).path("type").asText());
        assertEquals("backup.deleted", r.json().path("records").get(1).path("type").asText());
        assertFalse(Files.exists(p.resolve("spm-backup-20261101T000000Z-h.spmbak")));
    }
}
