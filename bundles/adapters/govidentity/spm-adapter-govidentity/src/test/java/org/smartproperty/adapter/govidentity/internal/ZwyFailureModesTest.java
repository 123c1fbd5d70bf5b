package org.smartproperty.adapter.govidentity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.govidentity.internal.TestSupport.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * Issue 12 item 6: whatever the gateway or 粤政易 does wrong — silence, a stalled body, HTTP errors,
 * HTML, unexpected JSON, stale tokens — the adapter answers with an {@link IdentityProviderException}
 * carrying a usable errcode ({@code io}, {@code http-<status>}, {@code protocol}, {@code not-member}
 * or the provider's own), never another exception, and never with a secret in the message. The
 * stub also checks what the adapter sends: the documented query and the x-tif-* headers.
 */
class ZwyFailureModesTest {

    private static final String SECRET = "TOP-SECRET-42";
    private static final String PAAS_TOKEN = "PAAS-TOKEN-77";
    private static final String TOKEN_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"AT1\",\"expires_in\":7200}";
    private static final String INFO_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"UserId\":\"u1\",\"DeviceId\":\"d1\"}";
    private static final String USER_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"u1\",\"name\":\"梁振华\",\"mobile\":\"13926900001\","
            + "\"department\":[1,2],\"position\":\"科长\",\"email\":\"\"}";

    private record Answer(int status, String contentType, String body) {
        static Answer json(String body) {
            return new Answer(200, "application/json; charset=UTF-8", body);
        }
    }

    /** Per path, the answers in order; the last one repeats. */
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private HttpServer stub;
    private ServerSocket silent;

    @AfterEach
    void stop() throws IOException {
        if (stub != null) {
            stub.stop(0);
        }
        if (silent != null) {
            silent.close();
        }
    }

    private void answer(String path, Answer... in) {
        answers.put(path, new ArrayDeque<>(List.of(in)));
    }

    /** A gateway that answers each path with canned answers and records what it was sent. */
    private String stubGateway() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            queries.add(path + "?" + ex.getRequestURI().getRawQuery());
            headers.add(Map.of("paasid", String.valueOf(ex.getRequestHeaders().getFirst("x-tif-paasid")),
                    "timestamp", String.valueOf(ex.getRequestHeaders().getFirst("x-tif-timestamp")),
                    "nonce", String.valueOf(ex.getRequestHeaders().getFirst("x-tif-nonce")),
                    "signature", String.valueOf(ex.getRequestHeaders().getFirst("x-tif-signature"))));
            Deque<Answer> q = answers.get(path.startsWith("/gw/") ? path.substring(3) : path);
            Answer a;
            synchronized (answers) {
                a = q == null ? new Answer(404, "text/plain", "not found") : q.size() > 1 ? q.poll() : q.peek();
            }
            byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
            ex.close();
        });
        stub.start();
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    private static ZwyIdentityProvider adapterAt(String baseUrl, Object... more) {
        Object[] nv = new Object[8 + more.length];
        nv[0] = "baseUrl";
        nv[1] = baseUrl;
        nv[2] = "corpSecret";
        nv[3] = SECRET;
        nv[4] = "paasToken";
        nv[5] = PAAS_TOKEN;
        nv[6] = "requestTimeoutMs";
        nv[7] = 2000;
        System.arraycopy(more, 0, nv, 8, more.length);
        return adapter(Map.of(), Clock.systemUTC(), nv);
    }

    private IdentityProviderException failing(ZwyIdentityProvider idp) {
        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange("the-code", REDIRECT));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(PAAS_TOKEN), e.getMessage());
        assertFalse(e.getMessage().contains("the-code"), "no query in messages: " + e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ what is sent

    @Test
    void theDocumentedQueriesAreSentEachCallSignedWithItsOwnNonce() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json(INFO_OK));
        answer(ZwyClient.USER_GET, Answer.json(USER_OK));
        long before = System.currentTimeMillis() / 1000;

        ExternalIdentity id = adapterAt(base + "/gw/", "corpId", "ww 横琴").exchange("c+1/2", REDIRECT);

        assertEquals("u1", id.uid());
        assertEquals(List.of("/cgi-bin/gettoken?corpid=ww%20%E6%A8%AA%E7%90%B4&corpsecret=" + SECRET,
                "/cgi-bin/user/getuserinfo?access_token=AT1&code=c%2B1%2F2",
                "/cgi-bin/user/get?access_token=AT1&userid=u1").toString().replace("/cgi-bin", "/gw/cgi-bin"), queries.toString());
        Set<String> nonces = new HashSet<>();
        for (Map<String, String> h : headers) {
            assertEquals("spm-dev", h.get("paasid"));
            long ts = Long.parseLong(h.get("timestamp"));
            assertTrue(ts >= before && ts <= System.currentTimeMillis() / 1000 + 1, "epoch seconds: " + ts);
            assertTrue(h.get("nonce").matches("[0-9a-f]{32}"), h.get("nonce"));
            nonces.add(h.get("nonce"));
            assertEquals(ZwyClient.signature(h.get("timestamp"), PAAS_TOKEN, h.get("nonce")), h.get("signature"));
            assertTrue(h.get("signature").matches("[0-9a-f]{64}"));
        }
        assertEquals(3, nonces.size(), "a fresh nonce per call");
        assertEquals("1,2", id.ext().get("department"));
        assertNull(id.email(), "an empty mail is no mail");
    }

    // ------------------------------------------------------------------ token refresh

    @Test
    void expiredTokenIsReplacedOnceAndTheCallRepeated() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK), Answer.json(TOKEN_OK.replace("AT1", "AT2")));
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"), Answer.json(INFO_OK));
        answer(ZwyClient.USER_GET, Answer.json(USER_OK));

        assertEquals("梁振华", adapterAt(base).exchange("c", REDIRECT).name());

        assertEquals(List.of("/cgi-bin/gettoken", "/cgi-bin/user/getuserinfo", "/cgi-bin/gettoken", "/cgi-bin/user/getuserinfo",
                "/cgi-bin/user/get"), queries.stream().map(q -> q.substring(0, q.indexOf('?'))).toList());
        assertTrue(queries.get(3).contains("access_token=AT2") && queries.get(4).contains("access_token=AT2"), queries.toString());
    }

    @Test
    void aTokenRefusedTwiceIsNotRetriedAgain() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));

        IdentityProviderException e = failing(adapterAt(base));

        assertEquals("40014", e.errcode());
        assertEquals(4, queries.size(), "gettoken, getuserinfo, gettoken, getuserinfo: " + queries);
    }

    @Test
    void otherRefusalsDoNotRenewTheToken() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"));

        assertEquals("40029", failing(adapterAt(base)).errcode());
        assertEquals(2, queries.size(), queries.toString());
    }

    @Test
    void userGetWithoutPrivilegeLogsInWithoutDetailsButUnknownUserFails() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json(INFO_OK));
        answer(ZwyClient.USER_GET, Answer.json("{\"errcode\":60011,\"errmsg\":\"no privilege to access/modify contact/party/agent\"}"));
        ZwyIdentityProvider idp = adapterAt(base);

        ExternalIdentity id = idp.exchange("c", REDIRECT);
        assertEquals("u1", id.uid());
        assertNull(id.name());
        assertEquals(Map.of("deviceId", "d1"), id.ext());

        answer(ZwyClient.USER_GET, Answer.json("{\"errcode\":60111,\"errmsg\":\"userid not found\"}"));
        IdentityProviderException e = failing(idp);
        assertEquals("60111", e.errcode());
        assertTrue(e.getMessage().contains("user/get") && e.getMessage().contains("userid not found"), e.getMessage());
    }

    @Test
    void nonMemberWithOnlyAnOpenIdIsNotMember() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"OpenId\":\"o1\",\"DeviceId\":\"d\"}"));
        assertEquals("not-member", failing(adapterAt(base)).errcode());
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertEquals("protocol", failing(adapterAt(base)).errcode());
    }

    @Test
    void lowercaseUseridOfNewerApisIsAccepted() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, Answer.json(TOKEN_OK));
        answer(ZwyClient.GETUSERINFO, Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"u2\"}"));
        assertEquals("u2", adapterAt(base, "fetchUserDetails", false).exchange("c", REDIRECT).uid());
    }

    // ------------------------------------------------------------------ broken answers

    @Test
    void gatewayRefusalWithErrcodeUsesItWhateverTheStatus() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, new Answer(403, "application/json", "{\"errcode\":10012,\"errmsg\":\"x-tif-paasid unknown\"}"));
        IdentityProviderException e = failing(adapterAt(base));
        assertEquals("10012", e.errcode());
        assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("x-tif-paasid unknown"), e.getMessage());
    }

    @Test
    void non200WithoutErrcodeIsHttpStatus() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, new Answer(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        IdentityProviderException e = failing(adapterAt(base));
        assertEquals("http-502", e.errcode());
        assertTrue(e.getMessage().contains("HTTP 502") && e.getMessage().contains("Bad Gateway"), e.getMessage());
    }

    @Test
    void htmlOrBrokenJsonIsProtocol() throws Exception {
        String base = stubGateway();
        answer(ZwyClient.GETTOKEN, new Answer(200, "text/html; charset=UTF-8", "<html>请登录</html>"));
        IdentityProviderException e = failing(adapterAt(base));
        assertEquals("protocol", e.errcode());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
        answer(ZwyClient.GETTOKEN, Answer.json("{\"access_token\":\"t\"} <html>"));
        assertEquals("protocol", failing(adapterAt(base)).errcode());
        answer(ZwyClient.GETTOKEN, Answer.json("[]"));
        assertEquals("protocol", failing(adapterAt(base)).errcode());
        answer(ZwyClient.GETTOKEN, Answer.json("{\"errcode\":0,\"expires_in\":7200}"));
        assertEquals("protocol", failing(adapterAt(base)).errcode());
    }

    @Test
    void gatewayThatNeverAnswersTimesOutAsIo() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // accepts (backlog), never answers
        long t0 = System.nanoTime();
        IdentityProviderException e = failing(adapterAt("http://127.0.0.1:" + silent.getLocalPort(), "requestTimeoutMs", 300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(ms < 5000, "gave up after " + ms + " ms");
    }

    @Test
    void gatewayThatStallsInTheBodyTimesOutAsIo() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = silent.accept()) {
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"acc")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                Thread.sleep(10_000);
            } catch (IOException | InterruptedException ignored) {
                // test over
            }
        }, "stalling-gateway");
        t.setDaemon(true);
        t.start();
        long t0 = System.nanoTime();
        assertEquals("io", failing(adapterAt("http://127.0.0.1:" + silent.getLocalPort(), "requestTimeoutMs", 400)).errcode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
    }

    @Test
    void connectionRefusedIsIo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IdentityProviderException e = failing(adapterAt("http://127.0.0.1:" + port));
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port + "/cgi-bin/gettoken"), e.getMessage());
    }
}
