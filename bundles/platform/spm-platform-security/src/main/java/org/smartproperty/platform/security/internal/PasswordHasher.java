package org.smartproperty.platform.security.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a 16-byte random salt and a 32-byte key (OWASP: at least 600,000
 * iterations). Stored as {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>} so the
 * iteration count can be raised later without invalidating stored hashes.
 */
final class PasswordHasher {

    static final int MIN_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** A salt for {@link #equalize}: fixed per instance, never stored. */
    private final byte[] decoySalt = new byte[16];
    /** PBKDF2 derivations done (tests check that every login costs one, known account or not). */
    final java.util.concurrent.atomic.LongAdder derivations = new java.util.concurrent.atomic.LongAdder();

    PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations below the OWASP minimum " + MIN_ITERATIONS);
        }
        this.iterations = iterations;
        RANDOM.nextBytes(decoySalt);
    }

    /**
     * Spends the work of one {@link #verify} with the current iteration count and throws the result
     * away: a login for an unknown account takes as long as one with a wrong password (issue 20 item 4).
     */
    void equalize(char[] password) {
        MessageDigest.isEqual(decoySalt, derive(password.length == 0 ? new char[] {'-'} : password, decoySalt, iterations));
    }

    String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        int it = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, it));
    }

    private byte[] derive(char[] password, byte[] salt, int iterations) {
        derivations.increment();
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
