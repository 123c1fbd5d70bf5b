package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * OPS-3 (issue 11 item 1): a failed restore drill says WHAT failed — the record kept only the
 * message key, so the CLI printed "no changelog for bundle {0}". A backup naming a changelog that is
 * nowhere to be found (a bundle since removed) fails with its name in the text, the JSON and the
 * record; {@link CliHarness#spm} fails any command whose output holds a bare placeholder.
 */
class SpmRestoreTestProblemTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    @Test
    void aMissingChangelogIsNamedInTextJsonAndRecord_OPS_3() throws Exception {
        db.migrate("db/security.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)"
                    + " VALUES ('gone-1', 'x', 'org.example.gone', now(), 1000, 'EXECUTED')");
        }
        Path config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
        Path key = tmp.resolve("backup.key");
        assertEquals(Spm.OK, spm("backup", "keygen", key.toString()).code());
        Result created = spm("backup", "create", "--to", tmp.resolve("b").toString(), "--key-file", key.toString(), "--config", config.toString(),
                "--no-progress");
        assertEquals(Spm.OK, created.code(), created.err());
        String archive = created.out().trim();
        Path nothing = Files.createDirectories(tmp.resolve("no-bundles"));

        Result text = spm("backup", "restore-test", archive, "--key-file", key.toString(), "--config", config.toString(), "--changelogs",
                nothing.toString(), "--no-progress");
        assertEquals(Spm.CRITICAL, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("org.example.gone") && text.out().contains(nothing.toString()), text.out());

        Result json = spm("backup", "restore-test", archive, "--key-file", key.toString(), "--config", config.toString(), "--changelogs",
                nothing.toString(), "--output", "json");
        assertEquals(Spm.CRITICAL, json.code(), json.out() + json.err());
        JsonNode rec = json.json().path("records").get(0);
        assertEquals("restore.changelogMissing", rec.path("problem").asText());
        assertEquals("org.example.gone", rec.path("problemArgs").get(0).asText());
        assertTrue(rec.path("message").asText().contains("org.example.gone"), rec.toString());
        String record = Files.readString(Path.of(rec.path("record").asText()));
        assertTrue(record.contains("org.example.gone"), record);
        CliHarness.assertNoPlaceholder("restore-test record", record);
    }
}
