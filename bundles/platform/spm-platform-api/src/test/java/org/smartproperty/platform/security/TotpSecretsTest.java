package org.smartproperty.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 8 (OPS-1): TOTP secrets encrypted at rest, AES-256-GCM under a key kept outside the database. */
class TotpSecretsTest {

    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void aValueIsVersionedNamesItsKeyUsesAFreshIvAndOpensOnlyForItsAccount_issue10_item8() {
        TotpSecrets keys = TotpSecrets.random();
        String a = keys.encrypt(7, SECRET);
        String b = keys.encrypt(7, SECRET);
        assertTrue(a.startsWith("v1:" + keys.currentKeyId() + ":"), a);
        assertEquals(4, a.split(":").length);
        assertFalse(a.contains(SECRET));
        assertNotEquals(a, b, "a random IV per value");
        assertTrue(a.length() <= 255, "fits sec_account.totp_secret: " + a.length());
        assertEquals(SECRET, keys.decrypt(7, a));
        assertEquals(keys.currentKeyId(), TotpSecrets.keyIdOf(a));
        assertTrue(keys.current(a));
        assertThrows(TotpSecrets.Unreadable.class, () -> keys.decrypt(8, a), "another account's value does not open");
        String flipped = a.substring(0, a.length() - 3) + (a.charAt(a.length() - 3) == 'A' ? 'B' : 'A') + a.substring(a.length() - 2);
        assertThrows(TotpSecrets.Unreadable.class, () -> keys.decrypt(7, flipped));
    }

    @Test
    void aPlainValueOfAnOlderDatabaseIsReadAsItIs_issue10_item8() {
        TotpSecrets keys = TotpSecrets.random();
        assertFalse(TotpSecrets.encrypted(SECRET));
        assertNull(TotpSecrets.keyIdOf(SECRET));
        assertFalse(keys.current(SECRET));
        assertEquals(SECRET, keys.decrypt(1, SECRET));
    }

    @Test
    void theRingOpensValuesOfRetiredKeysAndNamesAMissingKey_issue10_item8() {
        byte[] oldKey = new byte[32];
        new java.security.SecureRandom().nextBytes(oldKey);
        TotpSecrets old = TotpSecrets.of(oldKey);
        String v = old.encrypt(3, SECRET);
        TotpSecrets rotated = TotpSecrets.of(new byte[32], oldKey);
        assertFalse(rotated.current(v));
        assertEquals(SECRET, rotated.decrypt(3, v));
        TotpSecrets other = TotpSecrets.random();
        TotpSecrets.Unreadable e = assertThrows(TotpSecrets.Unreadable.class, () -> other.decrypt(3, v));
        assertEquals(old.currentKeyId(), e.keyId());
    }

    @Test
    void keyFilesAreOwnerOnlyNeverOverwrittenAndTheRingReadsRetiredKeysNewestFirst_issue10_item8(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("security").resolve("totp.key");
        TotpSecrets first = TotpSecrets.generate(f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertThrows(FileAlreadyExistsException.class, () -> TotpSecrets.generate(f));
        assertEquals(first.currentKeyId(), TotpSecrets.load(f).currentKeyId());
        Files.copy(f, f.resolveSibling("totp.key.20260101000000.old"));
        Files.delete(f);
        TotpSecrets.generate(f);
        Files.copy(f, f.resolveSibling("totp.key.20260102000000.old"));
        Files.delete(f);
        TotpSecrets now = TotpSecrets.generate(f);
        TotpSecrets ring = TotpSecrets.load(f);
        assertEquals(3, ring.keyIds().size());
        assertEquals(now.currentKeyId(), ring.currentKeyId());
        assertEquals(first.currentKeyId(), ring.keyIds().get(2), "oldest last");
        assertEquals(List.of(f.resolveSibling("totp.key.20260102000000.old"), f.resolveSibling("totp.key.20260101000000.old")),
                TotpSecrets.retired(f));
    }
}
