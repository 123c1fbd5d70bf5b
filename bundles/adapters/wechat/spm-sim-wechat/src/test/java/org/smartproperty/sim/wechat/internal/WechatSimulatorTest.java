package org.smartproperty.sim.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** INT-WX: the WeChat simulator speaks WeChat's shapes over HTTP (the adapter's own tests drive the rest). */
class WechatSimulatorTest {

    static WechatSimulator sim;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        sim = new WechatSimulator("127.0.0.1", "wxA", "s3cret", 7200, 0).start(0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    static JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).timeout(Duration.ofSeconds(5));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void sessionTokenSendAndRecordedMessages_INT_WX() throws Exception {
        JsonNode s = call("GET", "/sns/jscode2session?appid=wxA&secret=s3cret&js_code=sim-eve&grant_type=authorization_code", null);
        assertEquals("o-sim-eve", s.get("openid").asText());
        assertTrue(s.hasNonNull("session_key"));
        assertEquals(40029, call("GET", "/sns/jscode2session?appid=wxA&secret=s3cret&js_code=invalid&grant_type=authorization_code", null)
                .get("errcode").asInt());
        assertEquals(40125, call("GET", "/sns/jscode2session?appid=wxA&secret=no&js_code=x&grant_type=authorization_code", null).get("errcode").asInt());
        assertEquals(WechatSimulator.openidOf("abc"), call("GET", "/sim/openid?code=abc", null).get("openid").asText());

        JsonNode t = call("POST", "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wxA\",\"secret\":\"s3cret\"}");
        String at = t.get("access_token").asText();
        assertTrue(t.get("expires_in").asInt() > 7000);
        String msg = "{\"touser\":\"o-sim-eve\",\"template_id\":\"T1\",\"page\":\"pages/x\",\"data\":{\"thing1\":{\"value\":\"hi\"}}}";
        JsonNode ok = call("POST", "/cgi-bin/message/subscribe/send?access_token=" + at, msg);
        assertEquals(0, ok.get("errcode").asInt());
        assertEquals(40001, call("POST", "/cgi-bin/message/subscribe/send?access_token=nope", msg).get("errcode").asInt());
        call("POST", "/sim/subscription?openid=o-sim-eve&subscribed=false", null);
        assertEquals(43101, call("POST", "/cgi-bin/message/subscribe/send?access_token=" + at, msg).get("errcode").asInt());
        call("POST", "/sim/subscription?openid=o-sim-eve&subscribed=true", null);
        JsonNode list = call("GET", "/sim/messages?touser=o-sim-eve", null);
        assertEquals(1, list.size());
        assertEquals("hi", list.get(0).get("data").get("thing1").asText());
        call("POST", "/sim/expire-tokens", null);
        assertEquals(42001, call("POST", "/cgi-bin/message/subscribe/send?access_token=" + at, msg).get("errcode").asInt());
        call("POST", "/sim/mode?mode=BUSY", null);
        assertEquals(-1, call("GET", "/sns/jscode2session?appid=wxA&secret=s3cret&js_code=sim-eve&grant_type=authorization_code", null)
                .get("errcode").asInt());
        call("POST", "/sim/mode?mode=NORMAL", null);
    }
}
