package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.WechatSessions;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * INT-WX (issue 18): binding WeChat users of the mini program to accounts, on PostgreSQL and H2. A code of {@code wx.login} gives
 * a ticket while its openid is unbound; the ticket binds once, by the real-name handoff or by password (the checks of /auth/login);
 * one openid ↔ one account per app; then the code logs in directly; unbinding needs a login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WechatBindingContract {

    static final String IP = "198.51.100.18";
    static final String PASSWORD = "Hengqin@2026x";

    abstract TestDatabase db();

    SecurityServiceImpl security;
    WechatLoginResource resource;

    /** Codes are "sim-<name>" → openid "o-<name>"; "invalid" 40029; "down" unreachable. */
    static final class FakeWechat implements WechatSessions {
        @Override
        public String appId() {
            return "wx-test";
        }

        @Override
        public String openid(String code) throws IdentityProviderException {
            return switch (code) {
                case "invalid" -> throw new IdentityProviderException(INVALID_CODE, "invalid code", null);
                case "down" -> throw new IdentityProviderException(UNREACHABLE, "no answer", null);
                case "ratelimit" -> throw new IdentityProviderException(RATE_LIMITED, "slow down", null);
                case "badsecret" -> throw new IdentityProviderException("40125", "invalid appsecret", null);
                default -> "o-" + code.substring(code.indexOf('-') + 1);
            };
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/security.changelog.xml");
        security = new SecurityServiceImpl(db().dataSource(), new AuditTrailImpl(db().dataSource()), SecurityPolicy.DEFAULTS);
        security.ensureAccount("wx-company", "物业员工", Role.COMPANY, PASSWORD, null, DataScope.company(1));
        security.ensureAccount("wx-company2", "物业员工二", Role.COMPANY, PASSWORD, null, DataScope.company(1));
        security.ensureAccount("wx-sysadmin", "系统管理员", Role.SYSADMIN, PASSWORD, null, DataScope.ALL);
        clearMustChange();
        resource = new WechatLoginResource(security, new FakeWechat());
    }

    private void clearMustChange() throws Exception {
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE sec_account SET must_change = FALSE, password_changed_at = ? WHERE username LIKE 'wx-%'")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    private Map<String, Object> session(String code) {
        return resource.session(new WechatLoginResource.SessionInput(code), "junit");
    }

    private String ticket(String code) {
        Map<String, Object> s = session(code);
        assertEquals(Boolean.TRUE, s.get("bindingRequired"), s.toString());
        // the simulator's openid of sim-<name> is o-sim-<name>; the ticket is random base64url and may hold "o-" itself
        assertFalse(s.toString().contains("o-" + code), "the openid never reaches the client: " + s);
        return (String) s.get("ticket");
    }

    private Map<String, Object> bindPassword(String ticket, String username, String password) {
        return resource.bind(new WechatLoginResource.BindInput(ticket, null, username, password, null), "junit");
    }

    private long accountId(String username) throws Exception {
        return Long.parseLong(db().strings("SELECT CAST(id AS VARCHAR(20)) FROM sec_account WHERE username = ?", username).get(0));
    }

    @Test
    void unboundCodeGivesTicketPasswordBindsThenCodeLogsInDirectly_INT_WX() throws Exception {
        String ticket = ticket("sim-co1");
        Map<String, Object> login = bindPassword(ticket, "wx-company", PASSWORD);
        assertEquals("wx-company", login.get("username"));
        assertNotNull(security.authenticate((String) login.get("token"), IP));
        Map<String, Object> again = session("sim-co1");
        assertEquals("wx-company", again.get("username"), again.toString());
        assertEquals(Boolean.FALSE, again.get("limited"));
        SpmPrincipal p = security.authenticate((String) again.get("token"), IP);
        assertEquals("wx-company", p.username());
        assertEquals(Optional.of("o-co1"), security.wechatOpenId(accountId("wx-company"), "wx-test"));
        assertEquals(Optional.empty(), security.wechatOpenId(accountId("wx-company"), "wx-other-app"));
        assertEquals(1, db().strings("SELECT action FROM aud_event WHERE action = 'wechat.bind' AND actor = 'wx-company'").size());
        assertTrue(db().strings("SELECT action FROM aud_event WHERE action = 'login.wechat' AND actor = 'wx-company'").size() >= 1);

        // a used ticket
        ApiException used = assertThrows(ApiException.class, () -> bindPassword(ticket, "wx-company", PASSWORD));
        assertEquals(400, used.status());
        assertEquals("wechat.ticket", used.errors().get(0).code());

        // the account is bound: another WeChat user cannot take it (409), and the token that login made is revoked
        String other = ticket("sim-co1b");
        ApiException taken = assertThrows(ApiException.class, () -> bindPassword(other, "wx-company", PASSWORD));
        assertEquals(409, taken.status());
        assertEquals("wechat.accountBound", taken.code());

        // unbinding needs the account's login; afterwards the code asks to bind again
        security.unbindWechat(p, "wx-test", "junit");
        assertEquals(404, assertThrows(ApiException.class, () -> security.unbindWechat(p, "wx-test", "junit")).status());
        assertEquals(Boolean.TRUE, session("sim-co1").get("bindingRequired"));
        assertEquals(Optional.empty(), security.wechatOpenId(accountId("wx-company"), "wx-test"));
    }

    @Test
    void wrongPasswordKeepsTheTicketAndCountsAsAFailedLogin_INT_WX() throws Exception {
        String ticket = ticket("sim-co2");
        ApiException wrong = assertThrows(ApiException.class, () -> bindPassword(ticket, "wx-company2", "nope-nope"));
        assertEquals(401, wrong.status());
        assertEquals("auth.invalid", wrong.code());
        assertEquals("wx-company2", bindPassword(ticket, "wx-company2", PASSWORD).get("username"), "the ticket survives a wrong password");
    }

    @Test
    void realNameHandoffBindsTheOwnerAccount_INT_WX_OWN_1() {
        SecurityServiceImpl.LoginResult owner = security.loginExternal(AccountBindingsPostgresTest.person("u-wx-owner", "440402199003071232"), IP, "junit");
        String handoff = security.newHandoff(owner);
        String ticket = ticket("sim-owner");
        Map<String, Object> login = resource.bind(new WechatLoginResource.BindInput(ticket, handoff, null, null, null), "junit");
        assertEquals(owner.username(), login.get("username"));
        assertEquals(owner.username(), session("sim-owner").get("username"));
        // the handoff code is spent: a second bind with it fails on the handoff (its own 400), the ticket first
        String t2 = ticket("sim-owner2");
        ApiException spent = assertThrows(ApiException.class,
                () -> resource.bind(new WechatLoginResource.BindInput(t2, handoff, null, null, null), "junit"));
        assertEquals("idp.handoff", spent.errors().get(0).code());
    }

    @Test
    void administratorsAreNeverBound_INT_WX() {
        String ticket = ticket("sim-admin");
        ApiException e = assertThrows(ApiException.class, () -> bindPassword(ticket, "wx-sysadmin", PASSWORD));
        assertEquals(403, e.status());
        assertEquals("wechat.adminAccount", e.code());
    }

    @Test
    void wechatRefusalsAreProblemsNever500_INT_WX() {
        ApiException bad = assertThrows(ApiException.class, () -> session("invalid"));
        assertEquals(400, bad.status());
        assertEquals("code", bad.errors().get(0).field());
        assertEquals("wechat.code", bad.errors().get(0).code());
        assertEquals(503, assertThrows(ApiException.class, () -> session("down")).status());
        assertEquals(429, assertThrows(ApiException.class, () -> session("ratelimit")).status());
        assertEquals(502, assertThrows(ApiException.class, () -> session("badsecret")).status());
        ApiException missing = assertThrows(ApiException.class, () -> session(null));
        assertEquals("code", missing.errors().get(0).field());
        ApiException fields = assertThrows(ApiException.class, () -> bindPassword(null, null, null));
        assertEquals(3, fields.errors().size(), "ticket, username and password at once");
        ApiException either = assertThrows(ApiException.class,
                () -> resource.bind(new WechatLoginResource.BindInput("t", "h", "u", "p", null), "junit"));
        assertEquals("wechat.bindEither", either.errors().get(0).code());
        ApiException unknownTicket = assertThrows(ApiException.class, () -> bindPassword("no-such-ticket", "wx-company2", PASSWORD));
        assertEquals("wechat.ticket", unknownTicket.errors().get(0).code());
        assertEquals(503, assertThrows(ApiException.class,
                () -> new WechatLoginResource(security, null).session(new WechatLoginResource.SessionInput("sim-x"), "junit")).status(),
                "no adapter: 503");
    }

    @Test
    void theReturnPageOfTheWebViewIsStaticInTheCallersLanguage_INT_WX() {
        String html = WechatLoginResource.returnHtml(false, org.smartproperty.platform.Messages.negotiate("pt-PT,pt;q=0.9"));
        assertTrue(html.contains("id=\"done\"") && html.contains("Autenticação concluída"), html);
        assertFalse(html.contains("<script"), "no script: " + html);
        String failed = WechatLoginResource.returnHtml(true, org.smartproperty.platform.Messages.negotiate("zh-CN"));
        assertTrue(failed.contains("id=\"failed\"") && failed.contains("实名认证未完成"), failed);
    }

    @Test
    void anExpiredTicketIsRefused_INT_WX() throws Exception {
        String ticket = ticket("sim-late");
        try (Connection c = db().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE sec_wechat_ticket SET created_at = ? WHERE ticket_hash = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(WechatSignIn.TICKET_TTL).minusSeconds(1)));
            ps.setString(2, SecurityServiceImpl.sha256(ticket));
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals("wechat.ticket", assertThrows(ApiException.class, () -> bindPassword(ticket, "wx-company2", PASSWORD)).errors().get(0).code());
    }
}
