package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.ADMIN_ROLES;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.commitThen;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.newToken;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.sha256;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AccountRows.Account;
import org.smartproperty.platform.security.internal.SecurityServiceImpl.LoginResult;

/**
 * The WeChat mini program login (INT-WX, issue 18), part of {@link SecurityServiceImpl}: an openid bound to an ACTIVE account
 * logs in at once ({@code login.wechat}); an unbound one gets a one-time ticket (10 minutes, only its SHA-256 stored, the
 * openid stays on the server) that {@link #bind} spends after a login by the real-name handoff or by password, binding the
 * openid to that account ({@code wechat.bind}). One openid ↔ one account per app: an openid bound elsewhere or an account
 * bound to another openid is a 409; administrator accounts are never bound (their login needs TOTP on the admin network).
 */
final class WechatSignIn {

    /** How long a binding ticket is valid. */
    static final Duration TICKET_TTL = Duration.ofMinutes(10);

    private final SecurityServiceImpl owner;

    WechatSignIn(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** The answer of a session: the login, or the ticket when the openid is not bound. */
    record Session(LoginResult login, String ticket) {
    }

    Session session(String appId, String openid, String ip, String agent) {
        return owner.tx(c -> {
            Long accountId = boundAccount(c, appId, openid);
            if (accountId == null) {
                Instant now = owner.clock().instant();
                update(c, "DELETE FROM sec_wechat_ticket WHERE created_at < ?", Timestamp.from(now.minus(TICKET_TTL)));
                String ticket = newToken();
                update(c, "INSERT INTO sec_wechat_ticket (ticket_hash, app_id, openid, created_at) VALUES (?, ?, ?, ?)", sha256(ticket), appId,
                        openid, Timestamp.from(now));
                return new Session(null, ticket);
            }
            Account a = load(c, "id = ?", accountId);
            Instant now = owner.clock().instant();
            if (!"ACTIVE".equals(a.status())) {
                owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.wechat", "account", Long.toString(a.id()), "DENIED",
                        AuditEvent.summary("reason", "disabled")));
                commitThen(c, Sec.problem(401, "auth.disabled"));
            }
            if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
                owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.wechat", "account", Long.toString(a.id()), "DENIED",
                        AuditEvent.summary("reason", "locked")));
                commitThen(c, Sec.problem(401, "auth.locked", a.lockedUntil().toString()));
            }
            if (a.roles().stream().anyMatch(ADMIN_ROLES::contains)) {
                commitThen(c, Sec.problem(403, "wechat.adminAccount"));
            }
            // a password account follows the password rules (initial or expired password: a limited token); a real-name account has none
            boolean mustChange = a.passwordHash() != null && (a.mustChange() || a.passwordChangedAt() == null
                    || a.passwordChangedAt().plus(Duration.ofDays(owner.policy().maxAgeDays())).isBefore(now));
            update(c, "UPDATE sec_account SET last_login_at = ?, updated_at = ? WHERE id = ?", Timestamp.from(now), Timestamp.from(now), a.id());
            String token = newToken();
            Instant expires = now.plus(owner.policy().absolute());
            update(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    sha256(token), a.id(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), mustChange, ip);
            owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.wechat", "account", Long.toString(a.id()), "OK",
                    AuditEvent.summary("appId", appId)));
            return new Session(new LoginResult(token, expires, mustChange, mustChange, false, a.username(), a.roles()), null);
        });
    }

    /** 400 {@code wechat.ticket} on field {@code ticket} unless the ticket is known and younger than {@link #TICKET_TTL}; spends nothing. */
    void checkTicket(String appId, String ticket) {
        owner.tx(c -> {
            if (ticketOpenid(c, appId, ticket) == null) {
                throw ApiException.invalid(Sec.TEXTS, "ticket", "wechat.ticket");
            }
            return null;
        });
    }

    /**
     * Spends the ticket and binds its openid to the account {@code login} logged in (a login just made by handoff or password).
     * Refused (the login's token is revoked in the same transaction): an unknown, used or expired ticket (400
     * {@code wechat.ticket}), an administrator account (403 {@code wechat.adminAccount}), an openid bound to another account
     * (409 {@code wechat.openidBound}), an account bound to another openid of the app (409 {@code wechat.accountBound}).
     */
    LoginResult bind(String appId, String ticket, LoginResult login, String via, String ip, String agent) {
        return owner.tx(c -> {
            String openid = ticketOpenid(c, appId, ticket);
            if (openid == null || update(c, "DELETE FROM sec_wechat_ticket WHERE ticket_hash = ?", sha256(ticket)) != 1) {
                refuse(c, login, ip, agent, "ticket", ApiException.invalid(Sec.TEXTS, "ticket", "wechat.ticket"));
            }
            Account a = load(c, "username = ?", login.username());
            if (a == null || a.roles().stream().anyMatch(ADMIN_ROLES::contains)) {
                refuse(c, login, ip, agent, "admin account", Sec.problem(403, "wechat.adminAccount"));
            }
            Long bound = boundAccount(c, appId, openid);
            if (bound != null && bound != a.id()) {
                refuse(c, login, ip, agent, "openid bound to another account", Sec.problem(409, "wechat.openidBound"));
            }
            if (bound == null) {
                if (accountOpenid(c, a.id(), appId) != null) {
                    refuse(c, login, ip, agent, "account bound to another openid", Sec.problem(409, "wechat.accountBound"));
                }
                update(c, "INSERT INTO sec_wechat_binding (app_id, openid, account_id, created_at) VALUES (?, ?, ?, ?)", appId, openid, a.id(),
                        Timestamp.from(owner.clock().instant()));
            }
            owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "wechat.bind", "account", Long.toString(a.id()), "OK",
                    AuditEvent.summary("appId", appId, "via", via, "already", bound != null)));
            return login;
        });
    }

    /** Revokes the token the login just issued, audits the refusal, commits, answers {@code problem}. */
    private void refuse(Connection c, LoginResult login, String ip, String agent, String reason, ApiException problem) throws SQLException {
        update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ?", Timestamp.from(owner.clock().instant()), sha256(login.token()));
        owner.audit().append(c, new AuditEvent(login.username(), ip, agent, "wechat.bind", "account", login.username(), "DENIED",
                AuditEvent.summary("reason", reason)));
        commitThen(c, problem);
    }

    /** Removes the caller's binding for the app; 404 {@code wechat.notBound} when there is none. Audited {@code wechat.unbind}. */
    void unbind(SpmPrincipal p, String appId, String agent) {
        owner.tx(c -> {
            if (update(c, "DELETE FROM sec_wechat_binding WHERE app_id = ? AND account_id = ?", appId, p.accountId()) == 0) {
                throw Sec.problem(404, "wechat.notBound");
            }
            owner.audit().append(c, new AuditEvent(p.username(), p.clientIp(), agent, "wechat.unbind", "account", Long.toString(p.accountId()), "OK",
                    AuditEvent.summary("appId", appId)));
            return null;
        });
    }

    /** Whether the account is bound for the app (for {@code GET /auth/wechat/binding}). */
    boolean bound(long accountId, String appId) {
        return owner.tx(c -> accountOpenid(c, accountId, appId) != null);
    }

    Optional<String> openid(long accountId, String appId) {
        return Optional.ofNullable(owner.tx(c -> accountOpenid(c, accountId, appId)));
    }

    private String ticketOpenid(Connection c, String appId, String ticket) throws SQLException {
        if (ticket == null || ticket.isBlank() || ticket.length() > 64) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT openid, created_at FROM sec_wechat_ticket WHERE ticket_hash = ? AND app_id = ?")) {
            ps.setString(1, sha256(ticket));
            ps.setString(2, appId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(2).toInstant().plus(TICKET_TTL).isBefore(owner.clock().instant())) {
                    return null;
                }
                return rs.getString(1);
            }
        }
    }

    private static Long boundAccount(Connection c, String appId, String openid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM sec_wechat_binding WHERE app_id = ? AND openid = ?")) {
            ps.setString(1, appId);
            ps.setString(2, openid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String accountOpenid(Connection c, long accountId, String appId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT openid FROM sec_wechat_binding WHERE app_id = ? AND account_id = ?")) {
            ps.setString(1, appId);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
