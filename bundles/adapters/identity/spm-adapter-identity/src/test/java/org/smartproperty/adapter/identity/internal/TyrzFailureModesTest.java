package org.smartproperty.adapter.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartproperty.adapter.identity.internal.TestSupport.REDIRECT;
import static org.smartproperty.adapter.identity.internal.TestSupport.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * INT-IDP: whatever the gateway does wrong — silence, a stalled body, HTTP errors, HTML, unexpected
 * JSON — the adapter answers with an {@link IdentityProviderException} carrying a usable errcode
 * ({@code io}, {@code http-<status>}, {@code protocol} or the gateway's own), never another
 * exception, and never with the secret in the message.
 */
class TyrzFailureModesTest {

    private static final String SECRET = "TOP-SECRET-42";
    private static final String TOKEN_PATH = "/tif" + TyrzClient.ACCESS_TOKEN;
    private static final String INFO_PATH = "/tif" + TyrzClient.TOKENINFO;
    private static final String GOOD_INFO = "{\"signdata\":\"ab\",\"userobj\":{\"uid\":\"u1\",\"cn\":\"陈志明\",\"isreal\":true,"
            + "\"creditable_level_of_account\":3},\"pareobj\":{},\"user_creditable_level\":3}";

    private record Answer(int status, String contentType, String body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
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

    /** A gateway that answers each path with a canned answer. */
    private String stubGateway() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", ex -> {
            queries.add(ex.getRequestURI().getPath() + "?" + ex.getRequestURI().getRawQuery());
            Answer a = answers.getOrDefault(ex.getRequestURI().getPath(), new Answer(404, "text/plain", "not found"));
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

    private IdentityProviderException failing(String baseUrl, int timeoutMs) {
        TyrzIdentityProvider idp = adapter("baseUrl", baseUrl, "clientSecret", SECRET, "timeoutMs", timeoutMs);
        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> idp.exchange("the-code", REDIRECT));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("the-code"), "no query in messages: " + e.getMessage());
        return e;
    }

    private IdentityProviderException failing(String baseUrl) {
        return failing(baseUrl, 2000);
    }

    @Test
    void gatewayThatNeverAnswersTimesOutAsIo_INT_IDP() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // accepts (backlog), never answers
        long t0 = System.nanoTime();
        IdentityProviderException e = failing("http://127.0.0.1:" + silent.getLocalPort(), 300);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(ms < 5000, "gave up after " + ms + " ms");
    }

    @Test
    void gatewayThatStallsInTheBodyTimesOutAsIo_INT_IDP() throws Exception {
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
        IdentityProviderException e = failing("http://127.0.0.1:" + silent.getLocalPort(), 400);
        assertEquals("io", e.errcode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
    }

    @Test
    void connectionRefusedIsIo_INT_IDP() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IdentityProviderException e = failing("http://127.0.0.1:" + port);
        assertEquals("io", e.errcode());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port + "/tif/sso/connect/page/oauth2/access_token"), e.getMessage());
    }

    @Test
    void non200AnswerIsHttpStatus_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("http-502", e.errcode());
        assertTrue(e.getMessage().contains("HTTP 502") && e.getMessage().contains("Bad Gateway"), e.getMessage());
    }

    @Test
    void non200WithErrcodeJsonIsHttpStatusNamingTheProviderCode_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(403, "application/json", "{\"errcode\":60011,\"errmsg\":\"no privilege\"}"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("http-403", e.errcode());
        assertTrue(e.getMessage().contains("60011") && e.getMessage().contains("no privilege"), e.getMessage());
    }

    @Test
    void htmlInsteadOfJsonIsProtocol_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(200, "text/html; charset=UTF-8", "<html>请登录</html>"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("protocol", e.errcode());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void jsonWithTrailingGarbageOrNotAnObjectIsProtocol_INT_IDP() throws Exception {
        String base = stubGateway();
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"access_token\":\"t\"} <html>"));
        assertEquals("protocol", failing(base).errcode());
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "[\"access_token\"]"));
        assertEquals("protocol", failing(base).errcode());
        answers.put(TOKEN_PATH, new Answer(200, "application/json", ""));
        assertEquals("protocol", failing(base).errcode());
    }

    @Test
    void tokenAnswerWithoutAccessTokenIsProtocol_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"expires_in\":7200}"));
        assertEquals("protocol", failing(stubGateway()).errcode());
    }

    @Test
    void tokeninfoWithoutUserobjOrUidIsProtocol_INT_IDP() throws Exception {
        String base = stubGateway();
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"access_token\":\"t\"}"));
        answers.put(INFO_PATH, new Answer(200, "application/json", "{\"signdata\":\"x\"}"));
        assertEquals("protocol", failing(base).errcode());
        answers.put(INFO_PATH, new Answer(200, "application/json", "{\"userobj\":{\"cn\":\"x\"}}"));
        assertEquals("protocol", failing(base).errcode());
    }

    @Test
    void errcodeAsStringWithMsgFieldIsTheProvidersErrcode_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"errcode\":\"40029\",\"msg\":\"code already used\"}"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("40029", e.errcode());
        assertTrue(e.getMessage().contains("code already used"), e.getMessage());
    }

    @Test
    void oauthStyleErrorIsTheProvidersErrcode_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("invalid_grant", e.errcode());
        assertTrue(e.getMessage().contains("expired"));
    }

    @Test
    void tokeninfoRefusalKeepsItsErrcode_INT_IDP() throws Exception {
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"access_token\":\"t\"}"));
        answers.put(INFO_PATH, new Answer(200, "application/json", "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));
        IdentityProviderException e = failing(stubGateway());
        assertEquals("40014", e.errcode());
        assertTrue(e.getMessage().contains("tokeninfo"), e.getMessage());
    }

    @Test
    void errcodeZeroIsSuccessAndTheDocumentedQueryIsSent_INT_IDP() throws Exception {
        String base = stubGateway();
        answers.put(TOKEN_PATH, new Answer(200, "application/json", "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"a b\"}"));
        answers.put(INFO_PATH, new Answer(200, "application/json;charset=UTF-8", GOOD_INFO));
        TyrzIdentityProvider idp = adapter("baseUrl", base + "/", "clientSecret", SECRET);

        ExternalIdentity id = idp.exchange("c+1/2", REDIRECT);

        assertEquals("u1", id.uid());
        assertEquals("陈志明", id.name());
        assertEquals(TOKEN_PATH + "?client_id=spm-dev&client_secret=" + SECRET + "&code=c%2B1%2F2&scope=all"
                + "&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A8181%2Fapi%2Fv1%2Fauth%2Fcallback"
                + "%3Fprovider%3Dgd-tyrz", queries.get(0));
        assertEquals(INFO_PATH + "?access_token=a%20b", queries.get(1));
    }

    @Test
    void blankCodeIsRefusedWithoutCallingTheGateway_INT_IDP() throws Exception {
        String base = stubGateway();
        TyrzIdentityProvider idp = adapter("baseUrl", base);
        assertEquals("invalid-request", assertThrows(IdentityProviderException.class, () -> idp.exchange(" ", REDIRECT)).errcode());
        assertEquals("invalid-request", assertThrows(IdentityProviderException.class, () -> idp.exchange("c", null)).errcode());
        assertTrue(queries.isEmpty());
    }
}
