package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * OWN-2 / INT-REG in the assembled distribution (spm-dev on PostgreSQL): the seeded demo owner
 * verifies their own house against the registration simulator (on a free port, answering from the same
 * demo data set) and gets HELD with the registered area; someone else's house is 404; the regulator
 * verifies any house for a named owner; company and committee read within their estates; an
 * unreachable registry is 503 and records nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class RegistrationVerificationIT extends SpmTestSupport {

    /** The registration simulator, on the free port SpmTestSupport gave it. */
    static String sim() {
        return "http://127.0.0.1:" + System.getProperty("spm.it.registration.port", "8184");
    }

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    static void simMode(String mode) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim() + "/sim/mode?mode=" + mode))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    @Test
    public void demoOwnerVerifiesOwnHouseOthersAre404RegulatorVerifiesAnyAndRegistryDownIs503_OWN_2_INT_REG() throws Exception {
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        assertNotNull("demo-owner logs in", owner);
        JsonNode estates = json(getAs(owner, "/estates"));
        long estateId = estates.at("/items/0/id").asLong();
        JsonNode ownHouses = json(getAs(owner, "/estates/" + estateId + "/houses?size=200")).get("items");
        Set<String> own = new HashSet<>();
        ownHouses.forEach(h -> own.add(h.get("unitCode").asText()));
        String code = ownHouses.get(0).get("unitCode").asText();

        // the owner verifies as themselves: HELD with the registered exclusive area
        HttpResponse<String> r = send("POST", "/houses/" + code + "/verification", null, "Authorization", "Bearer " + owner);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode v = json(r);
        assertEquals(r.body(), "HELD", v.get("result").asText());
        assertTrue(v.get("verified").asBoolean());
        assertTrue(r.body(), v.get("exclusiveArea").decimalValue().signum() > 0);
        assertTrue(v.get("certificateNumber").asText().contains("不动产权第"));
        assertEquals("demo-owner", v.get("verifiedBy").asText());
        long ownerId = v.get("ownerId").asLong();

        // latest results and the house view carry the verified title
        JsonNode latest = json(getAs(owner, "/houses/" + code + "/verification")).get("items");
        assertEquals(1, latest.size());
        assertEquals(ownerId, latest.get(0).get("ownerId").asLong());
        JsonNode house = json(getAs(owner, "/houses/" + code));
        boolean shown = false;
        for (JsonNode o : house.get("owners")) {
            if (o.get("id").asLong() == ownerId) {
                assertEquals(0, v.get("exclusiveArea").decimalValue().compareTo(o.at("/title/exclusiveArea").decimalValue()));
                shown = true;
            }
        }
        assertTrue(house.toString(), shown);

        // someone else's house: 404 for reading and verifying, nothing revealed
        JsonNode all = json(get("/estates/" + estateId + "/houses?status=SOLD&size=200")).get("items");
        JsonNode foreign = null;
        for (JsonNode h : all) {
            if (!own.contains(h.get("unitCode").asText()) && h.get("owners").size() > 0) {
                foreign = h;
                break;
            }
        }
        assertNotNull(foreign);
        String foreignCode = foreign.get("unitCode").asText();
        long foreignOwner = foreign.at("/owners/0/id").asLong();
        assertEquals(404, send("POST", "/houses/" + foreignCode + "/verification", null, "Authorization", "Bearer " + owner).statusCode());
        assertEquals(404, send("POST", "/houses/" + foreignCode + "/verification?ownerId=" + foreignOwner, null,
                "Authorization", "Bearer " + owner).statusCode());
        assertEquals(404, getAs(owner, "/houses/" + foreignCode + "/verification").statusCode());
        // on the own house, naming another owner is 404 too: an owner verifies only as themselves
        assertEquals(404, send("POST", "/houses/" + code + "/verification?ownerId=" + foreignOwner, null,
                "Authorization", "Bearer " + owner).statusCode());

        // the regulator (token of awaitDemoData) names the owner; without one it is a field error
        HttpResponse<String> missing = send("POST", "/houses/" + foreignCode + "/verification", null);
        assertEquals(missing.body(), 400, missing.statusCode());
        HttpResponse<String> reg = send("POST", "/houses/" + foreignCode + "/verification?ownerId=" + foreignOwner, null);
        assertEquals(reg.body(), 200, reg.statusCode());
        assertEquals("HELD", json(reg).get("result").asText());
        assertEquals("demo-regulator", json(reg).get("verifiedBy").asText());
        assertTrue(json(get("/houses/" + foreignCode + "/verification")).get("items").size() >= 1);

        // company and committee of the estate read, but do not verify
        String company = login("demo-company", DEMO_PASSWORD, null);
        String committee = login("demo-committee", DEMO_PASSWORD, null);
        assertEquals(200, getAs(company, "/houses/" + code + "/verification").statusCode());
        assertEquals(200, getAs(committee, "/houses/" + code + "/verification").statusCode());
        assertEquals(403, send("POST", "/houses/" + code + "/verification?ownerId=" + ownerId, null, "Authorization", "Bearer " + company).statusCode());

        // the registration system is down: 503 with a message in the caller's language, nothing recorded
        String before = json(getAs(owner, "/houses/" + code + "/verification")).at("/items/0/verifiedAt").asText();
        simMode("DOWN");
        try {
            HttpResponse<String> down = send("POST", "/houses/" + code + "/verification", null, "Authorization", "Bearer " + owner);
            assertEquals(down.body(), 503, down.statusCode());
            assertTrue(down.body(), json(down).get("detail").asText().contains("不动产登记系统"));
            HttpResponse<String> downEn = send("POST", "/houses/" + code + "/verification", null, "Authorization", "Bearer " + owner,
                    "Accept-Language", "en");
            assertEquals(503, downEn.statusCode());
            assertTrue(downEn.body(), json(downEn).get("detail").asText().contains("registration system"));
        } finally {
            simMode("NORMAL");
        }
        JsonNode after = json(getAs(owner, "/houses/" + code + "/verification")).get("items");
        assertEquals(1, after.size());
        assertEquals("nothing recorded while the registry was down", before, after.get(0).get("verifiedAt").asText());
        assertFalse(after.get(0).get("result").asText().isEmpty());
    }
}
