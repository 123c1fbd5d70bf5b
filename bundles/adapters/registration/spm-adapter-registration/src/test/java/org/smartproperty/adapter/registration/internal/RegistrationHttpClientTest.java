package org.smartproperty.adapter.registration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.fixture.DemoTitles;
import org.smartproperty.estate.registration.RegistryUnavailableException;
import org.smartproperty.estate.registration.TitleAnswer;
import org.smartproperty.sim.registration.internal.RegistrationSimulator;

/** INT-REG / OWN-2: the adapter against the registration simulator over real HTTP, every failure mode. */
class RegistrationHttpClientTest {

    static RegistrationSimulator sim;
    static DemoTitles.Title title;
    static DemoTitles.Title other;

    @BeforeAll
    static void start() throws Exception {
        sim = new RegistrationSimulator("test-key", 5_000).start("127.0.0.1", 0);
        List<DemoTitles.Title> all = DemoTitles.all();
        title = all.get(0);
        other = all.stream().filter(t -> !t.unitCode().equals(title.unitCode())).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @AfterEach
    void normal() {
        sim.mode(RegistrationSimulator.Mode.NORMAL);
    }

    static RegistrationHttpClient client(String baseUrl, String key, long timeoutMillis) {
        return new RegistrationHttpClient(new RegistrationHttpClient.Settings(baseUrl, key, Duration.ofSeconds(2),
                Duration.ofMillis(timeoutMillis), "ZH-BDC-TEST"));
    }

    static RegistrationHttpClient client() {
        return client(sim.baseUri() + "/", "test-key", 3_000);
    }

    @Test
    void titleHeldComesWithAreaShareCertificateAndDate_INT_REG() throws Exception {
        TitleAnswer a = client().lookup(title.unitCode(), title.idType(), title.idNumber(), title.name());
        assertTrue(a.held());
        assertEquals(0, title.exclusiveArea().compareTo(a.exclusiveArea()));
        assertEquals(0, title.share().compareTo(a.share()));
        assertTrue(a.certificateNumber().startsWith("粤("), a.certificateNumber());
        assertNotNull(a.registeredOn());
        assertEquals("ZH-BDC-TEST", a.source());
        assertNotNull(a.reference());
    }

    @Test
    void anotherPersonsTitleIsNotHeld_INT_REG() throws Exception {
        TitleAnswer a = client().lookup(title.unitCode(), other.idType(), other.idNumber(), other.name());
        assertFalse(a.held());
        assertEquals("NOT_OWNER", a.reason());
        assertEquals(null, a.exclusiveArea());
    }

    @Test
    void connectionRefusedIsUnavailable_INT_REG() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> client("http://127.0.0.1:" + closed, "test-key", 2_000).lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void connectionDroppedWithoutAnswerIsUnavailable_INT_REG() {
        sim.mode(RegistrationSimulator.Mode.DOWN);
        assertThrows(RegistryUnavailableException.class, () -> client().lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
    }

    @Test
    void slowAnswerTimesOut_INT_REG() {
        sim.mode(RegistrationSimulator.Mode.SLOW);
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> client(sim.baseUri().toString(), "test-key", 300).lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    void serverErrorIsUnavailable_INT_REG() {
        sim.mode(RegistrationSimulator.Mode.ERROR);
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> client().lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    }

    @Test
    void malformedJsonIsUnavailable_INT_REG() {
        sim.mode(RegistrationSimulator.Mode.MALFORMED);
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> client().lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void refusedApiKeyIsUnavailableNotNotHeld_INT_REG() {
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> client(sim.baseUri().toString(), "wrong", 3_000).lookup(title.unitCode(), title.idType(), title.idNumber(), title.name()));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    }

    @Test
    void answersWithoutHeldOrAreaAreRejected_INT_REG() {
        RegistrationHttpClient c = client();
        assertThrows(RegistryUnavailableException.class, () -> c.parse("{\"code\":\"0000\",\"data\":{}}", "S"));
        assertThrows(RegistryUnavailableException.class, () -> c.parse("{\"code\":\"0000\",\"data\":{\"held\":true,\"certificateNo\":\"x\"}}", "S"));
        assertThrows(RegistryUnavailableException.class, () -> c.parse("{\"code\":\"5001\",\"message\":\"busy\"}", "S"));
        assertThrows(RegistryUnavailableException.class, () -> c.parse("[1,2]", "S"));
    }

    @Test
    void baseUrlMustBeHttp() {
        assertThrows(IllegalArgumentException.class, () -> client("ftp://x", "k", 1000));
    }
}
