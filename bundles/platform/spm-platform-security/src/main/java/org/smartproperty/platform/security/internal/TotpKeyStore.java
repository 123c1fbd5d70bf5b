package org.smartproperty.platform.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.TotpSecrets;

/**
 * Where the platform gets the key ring of the TOTP secrets (issue 10 item 8): the key file
 * ({@code totp.keyFile} of PID {@code org.smartproperty.security}, default
 * {@code ${karaf.data}/security/totp.key}) and its retired keys, or a ring in memory for tests and
 * tools outside OSGi. The file is read again whenever it changed ({@code spm keys rotate --totp}
 * replaces it while the platform runs) and when a value names a key the ring does not hold yet.
 */
final class TotpKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(TotpKeyStore.class);

    /** One random key per JVM: what {@code SecurityServiceImpl.standalone} and the service tests use. */
    private static final TotpKeyStore EPHEMERAL = new TotpKeyStore(null, TotpSecrets.random());

    private final Path file;
    private volatile TotpSecrets ring;
    /** Modification time and file key of the file {@link #ring} was read from. */
    private volatile Object stamp;

    private TotpKeyStore(Path file, TotpSecrets ring) {
        this.file = file;
        this.ring = ring;
    }

    static TotpKeyStore ephemeral() {
        return EPHEMERAL;
    }

    static TotpKeyStore inMemory(TotpSecrets ring) {
        return new TotpKeyStore(null, ring);
    }

    static TotpKeyStore file(Path file) {
        return new TotpKeyStore(file, null);
    }

    /** The key file, null for a ring in memory. */
    Path file() {
        return file;
    }

    /** The ring, read again when the file changed; null when there is no usable key file. */
    TotpSecrets ring() {
        if (file == null) {
            return ring;
        }
        Object now = stamp();
        if (now == null) {
            return null;
        }
        if (ring == null || !now.equals(stamp)) {
            reload(now);
        }
        return ring;
    }

    /** Reads the file again (a value named a key the ring lacks: a rotation may just have happened). */
    TotpSecrets reload() {
        if (file == null) {
            return ring;
        }
        Object now = stamp();
        if (now != null) {
            reload(now);
        }
        return ring;
    }

    private synchronized void reload(Object now) {
        try {
            ring = TotpSecrets.load(file);
            stamp = now;
        } catch (IOException e) {
            LOG.error("TOTP key file {} is unreadable: {}", file, e.getMessage());
        }
    }

    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.Arrays.asList(a.lastModifiedTime(), a.fileKey(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.error("TOTP key file {}: {}", file, e.getMessage());
            return null;
        }
    }
}
