package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-3: a backup of the embedded default (H2) restores into PostgreSQL with identical content. */
class BackupH2ToPostgresTest {

    @RegisterExtension
    static TestDatabase h2 = TestDatabase.h2();

    @TempDir
    Path tmp;

    @Test
    void embeddedBackupRestoresIntoAnEmptyPostgres_OPS_3() throws Exception {
        Fixture.migrate(h2);
        Fixture.seed(h2.dataSource(), 120);
        BackupService backups = new BackupService();
        BackupKey key = BackupKey.generate(tmp.resolve("k"));
        Path archive = backups.create(h2.dataSource(), Fixture.dataDir(tmp), null, tmp.resolve("b"), key, Progress.NONE);
        BackupManifest m = backups.manifest(archive, key);
        assertEquals("H2", m.source().product());
        assertEquals(120, m.table("est_house").rows());
        assertTrue(backups.verify(archive, key, Progress.NONE).ok());
        assertEquals(Fixture.expected(m), Fixture.hashes(h2.dataSource(), m));

        try (ScratchDatabase pg = ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()).create()) {
            backups.restore(archive, key, pg.dataSource(), new BackupService.RestoreOptions(false, null,
                    new LiquibaseSchemas(getClass().getClassLoader()), null, null), Progress.NONE);
            assertEquals(Fixture.expected(m), Fixture.hashes(pg.dataSource(), m), "same rows, same values on PostgreSQL");
        }
        RestoreTestReport rt = backups.restoreTest(archive, key,
                ScratchDatabase.postgresSchema(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword()),
                new LiquibaseSchemas(getClass().getClassLoader()), Progress.NONE);
        assertTrue(rt.ok(), rt.toString());
        RestoreTestReport intoH2 = backups.restoreTest(archive, key, ScratchDatabase.h2Memory(), new LiquibaseSchemas(getClass().getClassLoader()),
                Progress.NONE);
        assertTrue(intoH2.ok(), intoH2.toString());
    }
}
