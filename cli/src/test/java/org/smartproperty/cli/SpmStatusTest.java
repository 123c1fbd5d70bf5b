package org.smartproperty.cli;

import static org.smartproperty.cli.CliHarness.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.cli.CliHarness.Result;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * OPS-2 / OPS-4: {@code spm status} over real HTTP against a stand-in for the platform's health
 * endpoints (the process boundary), and directly against a real PostgreSQL schema.
 */
class SpmStatusTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path tmp;

    static Path config;
    HttpServer server;
    final CountDownLatch never = new CountDownLatch(1);

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/security.changelog.xml");
        config = CliHarness.dbConfig(tmp.resolve("db.cfg"), db);
    }

    @AfterEach
    void stop() {
        never.countDown();
        if (server != null) {
            server.stop(0);
        }
    }



    /** A platform stand-in answering liveness, and readiness with {@code ready} (null: never answers). */
    String platform(String ready) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/v1/health", x -> {
            byte[] b;
            if (x.getRequestURI().getPath().endsWith("/ready")) {
                if (ready == null) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    x.close();
                    return;
                }
                b = ready.getBytes(StandardCharsets.UTF_8);
            } else {
                b = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            }
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void platformDownIsCritical2AndTheDatabaseIsStillCheckedDirectly_OPS_2_OPS_4() throws Exception {
        Result r = spm("status", "--url", "http://127.0.0.1:9", "--config", config.toString(), "--output", "json");
        assertEquals(Spm.CRITICAL, r.code(), r.out() + r.err());
        JsonNode doc = r.json();
        assertEquals("CRITICAL", doc.path("status").asText());
        boolean sawDb = false;
        for (JsonNode rec : doc.path("records")) {
            assertEquals("health.check", rec.path("type").asText());
            if (rec.path("name").asText().equals("database")) {
                sawDb = true;
                assertEquals("UP", rec.path("status").asText(), rec.toString());
                assertTrue(rec.path("details").path("migrations").asLong() > 0, rec.toString());
            }
        }
        assertTrue(sawDb, r.out());
    }

    @Test
    void aliveButNotServingIsCritical_OPS_2() throws Exception {
        String url = platform(null);
        Result r = spm("status", "--url", url, "--no-db", "--timeout", "2");
        assertEquals(Spm.CRITICAL, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("alive but not serving"), r.out());
    }

    @Test
    void warningCheckOfThePlatformIsWarning1AndAllUpIsOk0_OPS_2() throws Exception {
        String url = platform("{\"status\":\"WARNING\",\"checks\":{\"database\":{\"status\":\"UP\",\"summary\":\"reachable\"},"
                + "\"backup\":{\"status\":\"WARNING\",\"summary\":\"no backup due yet\"}}}");
        Result r = spm("status", "--url", url, "--config", config.toString());
        assertEquals(Spm.WARNING, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("backup") && r.out().contains("no backup due yet"), r.out());
        stop();
        never.countDown();
        String ok = platform("{\"status\":\"UP\",\"checks\":{\"database\":{\"status\":\"UP\",\"summary\":\"reachable\"}}}");
        assertEquals(Spm.OK, spm("status", "--url", ok, "--config", config.toString()).code());
    }
}
