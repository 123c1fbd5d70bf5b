package org.smartproperty.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Audit summaries are JSON written by Jackson (issue 10 item 2): a quote in a user name neither breaks nor forges a field. */
class AuditSummaryTest {

    @Test
    void pairsBecomeAJsonObjectWithNullsLeftOutAndCollectionsAsArrays() {
        assertEquals("{\"username\":\"a\\\",\\\"admin\\\":true\",\"roles\":[\"AUDITOR\",\"OPS\"],\"n\":2}",
                AuditEvent.summary("username", "a\",\"admin\":true", "roles", new TreeSet<>(List.of("OPS", "AUDITOR")), "gone", null, "n", 2));
        assertNull(AuditEvent.summary("only", null));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.summary("odd"));
    }
}
