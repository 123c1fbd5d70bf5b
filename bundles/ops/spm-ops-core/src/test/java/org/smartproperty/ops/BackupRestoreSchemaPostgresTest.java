package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 19 item 4: a restore into PostgreSQL drops the indexes, unique constraints and foreign keys
 * of the loaded tables and builds them after the rows; the target must end with the very same
 * indexes and constraints as a migrated database, and a restore that fails anywhere (a damaged part
 * midway, a foreign key that no longer holds at the end) must leave the target as it was.
 */
class BackupRestoreSchemaPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static final BackupService backups = new BackupService();
    static BackupKey key;
    static Path archive;
    static BackupManifest manifest;
    static List<String> migrated;

    @BeforeAll
    static void backup() throws Exception {
        Fixture.migrate(db);
        Fixture.seed(db.dataSource(), 200);
        key = BackupKey.generate(tmp.resolve("backup.key"));
        archive = backups.create(db.dataSource(), null, null, tmp.resolve("backups"), key, Progress.NONE);
        manifest = backups.manifest(archive, key);
        migrated = schemaObjects(db.dataSource());
    }

    static ScratchDatabase scratch() {
        return ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()).create();
    }

    static BackupService.RestoreOptions options(boolean withSchema) {
        return new BackupService.RestoreOptions(false, null, withSchema ? new LiquibaseSchemas(BackupRestoreSchemaPostgresTest.class.getClassLoader()) : null,
                null, null);
    }

    /** Every index (pg_indexes) and constraint (pg_constraint) of the current schema, as definitions without the schema's name. */
    static List<String> schemaObjects(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String schema = c.getSchema();
            try (ResultSet rs = s.executeQuery("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2")) {
                while (rs.next()) {
                    out.add("index " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3).replace(schema + ".", ""));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT t.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred, "
                    + "k.convalidated, coalesce(i.relname, '-') FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                    + "LEFT JOIN pg_class i ON i.oid = k.conindid WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2")) {
                while (rs.next()) {
                    out.add("constraint " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4).replace(schema + ".", "")
                            + " deferrable=" + rs.getBoolean(5) + " deferred=" + rs.getBoolean(6) + " validated=" + rs.getBoolean(7)
                            + " index=" + rs.getString(8));
                }
            }
        }
        return out;
    }

    static List<String> comments(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT obj_description('ix_est_house_estate'::regclass, 'pg_class'), (SELECT obj_description(oid, 'pg_constraint') "
                + "FROM pg_constraint WHERE conname = 'fk_est_ho_house' AND connamespace = current_schema()::regnamespace)")) {
            rs.next();
            out.add(rs.getString(1));
            out.add(rs.getString(2));
        }
        return out;
    }

    @Test
    void restoredSchemaHasTheMigratedIndexesAndConstraintsAndAFailedRestoreChangesNothing_issue19_4() throws Exception {
        assertTrue(migrated.stream().anyMatch(o -> o.startsWith("index est_house ix_est_house_estate ")), String.join("\n", migrated));
        assertTrue(migrated.stream().anyMatch(o -> o.startsWith("constraint est_house_owner fk_est_ho_house f ")), String.join("\n", migrated));
        assertTrue(migrated.stream().anyMatch(o -> o.contains(" u UNIQUE ")), "unique constraints are covered too");
        try (ScratchDatabase target = scratch()) {
            backups.restore(archive, key, target.dataSource(), options(true), Progress.NONE);
            assertEquals(Fixture.expected(manifest), Fixture.hashes(target.dataSource(), manifest));
            assertEquals(String.join("\n", migrated), String.join("\n", schemaObjects(target.dataSource())));
            // and again into the now filled target (rows replaced, objects dropped and rebuilt once more; their comments kept)
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("COMMENT ON INDEX ix_est_house_estate IS '楼盘 index'");
                s.execute("COMMENT ON CONSTRAINT fk_est_ho_house ON est_house_owner IS 'it''s a foreign key'");
            }
            backups.restore(archive, key, target.dataSource(), options(false), Progress.NONE);
            assertEquals(Fixture.expected(manifest), Fixture.hashes(target.dataSource(), manifest));
            assertEquals(String.join("\n", migrated), String.join("\n", schemaObjects(target.dataSource())));
            assertEquals(List.of("楼盘 index", "it's a foreign key"), comments(target.dataSource()));

            // a part damaged midway: the rows restored before it are rolled back with the drops
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE est_owner SET name = 'changed after the backup' WHERE id = (SELECT MIN(id) FROM est_owner)");
            }
            Map<String, String> before = Fixture.hashes(target.dataSource(), manifest);
            assertFalse(before.equals(Fixture.expected(manifest)));
            OpsException e = assertThrows(OpsException.class, () -> backups.restore(damaged(), key, target.dataSource(), options(false), Progress.NONE));
            assertEquals("restore.archiveDamaged", e.key());
            assertEquals(LATE, e.args().get(1));
            assertEquals(before, Fixture.hashes(target.dataSource(), manifest), "rows as they were");
            assertEquals(String.join("\n", migrated), String.join("\n", schemaObjects(target.dataSource())), "indexes and constraints as they were");

            // a foreign key that no longer holds when it is added again after the load: an estate the
            // archive does not have, referenced from a table the archive does not have
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE e AS SELECT * FROM est_estate ORDER BY id LIMIT 1");
                s.execute("UPDATE e SET id = 999999, project_code = 'HQ-EXTRA', name = 'not in the archive'");
                s.execute("INSERT INTO est_estate SELECT * FROM e");
                s.execute("CREATE TABLE x_note (id BIGINT PRIMARY KEY, estate_id BIGINT NOT NULL CONSTRAINT fk_x_note_estate REFERENCES est_estate(id))");
                s.execute("INSERT INTO x_note VALUES (1, 999999)");
            }
            List<String> objects = schemaObjects(target.dataSource());
            before = Fixture.hashes(target.dataSource(), manifest);
            e = assertThrows(OpsException.class, () -> backups.restore(archive, key, target.dataSource(), options(false), Progress.NONE));
            assertEquals("restore.failed", e.key());
            assertTrue(e.args().get(1).contains("fk_x_note_estate"), e.args().toString());
            assertEquals(before, Fixture.hashes(target.dataSource(), manifest), "rows as they were");
            assertEquals(objects, schemaObjects(target.dataSource()), "indexes and constraints as they were");
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM est_estate WHERE id = 999999")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    static final String LATE = "db/est_house_owner.jsonl"; // loaded after estates, buildings, houses and owners

    static Path damaged() throws Exception {
        List<String> order = manifest.tables().stream().map(BackupManifest.TableEntry::name).toList();
        assertTrue(order.indexOf("est_house_owner") > order.indexOf("est_house"), order.toString());
        return BackupPostgresTest.flipInside(archive, LATE, "damaged-late");
    }

    @Test
    void aPartDamagedMidwayLeavesAMigratedEmptyTargetEmpty_issue19_4() throws Exception {
        try (ScratchDatabase target = scratch()) {
            new LiquibaseSchemas(getClass().getClassLoader()).prepare(target.dataSource(),
                    manifest.schemaVersions().stream().map(BackupManifest.SchemaVersion::bundle).toList());
            Map<String, String> migratedRows = Fixture.hashes(target.dataSource(), manifest); // what the changelogs seed
            OpsException e = assertThrows(OpsException.class, () -> backups.restore(damaged(), key, target.dataSource(), options(true), Progress.NONE));
            assertEquals("restore.archiveDamaged", e.key());
            assertEquals(LATE, e.args().get(1));
            assertEquals(migratedRows, Fixture.hashes(target.dataSource(), manifest), "not one restored row stays");
            try (Connection c = target.dataSource().getConnection()) {
                assertEquals(0, Tables.count(c, "est_house"));
            }
            assertEquals(String.join("\n", migrated), String.join("\n", schemaObjects(target.dataSource())), "drops rolled back");
        }
    }
}
