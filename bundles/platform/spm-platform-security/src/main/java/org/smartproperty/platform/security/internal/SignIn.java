package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.instant;
import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.AccountRows.permissions;
import static org.smartproperty.platform.security.internal.AccountRows.roles;
import static org.smartproperty.platform.security.internal.AccountRows.setPassword;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.ADMIN_ROLES;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.SELF;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AccountRows.Account;
import org.smartproperty.platform.security.internal.SecurityServiceImpl.LoginResult;

/**
 * Sign-in of the security service: password login with lockout and per-IP throttling (OPS-1), the
 * TOTP check and enrolment, bearer tokens (authenticate, logout) and the password change. Part of
 * {@link SecurityServiceImpl}, split along its duties (issue 10 item 5); transactions and audit
 * through the service.
 */
final class SignIn {

    private final SecurityServiceImpl owner;

    SignIn(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    public LoginResult login(String username, String password, String totp, String ip, String agent) {
        return owner.tx(c -> {
            if (ipFailures(c, ip) >= owner.policy().perIpFailures()) {
                owner.audit().append(c, new AuditEvent(username, ip, agent, "login.throttled", "account", username, "DENIED", null));
                commitThen(c, Sec.problem(429, "auth.throttled"));
            }
            Account a = username == null ? null : load(c, "username = ?", username.trim());
            if (a == null || a.passwordHash() == null) {
                // the same PBKDF2 work as for a real account: the answer's time does not tell who exists (issue 20 item 4)
                owner.hasher().equalize(password == null ? new char[0] : password.toCharArray());
                fail(c, username, ip, agent, "unknown account");
                commitThen(c, Sec.problem(401, "auth.invalid"));
            }
            Instant now = owner.clock().instant();
            boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(now);
            boolean active = "ACTIVE".equals(a.status());
            // the password first: a locked or disabled account answers like any wrong password unless it is right
            if (password == null || !owner.hasher().verify(password.toCharArray(), a.passwordHash())) {
                if (locked || !active) {
                    fail(c, a.username(), ip, agent, locked ? "wrong password (locked)" : "wrong password (disabled)");
                    commitThen(c, Sec.problem(401, "auth.invalid"));
                }
                int failures = a.failedCount() + 1;
                boolean lock = failures >= owner.policy().lockoutThreshold();
                update(c, "UPDATE sec_account SET failed_count = ?, locked_until = ?, updated_at = ? WHERE id = ?",
                        lock ? 0 : failures, lock ? Timestamp.from(now.plus(owner.policy().lockout())) : null, Timestamp.from(now), a.id());
                fail(c, a.username(), ip, agent, lock ? "locked after " + failures + " failures" : "wrong password (" + failures + ")");
                if (lock) {
                    owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "account.locked", "account", Long.toString(a.id()), "OK",
                            AuditEvent.summary("minutes", owner.policy().lockout().toMinutes())));
                }
                commitThen(c, Sec.problem(401, "auth.invalid"));
            }
            if (locked) {
                owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.locked", "account", Long.toString(a.id()), "DENIED", null));
                commitThen(c, Sec.problem(401, "auth.locked", a.lockedUntil().toString()));
            }
            if (!active) {
                owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.disabled", "account", Long.toString(a.id()), "DENIED", null));
                commitThen(c, Sec.problem(401, "auth.disabled"));
            }
            boolean admin = a.roles().stream().anyMatch(ADMIN_ROLES::contains);
            boolean enrol = admin && a.totpSecret() == null;
            if (a.totpSecret() != null) {
                if (totp == null || totp.isBlank()) {
                    owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.failure", "account", Long.toString(a.id()), "DENIED", AuditEvent.summary("reason", "totp missing")));
                    commitThen(c, Sec.problem(401, "auth.totpRequired"));
                }
                String secret = owner.totpAtRest.totpSecret(a);
                OptionalLong step = Totp.matchStep(secret, totp, now.getEpochSecond());
                if (step.isEmpty()) {
                    int failures = a.failedCount() + 1;
                    update(c, "UPDATE sec_account SET failed_count = ?, updated_at = ? WHERE id = ?", failures, Timestamp.from(now), a.id());
                    fail(c, a.username(), ip, agent, "wrong totp");
                    commitThen(c, Sec.problem(401, "auth.totpInvalid"));
                }
                // one code, one login (issue 10 item 8): the step must be later than the last accepted one; the
                // conditional update also settles two logins racing with the same code (the second finds the row changed)
                if (update(c, "UPDATE sec_account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)",
                        step.getAsLong(), a.id(), step.getAsLong()) == 0) {
                    int failures = a.failedCount() + 1;
                    update(c, "UPDATE sec_account SET failed_count = ?, updated_at = ? WHERE id = ?", failures, Timestamp.from(now), a.id());
                    fail(c, a.username(), ip, agent, "totp replayed");
                    commitThen(c, Sec.problem(401, "auth.totpReplayed"));
                }
                owner.totpAtRest.reencryptTotp(c, a, secret);
            }
            boolean expired = a.passwordChangedAt() == null
                    || a.passwordChangedAt().plus(Duration.ofDays(owner.policy().maxAgeDays())).isBefore(now);
            boolean mustChange = a.mustChange() || expired;
            boolean limited = mustChange || enrol;
            update(c, "UPDATE sec_account SET failed_count = 0, locked_until = NULL, last_login_at = ?, updated_at = ? WHERE id = ?",
                    Timestamp.from(now), Timestamp.from(now), a.id());
            String token = newToken();
            Instant expires = now.plus(owner.policy().absolute());
            update(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    sha256(token), a.id(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), limited, ip);
            owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.success", "account", Long.toString(a.id()), "OK",
                    limited ? AuditEvent.summary("limited", true) : null));
            return new LoginResult(token, expires, limited, mustChange, enrol, a.username(), a.roles());
        });
    }

    /** Records a failed login for the account and the source IP. */
    private void fail(Connection c, String username, String ip, String agent, String reason) throws SQLException {
        String who = username == null || username.length() <= 64 ? username : username.substring(0, 64);
        update(c, "INSERT INTO sec_login_failure (username, client_ip, at) VALUES (?, ?, ?)", who, ip == null ? "?" : ip, Timestamp.from(Instant.now()));
        owner.audit().append(c, new AuditEvent(who, ip, agent, "login.failure", "account", who, "FAILED",
                AuditEvent.summary("reason", reason)));
    }

    private int ipFailures(Connection c, String ip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_login_failure WHERE client_ip = ? AND at > ?")) {
            ps.setString(1, ip == null ? "?" : ip);
            ps.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofMinutes(15))));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The principal of a bearer token, or a 401 problem when it is unknown, revoked or expired. Served
     * from the node's {@link PrincipalCache} when it holds the token (issue 11 item 4).
     */
    public SpmPrincipal authenticate(String token, String ip) {
        if (token == null || token.isBlank()) {
            throw Sec.problem(401, "auth.required");
        }
        String h = sha256(token.trim());
        PrincipalCache cache = owner.principals();
        SpmPrincipal cached = cache.get(owner.dataSource(), h, ip, System.currentTimeMillis());
        if (cached != null) {
            return cached;
        }
        long revision = cache.revisionBeforeRead();
        Instant[] limit = new Instant[1];
        SpmPrincipal p = owner.tx(c -> {
            long accountId;
            boolean limited;
            String chosen;
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("SELECT account_id, last_seen_at, expires_at, revoked_at, limited, binding_key FROM sec_token WHERE token_hash = ?")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw Sec.problem(401, "auth.expired");
                    }
                    accountId = rs.getLong(1);
                    Instant lastSeen = rs.getTimestamp(2).toInstant();
                    Instant expires = rs.getTimestamp(3).toInstant();
                    if (rs.getTimestamp(4) != null || expires.isBefore(now) || lastSeen.plus(owner.policy().idle()).isBefore(now)) {
                        throw Sec.problem(401, "auth.expired");
                    }
                    limited = rs.getBoolean(5);
                    chosen = rs.getString(6);
                    if (lastSeen.plusSeconds(30).isBefore(now)) {
                        update(c, "UPDATE sec_token SET last_seen_at = ? WHERE token_hash = ?", Timestamp.from(now), h);
                        lastSeen = now;
                    }
                    Instant idleEnd = lastSeen.plus(owner.policy().idle());
                    limit[0] = idleEnd.isBefore(expires) ? idleEnd : expires;
                }
            }
            Account a = load(c, "id = ?", accountId);
            if (a == null || !"ACTIVE".equals(a.status())) {
                throw Sec.problem(401, "auth.expired");
            }
            AccountBindings.Acting acting = limited ? new AccountBindings.Acting(AccountBindings.STORED, a.roles(), DataScope.NONE, Set.of(), null)
                    : AccountBindings.active(AccountBindings.resolve(c, a, owner.binders()), chosen);
            Set<String> perms = limited ? Set.of(SELF) : permissions(c, acting.roles());
            if (!limited) {
                perms = new HashSet<>(perms);
                perms.addAll(acting.extraPermissions());
                perms.add(SELF);
            }
            boolean full = perms.contains("owner:view-full");
            return new SpmPrincipal(a.id(), a.username(), acting.roles(), perms, limited ? DataScope.NONE : acting.scope(), full, ip);
        });
        cache.put(h, p, revision, limit[0], System.currentTimeMillis());
        return p;
    }

    /** The bindings of the caller's account and the one its session acts as (issue 12). */
    public Map<String, Object> bindings(SpmPrincipal p, String token) {
        return owner.tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            List<AccountBindings.Acting> all = AccountBindings.resolve(c, a, owner.binders());
            AccountBindings.Acting active = AccountBindings.active(all, chosenBinding(c, token));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("active", active.key());
            m.put("bindings", AccountBindings.describe(all, active));
            return m;
        });
    }

    /**
     * The session acts as another of the account's bindings from its next request on (issue 12); 404
     * {@code binding.unknown} for a key the account does not hold now. Audited.
     */
    public Map<String, Object> chooseBinding(SpmPrincipal p, String token, String key, String agent) {
        Map<String, Object> out = owner.tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            List<AccountBindings.Acting> all = AccountBindings.resolve(c, a, owner.binders());
            if (key == null || all.stream().noneMatch(x -> x.key().equals(key))) {
                throw Sec.problem(404, "binding.unknown", key == null ? "" : key);
            }
            update(c, "UPDATE sec_token SET binding_key = ? WHERE token_hash = ?", key, sha256(token.trim()));
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(p.username(), p.clientIp(), agent, "session.binding", "account", Long.toString(p.accountId()), "OK",
                    AuditEvent.summary("binding", key)));
            return Map.<String, Object>of();
        });
        return out;
    }

    private static String chosenBinding(java.sql.Connection c, String token) throws java.sql.SQLException {
        if (token == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT binding_key FROM sec_token WHERE token_hash = ?")) {
            ps.setString(1, sha256(token.trim()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The shell keeps its own session: the token a shell login produced is revoked at once. */
    public void revokeShellToken(String token) {
        owner.tx(c -> {
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ?", Timestamp.from(Instant.now()), sha256(token));
            owner.principalsChanged(c);
            return null;
        });
    }

    public void logout(SpmPrincipal p, String token, String agent) {
        owner.tx(c -> {
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), sha256(token.trim()));
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(p.username(), p.clientIp(), agent, "logout", "account", Long.toString(p.accountId()), "OK", null));
            return null;
        });
    }

    public void changePassword(SpmPrincipal p, String current, String next, String agent) {
        owner.tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            if (current == null || !owner.hasher().verify(current.toCharArray(), a.passwordHash())) {
                owner.audit().append(c, new AuditEvent(a.username(), p.clientIp(), agent, "password.change", "account", Long.toString(a.id()), "FAILED", AuditEvent.summary("reason", "wrong current")));
                commitThen(c, ApiException.invalid(Sec.TEXTS, "currentPassword", "password.wrong"));
            }
            List<String> v = owner.policy().passwordViolations(a.username(), next);
            if (!v.isEmpty()) {
                throw ApiException.invalid(v.stream().map(k -> k.equals("password.tooShort")
                        ? org.smartproperty.platform.FieldError.of(Sec.TEXTS, "newPassword", k, owner.policy().minLength())
                        : org.smartproperty.platform.FieldError.of(Sec.TEXTS, "newPassword", k)).toList());
            }
            List<String> recent = new ArrayList<>();
            recent.add(a.passwordHash());
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM sec_password_history WHERE account_id = ? ORDER BY created_at DESC")) {
                ps.setLong(1, a.id());
                ps.setMaxRows(owner.policy().history());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recent.add(rs.getString(1));
                    }
                }
            }
            for (String old : recent.subList(0, Math.min(recent.size(), owner.policy().history()))) {
                if (owner.hasher().verify(next.toCharArray(), old)) {
                    throw ApiException.invalid(Sec.TEXTS, "newPassword", "password.reused", owner.policy().history());
                }
            }
            setPassword(c, owner.hasher(), a.id(), next, false);
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), a.id());
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(a.username(), p.clientIp(), agent, "password.change", "account", Long.toString(a.id()), "OK", AuditEvent.summary("tokensRevoked", true)));
            return null;
        });
    }

    /** Enrols a TOTP secret for the caller; returns {secret, otpauth}. Existing tokens are revoked: log in again with the code. */
    public Map<String, String> enrollTotp(SpmPrincipal p, String agent) {
        return owner.tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            if (a.totpSecret() != null) {
                throw Sec.problem(409, "totp.already");
            }
            String secret = Totp.newSecret();
            update(c, "UPDATE sec_account SET totp_secret = ?, totp_last_step = NULL, updated_at = ? WHERE id = ?", owner.totpAtRest.totpRing().encrypt(a.id(), secret),
                    Timestamp.from(Instant.now()), a.id());
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), a.id());
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(a.username(), p.clientIp(), agent, "totp.enrol", "account", Long.toString(a.id()), "OK", null));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("secret", secret);
            m.put("otpauth", Totp.uri("SmartProperty", a.username(), secret));
            return m;
        });
    }
}
