package org.smartproperty.sim.realestate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.UnitCode;

/** INT-RE: the simulated building table is realistic (valid unit codes and IDs), paged, and ~1 % malformed. */
class RealEstateSimulatorTest {

    @Test
    void generatedUnitCodesAndOwnerIdsAreValid_SUP_EST_2_ID_1() {
        for (int g = 0; g < 2000; g++) {
            assertTrue(UnitCode.isValid(RealEstateSimulator.unitCode(g)), RealEstateSimulator.unitCode(g));
            assertNull(IdDocuments.violation(IdType.CN_RESIDENT_ID, RealEstateSimulator.cnId(g)), RealEstateSimulator.cnId(g));
        }
    }

    @Test
    void aboutOnePercentOfTheHousesAreMalformed_INT_RE() {
        RealEstateSimulator sim = new RealEstateSimulator(200_000);
        assertTrue(sim.houses() >= 200_000);
        double share = sim.malformedHouses() / (double) sim.houses();
        assertTrue(share > 0.009 && share < 0.012, "share " + share);
    }

    /** The output is deterministic and did not change when the formatting was made faster (hash of the first version's output). */
    @Test
    void outputIsDeterministicAndUnchangedByTheFasterFormatting_INT_RE() throws Exception {
        RealEstateSimulator sim = new RealEstateSimulator(1440).start("127.0.0.1", 0);
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/changes?size=10000")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.io.StringWriter csv = new java.io.StringWriter();
            sim.writeCsv(csv);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(565313, body.length());
            assertEquals("db40cb6c99bfba71162539798aae6dc6103a42f83ff45ede89c1db32720ca4d8", java.util.HexFormat.of().formatHex(md.digest()));
        } finally {
            sim.stop();
        }
    }

    @Test
    void changesArePagedByCursorAndTouchedHousesComeAgain_INT_RE() throws Exception {
        RealEstateSimulator sim = new RealEstateSimulator(100).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            int lines = 0;
            String cursor = null;
            Pattern next = Pattern.compile("\"next\":\"?([0-9]+|null)");
            do {
                String body = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/changes?size=100" + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String[] ls = body.split("\n");
                lines += ls.length - 1;
                Matcher m = next.matcher(ls[ls.length - 1]);
                assertTrue(m.find(), ls[ls.length - 1]);
                cursor = "null".equals(m.group(1)) ? null : m.group(1);
            } while (cursor != null);
            assertEquals(sim.projects() + sim.buildings() + sim.houses(), lines);

            List<String> touched = sim.touch(3);
            assertEquals(3, touched.size());
            String body = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/changes?since=2026-02-01T00:00:00Z")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(4, body.split("\n").length, body);
            assertTrue(body.contains(touched.get(0)));
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/changes?size=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
        } finally {
            sim.stop();
        }
    }
}
