package org.smartproperty.ops;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Sequential reader of an archive: header, manifest, then the parts in order. */
final class ArchiveReader implements AutoCloseable {

    final DataInputStream in;
    final Container.Crypto crypto;
    final BackupManifest manifest;

    ArchiveReader(Path archive, BackupKey key, ObjectMapper json) {
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
            Container.Header h = Container.readHeader(in);
            crypto = crypto(h, key);
            if (crypto == null) {
                in.close();
                throw new OpsException(key.encrypts() ? "verify.wrongKey" : "verify.keyRequired");
            }
            Container.PartHeader ph = Container.nextPart(in);
            if (ph == null || ph.index() != 0 || !BackupService.MANIFEST.equals(ph.name())) {
                throw new OpsException("verify.noManifest");
            }
            try (InputStream z = new InflaterInputStream(Container.partBytes(in, crypto, ph))) {
                manifest = json.readValue(z.readAllBytes(), BackupManifest.class);
            }
        } catch (IOException e) {
            throw new OpsException(e, "restore.archiveDamaged", archive.getFileName(), BackupService.MANIFEST, e.getMessage());
        }
    }

    /** The manifest of an archive (authenticated). */
    static BackupManifest manifest(Path archive, BackupKey key, ObjectMapper json) {
        try (ArchiveReader r = new ArchiveReader(archive, key, json)) {
            return r.manifest;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read only
        }
    }

    /** Crypto for reading, or null when the key does not fit. */
    static Container.Crypto crypto(Container.Header h, BackupKey key) {
        if (!h.encrypted()) {
            return new Container.Crypto(BackupKey.NONE, h.archiveId());
        }
        if (!key.encrypts()) {
            return null;
        }
        for (BackupKey k : key.ring()) { // the current key, then the retired ones (KeyRing)
            Container.Crypto c = new Container.Crypto(k, h.archiveId());
            if (MessageDigest.isEqual(c.keyCheck(), h.keyCheck())) {
                return c;
            }
        }
        return null;
    }
}
