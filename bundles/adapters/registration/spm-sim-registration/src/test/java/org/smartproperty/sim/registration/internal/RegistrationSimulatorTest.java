package org.smartproperty.sim.registration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.fixture.DemoTitles;

/** INT-REG simulator over real HTTP: it answers from the demo data set's titles (OWN-2). */
class RegistrationSimulatorTest {

    static RegistrationSimulator sim;
    static List<DemoTitles.Title> titles;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        titles = DemoTitles.all();
        sim = new RegistrationSimulator(titles, "k", 0).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    HttpResponse<String> ask(String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/bdc/api/v1/title/verify"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header(RegistrationSimulator.API_KEY_HEADER, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String body(String unit, String type, String number, String name) {
        return "{\"unitCode\":\"" + unit + "\",\"idType\":\"" + type + "\",\"idNumber\":\"" + number + "\",\"name\":\"" + name + "\"}";
    }

    @Test
    void everyDemoOwnerHoldsTitleWithTheSeededArea_INT_REG() throws Exception {
        assertTrue(titles.size() > 1000, "the demo data set has thousands of titles");
        DemoTitles.Title t = titles.get(0);
        HttpResponse<String> r = ask("k", body(t.unitCode(), t.idType().name(), t.idNumber(), t.name()));
        assertEquals(200, r.statusCode());
        JsonNode d = json.readTree(r.body()).get("data");
        assertTrue(d.get("held").asBoolean(), r.body());
        assertEquals(0, t.exclusiveArea().compareTo(d.get("exclusiveArea").decimalValue()));
        assertEquals(0, t.share().compareTo(d.get("share").decimalValue()));
        assertTrue(d.get("certificateNo").asText().matches("粤\\(\\d{4}\\)珠海市不动产权第\\d{7}号"), d.toString());
    }

    @Test
    void anotherPersonOrAnotherNameDoesNotHoldTitle_INT_REG() throws Exception {
        DemoTitles.Title t = titles.get(0);
        DemoTitles.Title other = titles.stream().filter(x -> !x.unitCode().equals(t.unitCode()) && x.idType() == t.idType()).findFirst().orElseThrow();
        JsonNode d = json.readTree(ask("k", body(t.unitCode(), other.idType().name(), other.idNumber(), other.name())).body()).get("data");
        assertEquals("NOT_OWNER", d.get("reason").asText());
        d = json.readTree(ask("k", body(t.unitCode(), t.idType().name(), t.idNumber(), "某某某")).body()).get("data");
        assertEquals("NAME_MISMATCH", d.get("reason").asText());
        assertEquals(false, d.get("held").asBoolean());
        d = json.readTree(ask("k", body("440402104001GB99999F99999999", t.idType().name(), t.idNumber(), t.name())).body()).get("data");
        assertEquals("UNIT_UNKNOWN", d.get("reason").asText());
    }

    @Test
    void wrongKeyIs401AndModesSwitch() throws Exception {
        DemoTitles.Title t = titles.get(0);
        assertEquals(401, ask("wrong", body(t.unitCode(), t.idType().name(), t.idNumber(), t.name())).statusCode());
        HttpResponse<String> m = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/mode?mode=error"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, m.statusCode());
        try {
            assertEquals(500, ask("k", body(t.unitCode(), t.idType().name(), t.idNumber(), t.name())).statusCode());
        } finally {
            sim.mode(RegistrationSimulator.Mode.NORMAL);
        }
    }
}
