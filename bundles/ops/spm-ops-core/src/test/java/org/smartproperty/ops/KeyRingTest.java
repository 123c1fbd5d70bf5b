package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-1 key rotation: the ring keeps retired backup keys, and every reader tries them all. */
class KeyRingTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    static final Clock AT = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    @BeforeAll
    static void schema() throws Exception {
        db.migrate("db/security.changelog.xml");
    }

    @Test
    void rotateRetiresTheKeyBesideTheFileAndArchivesOfBothKeysStayReadable_OPS_1() throws Exception {
        Path key = tmp.resolve("backup.key");
        BackupKey first = BackupKey.generate(key);
        BackupService backups = new BackupService();
        Path dir = tmp.resolve("archives");
        Path old = backups.create(db.dataSource(), null, null, dir, BackupKey.load(key), Progress.NONE);

        KeyRing.Rotation r = KeyRing.rotate(key, AT);
        assertEquals("backup.key.20261127101530.old", r.retired().getFileName().toString());
        assertEquals(KeyRing.fingerprint(first), r.oldFingerprint());
        assertEquals(KeyRing.fingerprint(BackupKey.loadOne(r.retired())), r.oldFingerprint());
        assertNotEquals(r.oldFingerprint(), r.newFingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.retired())));

        Path fresh = backups.create(db.dataSource(), null, null, dir, BackupKey.load(key), Progress.NONE);
        assertTrue(backups.verify(old, BackupKey.load(key), Progress.NONE).ok(), "the ring opens the old archive");
        assertTrue(backups.verify(fresh, BackupKey.load(key), Progress.NONE).ok());
        assertEquals("verify.wrongKey", backups.verify(old, BackupKey.loadOne(key), Progress.NONE).problem(), "the new key alone does not");
        assertEquals("verify.wrongKey", backups.verify(fresh, BackupKey.loadOne(r.retired()), Progress.NONE).problem(),
                "new archives are written with the new key");

        List<KeyRing.KeyInfo> ring = KeyRing.list(key, dir);
        assertEquals(2, ring.size());
        assertTrue(ring.get(0).current());
        assertEquals(1, ring.get(0).archives());
        assertEquals(1, ring.get(1).archives());
        assertEquals(-1, KeyRing.list(key, null).get(0).archives());

        assertEquals(List.of(), KeyRing.prune(key, dir, false));
        Files.delete(old);
        assertEquals(List.of(r.retired()), KeyRing.prune(key, dir, true));
        assertTrue(Files.exists(r.retired()), "dry run");
        KeyRing.prune(key, dir, false);
        assertFalse(Files.exists(r.retired()));
    }

    @Test
    void twoRotationsInOneSecondKeepBothRetiredKeysNewestFirst_OPS_1() throws Exception {
        Path key = tmp.resolve("k");
        BackupKey.generate(key);
        Path a = KeyRing.rotate(key, AT).retired();
        Path b = KeyRing.rotate(key, AT).retired();
        assertNotEquals(a, b);
        assertEquals(List.of(b, a), KeyRing.retired(key));
        Files.writeString(tmp.resolve("k.note.old"), "not a key");
        assertEquals(2, KeyRing.retired(key).size(), "only FILE.<timestamp>.old belongs to the ring");
    }

    @Test
    void missingKeyFileIsRefused_OPS_1() {
        OpsException e = assertThrows(OpsException.class, () -> KeyRing.rotate(tmp.resolve("none"), AT));
        assertEquals("keys.noKeyFile", e.key());
    }
}
