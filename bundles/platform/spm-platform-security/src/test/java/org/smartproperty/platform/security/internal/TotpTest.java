package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits truncated to 6. */
    @Test
    void matchesTheRfc6238TestVectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertEquals("287082", Totp.code(secret, 59));
        assertEquals("081804", Totp.code(secret, 1111111109));
        assertEquals("050471", Totp.code(secret, 1111111111));
        assertEquals("005924", Totp.code(secret, 1234567890));
    }

    @Test
    void acceptsOneStepOfClockSkewButNotTwo() {
        String s = Totp.newSecret();
        long now = 1_800_000_000L;
        assertTrue(Totp.verify(s, Totp.code(s, now - 30), now));
        assertTrue(Totp.verify(s, Totp.code(s, now + 30), now));
        assertFalse(Totp.verify(s, Totp.code(s, now - 90), now));
        assertFalse(Totp.verify(s, "12345", now));
    }

    @Test
    void matchStepTellsWhichStepOfTheWindowTheCodeBelongsTo_issue10_item8() {
        String s = Totp.newSecret();
        long now = 1_800_000_015L;
        long step = now / 30;
        assertEquals(step, Totp.matchStep(s, Totp.code(s, now), now).getAsLong());
        assertEquals(step - 1, Totp.matchStep(s, Totp.code(s, now - 30), now).getAsLong());
        assertEquals(step + 1, Totp.matchStep(s, Totp.code(s, now + 30), now).getAsLong());
        assertTrue(Totp.matchStep(s, Totp.code(s, now + 60), now).isEmpty());
        assertTrue(Totp.matchStep(s, null, now).isEmpty());
    }
}
