package org.smartproperty.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpmTest {

    @Test
    void unknownOptionIsBadUsage64() {
        assertEquals(Spm.USAGE, Spm.run("health", "--no-such-flag"));
    }

    @Test
    void unreachablePlatformIsUnknown3() {
        assertEquals(Spm.UNKNOWN, Spm.run("health", "--url", "http://127.0.0.1:9"));
    }

    @Test
    void helpIsOk() {
        assertEquals(Spm.OK, Spm.run("--help"));
    }
}
