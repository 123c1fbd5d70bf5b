package org.smartproperty.adapter.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.SmsSender.Outcome;
import org.smartproperty.notification.SmsSender.SendResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.WechatSessions;
import org.smartproperty.sim.wechat.internal.WechatSimulator;

/** INT-WX (issue 18): the adapter against the WeChat simulator over real HTTP — login, access token, subscription messages. */
class WechatClientTest {

    static WechatSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = new WechatSimulator("127.0.0.1", WechatSimulator.DEFAULT_APP_ID, WechatSimulator.DEFAULT_SECRET, 7200, 3000).start(0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @BeforeEach
    void normal() {
        sim.mode(WechatSimulator.Mode.NORMAL);
    }

    static WechatConfig config(String baseUrl, String secret, String... templates) {
        return new WechatConfig() {
            public Class<? extends Annotation> annotationType() { return WechatConfig.class; }
            public String appId() { return WechatSimulator.DEFAULT_APP_ID; }
            public String secret() { return secret; }
            public String secretFile() { return ""; }
            public String baseUrl() { return baseUrl; }
            public int connectTimeoutMillis() { return 1000; }
            public int requestTimeoutMillis() { return 1500; }
            public int tokenRefreshMarginSeconds() { return 300; }
            public String[] templates() { return templates; }
            public String page() { return "pages/notifications/index"; }
            public String miniprogramState() { return "developer"; }
            public String lang() { return "zh_CN"; }
        };
    }

    static WechatAdapter adapter(String secret, String... templates) {
        WechatAdapter a = new WechatAdapter();
        a.configureWith(config(sim.baseUri().toString(), secret, templates), k -> null);
        return a;
    }

    @Test
    void codeBecomesDeterministicOpenid_INT_WX() throws Exception {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET);
        assertEquals("o-sim-alice", a.openid("sim-alice"));
        String other = a.openid("0a1B2c3D4e");
        assertEquals(WechatSimulator.openidOf("0a1B2c3D4e"), other);
        assertEquals(other, a.openid("0a1B2c3D4e"));
        assertNotEquals(other, a.openid("0a1B2c3D4f"));
        assertEquals(WechatSimulator.DEFAULT_APP_ID, a.appId());
    }

    @Test
    void refusalsCarryWechatsErrcode_INT_WX() {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET);
        assertEquals(WechatSessions.INVALID_CODE, assertThrows(IdentityProviderException.class, () -> a.openid("invalid")).errcode());
        assertEquals(WechatSessions.RATE_LIMITED, assertThrows(IdentityProviderException.class, () -> a.openid("ratelimit")).errcode());
        assertEquals(WechatSessions.BUSY, assertThrows(IdentityProviderException.class, () -> a.openid("busy")).errcode());
        assertEquals("40125", assertThrows(IdentityProviderException.class, () -> adapter("wrong").openid("sim-x")).errcode());
        IdentityProviderException e = assertThrows(IdentityProviderException.class, () -> adapter("wrong").openid("sim-x"));
        assertFalse(e.getMessage().contains("wrong"), "the secret is never in a message: " + e.getMessage());
    }

    @Test
    void unreachableAndOutagesAreIo_INT_WX() throws Exception {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET);
        sim.mode(WechatSimulator.Mode.DOWN);
        assertEquals(WechatSessions.UNREACHABLE, assertThrows(IdentityProviderException.class, () -> a.openid("sim-x")).errcode());
        sim.mode(WechatSimulator.Mode.ERROR);
        assertEquals("http-503", assertThrows(IdentityProviderException.class, () -> a.openid("sim-x")).errcode());
        sim.mode(WechatSimulator.Mode.BUSY);
        assertEquals(WechatSessions.BUSY, assertThrows(IdentityProviderException.class, () -> a.openid("sim-x")).errcode());
        sim.mode(WechatSimulator.Mode.NORMAL);
        WechatAdapter nowhere = new WechatAdapter();
        nowhere.configureWith(config("http://127.0.0.1:1", WechatSimulator.DEFAULT_SECRET, "WX_TEST=tmplA;thing1=title"), k -> null);
        assertEquals(WechatSessions.UNREACHABLE, assertThrows(IdentityProviderException.class, () -> nowhere.openid("sim-x")).errcode());
        assertEquals(Outcome.RETRYABLE, nowhere.send("o-1", MessageKind.of("WX_TEST"), Map.of(), null, "X1").outcome());
    }

    @Test
    void subscriptionMessageIsSentWithTemplateFieldsAndPage_INT_WX() {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET, "WX_TEST_DONE=tmplRepair01;character_string1=no;phrase2=@done;thing3=place");
        MessageKind kind = MessageKind.of("WX_TEST_DONE");
        assertTrue(a.handles(kind));
        assertFalse(a.handles(MessageKind.of("WX_OTHER")));
        SendResult r = a.send("o-sim-bob", kind, Map.of("no", "BX-2026-0001", "place", "横琴澳门新街坊 3 栋 1201 房的厨房水管漏水严重需要尽快维修"),
                "/repairs/7", "WX1");
        assertEquals(Outcome.ACCEPTED, r.outcome(), r.toString());
        WechatSimulator.Sent s = sim.messages().stream().filter(m -> m.touser().equals("o-sim-bob")).reduce((x, y) -> y).orElseThrow();
        assertEquals("tmplRepair01", s.templateId());
        assertEquals("BX-2026-0001", s.data().get("character_string1"));
        assertEquals("已完成", s.data().get("phrase2"));
        assertEquals(20, s.data().get("thing3").codePointCount(0, s.data().get("thing3").length()), "thing is cut to 20: " + s.data());
        assertEquals("pages/notifications/index?link=%2Frepairs%2F7", s.page());
        assertEquals("developer", s.state());
        assertEquals(r.bizId(), Long.toString(s.msgid()));
    }

    @Test
    void notSubscribedIsFinal_43101_INT_WX() {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET, "WX_TEST=tmplA;thing1=title");
        sim.subscribed("o-sim-carol", false);
        try {
            SendResult r = a.send("o-sim-carol", MessageKind.of("WX_TEST"), Map.of("title", "t"), null, "WX2");
            assertEquals(Outcome.PERMANENT, r.outcome());
            assertEquals("43101", r.errorCode());
        } finally {
            sim.subscribed("o-sim-carol", true);
        }
    }

    @Test
    void tokenIsCachedAndRenewedOnExpiry_42001_INT_WX() {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET, "WX_TEST=tmplA;thing1=title");
        MessageKind k = MessageKind.of("WX_TEST");
        assertEquals(Outcome.ACCEPTED, a.send("o-sim-dan", k, Map.of("title", "1"), null, "A").outcome());
        long issued = sim.tokensIssued();
        assertEquals(Outcome.ACCEPTED, a.send("o-sim-dan", k, Map.of("title", "2"), null, "B").outcome());
        assertEquals(issued, sim.tokensIssued(), "the cached token is used");
        sim.expireTokens();
        assertEquals(Outcome.ACCEPTED, a.send("o-sim-dan", k, Map.of("title", "3"), null, "C").outcome());
        assertEquals(issued + 1, sim.tokensIssued(), "renewed once after 42001");
        assertEquals(HealthStatus.UP, a.check().status());
    }

    @Test
    void tokenIsRenewedBeforeItExpires_INT_WX() throws Exception {
        WechatSimulator shortLived = new WechatSimulator("127.0.0.1", WechatSimulator.DEFAULT_APP_ID, WechatSimulator.DEFAULT_SECRET, 400, 0).start(0);
        try {
            Instant[] now = {Instant.parse("2026-12-05T00:00:00Z")};
            Clock clock = new Clock() {
                public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                public Clock withZone(java.time.ZoneId z) { return this; }
                public Instant instant() { return now[0]; }
            };
            WechatAdapter a = new WechatAdapter(clock);
            a.configureWith(config(shortLived.baseUri().toString(), WechatSimulator.DEFAULT_SECRET, "WX_TEST=tmplA;thing1=title"), k -> null);
            MessageKind k = MessageKind.of("WX_TEST");
            a.send("o-1", k, Map.of("title", "1"), null, "A");
            now[0] = now[0].plusSeconds(60); // 400 s token, 300 s margin: renewed after 100 s
            a.send("o-1", k, Map.of("title", "2"), null, "B");
            assertEquals(1, shortLived.tokenRequests());
            now[0] = now[0].plusSeconds(60);
            a.send("o-1", k, Map.of("title", "3"), null, "C");
            assertEquals(2, shortLived.tokenRequests(), "asked again once within the margin");
        } finally {
            shortLived.stop();
        }
    }

    @Test
    void busyAndOutagesAreRetryableOrUnknown_INT_WX() {
        WechatAdapter a = adapter(WechatSimulator.DEFAULT_SECRET, "WX_TEST=tmplA;thing1=title");
        MessageKind k = MessageKind.of("WX_TEST");
        a.send("o-1", k, Map.of("title", "warm"), null, "W"); // token cached
        sim.mode(WechatSimulator.Mode.BUSY);
        assertEquals(Outcome.RETRYABLE, a.send("o-1", k, Map.of("title", "t"), null, "X").outcome());
        sim.mode(WechatSimulator.Mode.ERROR);
        assertEquals(Outcome.UNKNOWN, a.send("o-1", k, Map.of("title", "t"), null, "Y").outcome(), "a 503 may have been sent");
        assertEquals(HealthStatus.UP, a.check().status(), "the cached token");
        sim.mode(WechatSimulator.Mode.NORMAL);
        WechatAdapter fresh = adapter(WechatSimulator.DEFAULT_SECRET);
        sim.mode(WechatSimulator.Mode.DOWN);
        assertEquals(HealthStatus.DOWN, fresh.check().status());
    }

    @Test
    void secretComesFromEnvironmentThenFileThenConfiguration(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("wechat.secret");
        Files.writeString(f, WechatSimulator.DEFAULT_SECRET + "\n");
        WechatConfig base = config(sim.baseUri().toString(), "wrong");
        WechatConfig withFile = new WechatConfig() {
            public Class<? extends Annotation> annotationType() { return WechatConfig.class; }
            public String appId() { return base.appId(); }
            public String secret() { return "wrong"; }
            public String secretFile() { return f.toString(); }
            public String baseUrl() { return base.baseUrl(); }
            public int connectTimeoutMillis() { return 1000; }
            public int requestTimeoutMillis() { return 1500; }
            public int tokenRefreshMarginSeconds() { return 300; }
            public String[] templates() { return new String[0]; }
            public String page() { return ""; }
            public String miniprogramState() { return "formal"; }
            public String lang() { return "zh_CN"; }
        };
        assertEquals(WechatSimulator.DEFAULT_SECRET, WechatSettings.resolve(withFile, k -> null).secret());
        assertEquals("from-env", WechatSettings.resolve(withFile, k -> k.equals("SPM_WECHAT_SECRET") ? "from-env" : null).secret());
        assertEquals("wrong", WechatSettings.resolve(base, k -> null).secret());
        assertFalse(WechatSettings.resolve(base, k -> null).toString().contains("wrong"));
        assertNull(WechatAdapter.page(WechatSettings.resolve(withFile, k -> null), "/x"));
    }

    @Test
    void badTemplatesAreRefusedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WechatTemplates.parse(new String[] {"REPAIR_DONE=tmpl"}));
        assertTrue(e.getMessage().contains("REPAIR_DONE=tmpl"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WechatTemplates.parse(new String[] {"A=t;x=y", "A=u;thing1=y"}));
        assertEquals(List.of("A", "B"), List.copyOf(WechatTemplates.parse(new String[] {"A=t;thing1=a B=u;thing1=@done"}).kinds()).stream().sorted().toList());
    }
}
