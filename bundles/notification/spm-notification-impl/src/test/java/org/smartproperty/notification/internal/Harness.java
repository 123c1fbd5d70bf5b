package org.smartproperty.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.adapter.sms.internal.SmsAdapterComponent;
import org.smartproperty.adapter.sms.internal.SmsAdapterSettings;
import org.smartproperty.notification.SmsSender;
import org.smartproperty.sim.sms.internal.SmsSimulator;

/** Test wiring: simulator on a free port, the real adapter against it, a receipt endpoint that applies receipts like the REST resource. */
final class Harness implements AutoCloseable {

    static final String KEY = "spm-test";
    static final String SECRET = "spm-test-secret";

    final SmsSimulator sim;
    final HttpServer receipts;
    final AtomicReference<SmsSender> receiptParser = new AtomicReference<>();
    final AtomicReference<SmsOutboxImpl> receiptTarget = new AtomicReference<>();
    final HttpClient http = HttpClient.newHttpClient();

    Harness(Duration receiptDelay) throws IOException {
        receipts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receipts.createContext("/receipts/", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                SmsOutboxImpl target = receiptTarget.get();
                SmsSender parser = receiptParser.get();
                if (target == null || parser == null) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                target.applyReceipts(parser.parseReceipts(body));
                byte[] ok = "{\"code\":0,\"msg\":\"成功\"}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, ok.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(ok);
                }
            }
        });
        receipts.start();
        sim = new SmsSimulator(new SmsSimulator.Settings("127.0.0.1", KEY, SECRET, "横琴智慧物业",
                "http://127.0.0.1:" + receipts.getAddress().getPort() + "/receipts/{provider}", "t", receiptDelay,
                List.of(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1)), Clock.systemUTC()));
        sim.start(0);
    }

    SmsSender sender(String provider, Duration timeout) {
        return SmsAdapterComponent.create(new SmsAdapterSettings(provider, URI.create(sim.baseUri() + "/" + provider + "/"), KEY, SECRET,
                "横琴智慧物业", "1400000001", "ap-guangzhou", Duration.ofSeconds(1), timeout), Clock.systemUTC());
    }

    /** Received messages per outId, read over HTTP from GET /sim/sms/messages. */
    Map<String, Integer> receivedByOutId() throws IOException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode m : messagesJson()) {
            counts.merge(m.path("outId").asText(), 1, Integer::sum);
        }
        return counts;
    }

    JsonNode messagesJson() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/sms/messages")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Override
    public void close() {
        sim.stop();
        receipts.stop(0);
    }

    static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + max + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    static long count(DataSource ds, String where) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ntf_sms_outbox WHERE " + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> row(DataSource ds, String outId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM ntf_sms_outbox WHERE out_id = ?")) {
            ps.setString(1, outId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> m = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), v);
                }
                return m;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(DataSource ds, String outId, String column) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM ntf_sms_outbox WHERE out_id = ?")) {
            ps.setString(1, outId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
