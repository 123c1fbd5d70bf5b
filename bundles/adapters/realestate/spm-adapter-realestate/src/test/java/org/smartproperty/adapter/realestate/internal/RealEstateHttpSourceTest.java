package org.smartproperty.adapter.realestate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.smartproperty.estate.sync.Batch;
import org.smartproperty.estate.sync.RealEstateSourceException;
import org.smartproperty.sim.realestate.internal.RealEstateSimulator;

/** INT-RE: the adapter reads the change feed over HTTP, delivers malformed lines as such and fails clearly. */
class RealEstateHttpSourceTest {

    static RealEstateHttpSource source(String url, int size) {
        return new RealEstateHttpSource(new RealEstateHttpSource.Settings(url, size, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @Test
    void readsEveryPageOfTheSimulatorIncludingMalformedRecords_INT_RE() throws Exception {
        RealEstateSimulator sim = new RealEstateSimulator(720).start("127.0.0.1", 0);
        try {
            RealEstateHttpSource s = source(sim.baseUri().toString(), 200);
            int records = 0;
            int malformed = 0;
            int houses = 0;
            String cursor = null;
            do {
                Batch b = s.changes(null, cursor);
                records += b.size();
                malformed += b.malformed().size();
                houses += b.houses().size();
                cursor = b.nextCursor();
            } while (cursor != null);
            assertEquals(sim.projects() + sim.buildings() + sim.houses(), records);
            assertTrue(malformed > 0, "the non-JSON fragments arrive as malformed records");
            assertEquals(sim.houses(), houses + malformed);
        } finally {
            sim.stop();
        }
    }

    @Test
    void parsesTypesAndReportsBadLines_INT_RE() throws Exception {
        String page = "{\"type\":\"house\",\"unitCode\":\"X\",\"floor\":3,\"measuredArea\":80.13,\"owners\":[{\"idType\":\"PASSPORT\",\"idNumber\":\"E1234567\",\"share\":50}],\"changedAt\":\"2026-01-01T00:00:00Z\"}\n"
                + "{\"type\":\"house\",\"unitCode\":\"Y\",\"floor\":\"three\",\"changedAt\":\"2026-01-01T00:00:00.001Z\"}\n"
                + "{\"type\":\"house\",\"unitCode\":\"Z\",\"floor\":\n"
                + "{\"type\":\"end\",\"next\":null}\n";
        Batch b = source("http://localhost:1", 10).parse(new BufferedReader(new StringReader(page)));
        assertEquals(1, b.houses().size());
        assertEquals(new BigDecimal("80.13"), b.houses().get(0).measuredArea());
        assertEquals(new BigDecimal("50"), b.houses().get(0).owners().get(0).share());
        assertEquals(2, b.malformed().size());
        assertNotNull(b.malformed().get(0).changedAt());
        assertTrue(b.malformed().get(1).reason().startsWith("not JSON"));
        assertNull(b.nextCursor());
        assertThrows(RealEstateSourceException.class,
                () -> source("http://localhost:1", 10).parse(new BufferedReader(new StringReader("{\"type\":\"project\",\"changedAt\":\"2026-01-01T00:00:00Z\"}\n"))),
                "a page cut before its end line is an error, not a short page");
    }

    @Test
    void anUnreachableSystemIsAClearError_INT_RE() {
        RealEstateSourceException e = assertThrows(RealEstateSourceException.class, () -> source("http://127.0.0.1:1", 10).changes(null, null));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source("ftp://x", 10));
    }
}
