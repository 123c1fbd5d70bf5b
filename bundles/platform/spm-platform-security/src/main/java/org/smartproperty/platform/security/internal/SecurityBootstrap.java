package org.smartproperty.platform.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: when no security admin exists, creates {@code secadmin} with a random password,
 * written once to {@code data/security/initial-secadmin-password.txt} (mode 600) — the log shows
 * the path only. The password must be changed, and TOTP enrolled, at first login.
 *
 * <p>Every start (issue 10 item 8): TOTP secrets still in plain text (databases of before the
 * encryption at rest, the dev profile's demo accounts of such a database) or under a retired key
 * are encrypted with the current key, in one transaction. Logins re-encrypt as well, for values
 * written in plain text later (an older node of a rolling upgrade).
 */
@Component(immediate = true)
public class SecurityBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityBootstrap.class);

    @Reference
    private SecurityService security;

    @Activate
    void activate() {
        try {
            security.encryptTotpSecrets();
        } catch (RuntimeException e) {
            LOG.error("Could not encrypt the TOTP secrets at start: {}; logins encrypt them one by one", e.toString());
        }
        String password = security.bootstrapSecurityAdmin();
        if (password == null) {
            return;
        }
        Path file = Path.of(System.getProperty("karaf.data", "data"), "security", "initial-secadmin-password.txt");
        try {
            write(file, password);
            LOG.warn("Created the security admin 'secadmin'; its initial password is in {} (read it, then delete the file; "
                    + "it must be changed and a TOTP enrolled at first login)", file.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("Created 'secadmin' but could not write its initial password to {}: {}. Reset it with the system admin.", file, e.toString());
        }
    }

    static void write(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
