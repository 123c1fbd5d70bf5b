package org.smartproperty.platform.security.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) with a ±1 step window; secrets in RFC 4648 base32.
 * {@link #matchStep} tells which time step a code belongs to, so the login can refuse a code of a
 * step it already accepted (replay within the window, issue 10 item 8).
 */
final class Totp {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return base32(b);
    }

    static String code(String secret, long epochSeconds) {
        return code(base32Decode(secret), epochSeconds / 30);
    }

    static boolean verify(String secret, String code, long epochSeconds) {
        return matchStep(secret, code, epochSeconds).isPresent();
    }

    /**
     * The time step ({@code epochSeconds / 30}) whose code {@code code} is: the current step, else
     * the one before, else the one after (one step of clock skew each way); empty when none matches.
     */
    static OptionalLong matchStep(String secret, String code, long epochSeconds) {
        if (secret == null || code == null || !code.trim().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        byte[] key = base32Decode(secret);
        long step = epochSeconds / 30;
        for (long s : new long[] {step, step - 1, step + 1}) {
            if (code(key, s).equals(code.trim())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** otpauth URI for authenticator apps. */
    static String uri(String issuer, String account, String secret) {
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret + "&issuer=" + issuer + "&digits=6&period=30";
    }

    private static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] base32Decode(String s) {
        String in = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(in.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char c : in.toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] r = new byte[out.position()];
        out.flip();
        out.get(r);
        return r;
    }
}
