package org.smartproperty.platform.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AccountProvisioning;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.Cidr;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.TotpSecrets;

/**
 * Accounts, passwords, tokens, TOTP, roles and separation of duties, IP bans. Plain JDBC: every
 * public method is one transaction, and its audit record is written in that same transaction.
 */
@Component(service = {SecurityService.class, AccountProvisioning.class, AccountDirectory.class}, configurationPid = "org.smartproperty.security",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityServiceImpl implements SecurityService, AccountProvisioning, AccountDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityServiceImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR);
    /** Permissions a limited token (initial/expired password, TOTP enrolment pending) may use. */
    static final String SELF = "auth:self";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.security)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private volatile SecurityPolicy policy = SecurityPolicy.DEFAULTS;
    private volatile PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    /** The login's clock (tests fix it inside one TOTP time step). */
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    /** The key ring of the TOTP secrets at rest (issue 10 item 8); set by {@link #configure} in OSGi. */
    private volatile TotpKeyStore totpKeys;

    public SecurityServiceImpl() {
    }

    /**
     * Outside OSGi (other bundles' tests, tools): the default policy and an audit trail of its own
     * over {@code ds}, whose security schema must be migrated. TOTP secrets are encrypted with a key
     * held in memory, the same for every instance of this JVM.
     */
    public static SecurityServiceImpl standalone(DataSource ds) {
        return new SecurityServiceImpl(ds, new AuditTrailImpl(ds), SecurityPolicy.DEFAULTS);
    }

    /** As {@link #standalone(DataSource)}, with the TOTP key ring of {@code totpKeyFile} (created when absent, as at a first start). */
    public static SecurityServiceImpl standalone(DataSource ds, Path totpKeyFile) {
        SecurityServiceImpl s = new SecurityServiceImpl(ds, new AuditTrailImpl(ds), SecurityPolicy.DEFAULTS, TotpKeyStore.file(totpKeyFile));
        s.prepareTotpKey();
        return s;
    }

    SecurityServiceImpl(DataSource ds, AuditTrail audit, SecurityPolicy policy) {
        this(ds, audit, policy, TotpKeyStore.ephemeral());
    }

    SecurityServiceImpl(DataSource ds, AuditTrail audit, SecurityPolicy policy, TotpKeyStore totpKeys) {
        this.dataSource = ds;
        this.audit = audit;
        this.policy = policy;
        this.hasher = new PasswordHasher(policy.iterations());
        this.totpKeys = totpKeys;
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        try {
            SecurityPolicy p = SecurityPolicy.from(config);
            policy = p;
            hasher = new PasswordHasher(p.iterations());
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the previous policy stays in force", e.getMessage());
        }
        String configured = config.totp_keyFile();
        Path keyFile = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "security", "totp.key") : Path.of(configured.trim());
        TotpKeyStore current = totpKeys;
        if (current == null || !keyFile.equals(current.file())) {
            totpKeys = TotpKeyStore.file(keyFile);
            prepareTotpKey();
        }
    }

    public SecurityPolicy policy() {
        return policy;
    }

    /** Tests: the time the login sees (lockout, TOTP step, token times). */
    void clock(java.time.Clock c) {
        clock = c;
    }

    AuditTrail audit() {
        return audit;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    // ------------------------------------------------------------------ login / tokens

    /** The answer of a successful login. {@code limited}: only password change / TOTP enrolment are allowed. */
    public record LoginResult(String token, Instant expiresAt, boolean limited, boolean mustChangePassword,
                              boolean totpEnrollmentRequired, String username, Set<Role> roles) {
    }

    private record Account(long id, String username, String status, String passwordHash, Instant passwordChangedAt, boolean mustChange,
                           int failedCount, Instant lockedUntil, String totpSecret, Set<Role> roles, DataScope scope) {
    }

    public LoginResult login(String username, String password, String totp, String ip, String agent) {
        return tx(c -> {
            if (ipFailures(c, ip) >= policy.perIpFailures()) {
                audit.append(c, new AuditEvent(username, ip, agent, "login.throttled", "account", username, "DENIED", null));
                commitThen(c, Sec.problem(429, "auth.throttled"));
            }
            Account a = username == null ? null : load(c, "username = ?", username.trim());
            if (a == null || a.passwordHash() == null) {
                // the same PBKDF2 work as for a real account: the answer's time does not tell who exists (issue 20 item 4)
                hasher.equalize(password == null ? new char[0] : password.toCharArray());
                fail(c, username, ip, agent, "unknown account");
                commitThen(c, Sec.problem(401, "auth.invalid"));
            }
            Instant now = clock.instant();
            boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(now);
            boolean active = "ACTIVE".equals(a.status());
            // the password first: a locked or disabled account answers like any wrong password unless it is right
            if (password == null || !hasher.verify(password.toCharArray(), a.passwordHash())) {
                if (locked || !active) {
                    fail(c, a.username(), ip, agent, locked ? "wrong password (locked)" : "wrong password (disabled)");
                    commitThen(c, Sec.problem(401, "auth.invalid"));
                }
                int failures = a.failedCount() + 1;
                boolean lock = failures >= policy.lockoutThreshold();
                update(c, "UPDATE sec_account SET failed_count = ?, locked_until = ?, updated_at = ? WHERE id = ?",
                        lock ? 0 : failures, lock ? Timestamp.from(now.plus(policy.lockout())) : null, Timestamp.from(now), a.id());
                fail(c, a.username(), ip, agent, lock ? "locked after " + failures + " failures" : "wrong password (" + failures + ")");
                if (lock) {
                    audit.append(c, new AuditEvent(a.username(), ip, agent, "account.locked", "account", Long.toString(a.id()), "OK",
                            "{\"minutes\":" + policy.lockout().toMinutes() + "}"));
                }
                commitThen(c, Sec.problem(401, "auth.invalid"));
            }
            if (locked) {
                audit.append(c, new AuditEvent(a.username(), ip, agent, "login.locked", "account", Long.toString(a.id()), "DENIED", null));
                commitThen(c, Sec.problem(401, "auth.locked", a.lockedUntil().toString()));
            }
            if (!active) {
                audit.append(c, new AuditEvent(a.username(), ip, agent, "login.disabled", "account", Long.toString(a.id()), "DENIED", null));
                commitThen(c, Sec.problem(401, "auth.disabled"));
            }
            boolean admin = a.roles().stream().anyMatch(ADMIN_ROLES::contains);
            boolean enrol = admin && a.totpSecret() == null;
            if (a.totpSecret() != null) {
                if (totp == null || totp.isBlank()) {
                    audit.append(c, new AuditEvent(a.username(), ip, agent, "login.failure", "account", Long.toString(a.id()), "DENIED", "{\"reason\":\"totp missing\"}"));
                    commitThen(c, Sec.problem(401, "auth.totpRequired"));
                }
                String secret = totpSecret(a);
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
                reencryptTotp(c, a, secret);
            }
            boolean expired = a.passwordChangedAt() == null
                    || a.passwordChangedAt().plus(Duration.ofDays(policy.maxAgeDays())).isBefore(now);
            boolean mustChange = a.mustChange() || expired;
            boolean limited = mustChange || enrol;
            update(c, "UPDATE sec_account SET failed_count = 0, locked_until = NULL, last_login_at = ?, updated_at = ? WHERE id = ?",
                    Timestamp.from(now), Timestamp.from(now), a.id());
            String token = newToken();
            Instant expires = now.plus(policy.absolute());
            update(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    sha256(token), a.id(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), limited, ip);
            audit.append(c, new AuditEvent(a.username(), ip, agent, "login.success", "account", Long.toString(a.id()), "OK",
                    limited ? "{\"limited\":true}" : null));
            return new LoginResult(token, expires, limited, mustChange, enrol, a.username(), a.roles());
        });
    }

    /** Records a failed login for the account and the source IP. */
    private void fail(Connection c, String username, String ip, String agent, String reason) throws SQLException {
        String who = username == null || username.length() <= 64 ? username : username.substring(0, 64);
        update(c, "INSERT INTO sec_login_failure (username, client_ip, at) VALUES (?, ?, ?)", who, ip == null ? "?" : ip, Timestamp.from(Instant.now()));
        audit.append(c, new AuditEvent(who, ip, agent, "login.failure", "account", who, "FAILED",
                "{\"reason\":\"" + reason.replace("\"", "'") + "\"}"));
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

    /** The principal of a bearer token, or a 401 problem when it is unknown, revoked or expired. */
    public SpmPrincipal authenticate(String token, String ip) {
        if (token == null || token.isBlank()) {
            throw Sec.problem(401, "auth.required");
        }
        return tx(c -> {
            String h = sha256(token.trim());
            long accountId;
            boolean limited;
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("SELECT account_id, last_seen_at, expires_at, revoked_at, limited FROM sec_token WHERE token_hash = ?")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw Sec.problem(401, "auth.expired");
                    }
                    accountId = rs.getLong(1);
                    Instant lastSeen = rs.getTimestamp(2).toInstant();
                    Instant expires = rs.getTimestamp(3).toInstant();
                    if (rs.getTimestamp(4) != null || expires.isBefore(now) || lastSeen.plus(policy.idle()).isBefore(now)) {
                        throw Sec.problem(401, "auth.expired");
                    }
                    limited = rs.getBoolean(5);
                    if (lastSeen.plusSeconds(30).isBefore(now)) {
                        update(c, "UPDATE sec_token SET last_seen_at = ? WHERE token_hash = ?", Timestamp.from(now), h);
                    }
                }
            }
            Account a = load(c, "id = ?", accountId);
            if (a == null || !"ACTIVE".equals(a.status())) {
                throw Sec.problem(401, "auth.expired");
            }
            Set<String> perms = limited ? Set.of(SELF) : permissions(c, a.roles());
            if (!limited) {
                perms = new HashSet<>(perms);
                perms.add(SELF);
            }
            boolean full = perms.contains("owner:view-full");
            return new SpmPrincipal(a.id(), a.username(), a.roles(), perms, limited ? DataScope.NONE : a.scope(), full, ip);
        });
    }

    /** The shell keeps its own session: the token a shell login produced is revoked at once. */
    public void revokeShellToken(String token) {
        tx(c -> {
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ?", Timestamp.from(Instant.now()), sha256(token));
            return null;
        });
    }

    public void logout(SpmPrincipal p, String token, String agent) {
        tx(c -> {
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), sha256(token.trim()));
            audit.append(c, new AuditEvent(p.username(), p.clientIp(), agent, "logout", "account", Long.toString(p.accountId()), "OK", null));
            return null;
        });
    }

    public void changePassword(SpmPrincipal p, String current, String next, String agent) {
        tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            if (current == null || !hasher.verify(current.toCharArray(), a.passwordHash())) {
                audit.append(c, new AuditEvent(a.username(), p.clientIp(), agent, "password.change", "account", Long.toString(a.id()), "FAILED", "{\"reason\":\"wrong current\"}"));
                commitThen(c, ApiException.invalid(Sec.TEXTS, "currentPassword", "password.wrong"));
            }
            List<String> v = policy.passwordViolations(a.username(), next);
            if (!v.isEmpty()) {
                throw ApiException.invalid(v.stream().map(k -> k.equals("password.tooShort")
                        ? org.smartproperty.platform.FieldError.of(Sec.TEXTS, "newPassword", k, policy.minLength())
                        : org.smartproperty.platform.FieldError.of(Sec.TEXTS, "newPassword", k)).toList());
            }
            List<String> recent = new ArrayList<>();
            recent.add(a.passwordHash());
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM sec_password_history WHERE account_id = ? ORDER BY created_at DESC")) {
                ps.setLong(1, a.id());
                ps.setMaxRows(policy.history());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recent.add(rs.getString(1));
                    }
                }
            }
            for (String old : recent.subList(0, Math.min(recent.size(), policy.history()))) {
                if (hasher.verify(next.toCharArray(), old)) {
                    throw ApiException.invalid(Sec.TEXTS, "newPassword", "password.reused", policy.history());
                }
            }
            setPassword(c, a.id(), next, false);
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), a.id());
            audit.append(c, new AuditEvent(a.username(), p.clientIp(), agent, "password.change", "account", Long.toString(a.id()), "OK", "{\"tokensRevoked\":true}"));
            return null;
        });
    }

    private void setPassword(Connection c, long accountId, String password, boolean mustChange) throws SQLException {
        String hash = hasher.hash(password.toCharArray());
        Instant now = Instant.now();
        update(c, "UPDATE sec_account SET password_hash = ?, password_changed_at = ?, must_change = ?, failed_count = 0, locked_until = NULL, "
                + "updated_at = ?, version = version + 1 WHERE id = ?", hash, Timestamp.from(now), mustChange, Timestamp.from(now), accountId);
        update(c, "INSERT INTO sec_password_history (account_id, password_hash, created_at) VALUES (?, ?, ?)", accountId, hash, Timestamp.from(now));
    }

    /** Enrols a TOTP secret for the caller; returns {secret, otpauth}. Existing tokens are revoked: log in again with the code. */
    public Map<String, String> enrollTotp(SpmPrincipal p, String agent) {
        return tx(c -> {
            Account a = load(c, "id = ?", p.accountId());
            if (a.totpSecret() != null) {
                throw Sec.problem(409, "totp.already");
            }
            String secret = Totp.newSecret();
            update(c, "UPDATE sec_account SET totp_secret = ?, totp_last_step = NULL, updated_at = ? WHERE id = ?", totpRing().encrypt(a.id(), secret),
                    Timestamp.from(Instant.now()), a.id());
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), a.id());
            audit.append(c, new AuditEvent(a.username(), p.clientIp(), agent, "totp.enrol", "account", Long.toString(a.id()), "OK", null));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("secret", secret);
            m.put("otpauth", Totp.uri("SmartProperty", a.username(), secret));
            return m;
        });
    }

    // ------------------------------------------------------------------ TOTP secrets at rest (issue 10 item 8)

    /** The key ring of the TOTP secrets, or 503 {@code totp.keyUnavailable} when this node has no usable key file. */
    private TotpSecrets totpRing() {
        TotpKeyStore store = totpKeys;
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring == null) {
            LOG.error("No usable TOTP key file ({}): TOTP logins and enrolments answer 503", store == null ? "-" : store.file());
            throw Sec.problem(503, "totp.keyUnavailable");
        }
        return ring;
    }

    /** The account's TOTP secret in clear: a plain value of an older database as it is, an encrypted one through the key ring. */
    private String totpSecret(Account a) {
        String stored = a.totpSecret();
        if (!TotpSecrets.encrypted(stored)) {
            return stored;
        }
        TotpSecrets ring = totpRing();
        if (!ring.has(TotpSecrets.keyIdOf(stored))) {
            ring = totpKeys.reload(); // rotated since the ring was read
        }
        try {
            return ring.decrypt(a.id(), stored);
        } catch (TotpSecrets.Unreadable e) {
            LOG.error("The TOTP secret of account {} cannot be read ({}): give this node the key ring that holds key {} ({} and its .old files)",
                    a.username(), e.getMessage(), e.keyId(), totpKeys.file());
            throw Sec.problem(503, "totp.keyUnavailable");
        }
    }

    /**
     * After a successful TOTP check: a plain secret (older database) or one under a retired key is
     * written again under the current key, in the login's transaction. Only if nobody changed it
     * meanwhile (a rotation or a start migration on another node).
     */
    private void reencryptTotp(Connection c, Account a, String secret) throws SQLException {
        TotpKeyStore store = totpKeys;
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring != null && !ring.current(a.totpSecret())) {
            update(c, "UPDATE sec_account SET totp_secret = ? WHERE id = ? AND totp_secret = ?", ring.encrypt(a.id(), secret), a.id(), a.totpSecret());
        }
    }

    /**
     * The key file at start: read it, or create it (mode 600) when it is absent and no secret in the
     * database is encrypted yet (first start, or a database of before issue 10 item 8). When the
     * database already holds encrypted secrets, a missing file is an error that creating a new key
     * would only hide: it is logged, and TOTP logins answer 503 until the key ring is copied in.
     *
     * @return whether a usable key ring is there
     */
    boolean prepareTotpKey() {
        TotpKeyStore store = totpKeys;
        if (store == null) {
            return false;
        }
        Path file = store.file();
        if (file == null) {
            return true;
        }
        if (Files.exists(file)) {
            return store.ring() != null;
        }
        Set<String> ids = tx(c -> {
            Set<String> found = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_secret FROM sec_account WHERE totp_secret LIKE 'v1:%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(TotpSecrets.keyIdOf(rs.getString(1)));
                }
            }
            return found;
        });
        if (!ids.isEmpty()) {
            LOG.error("The TOTP key file {} is missing, and the database holds TOTP secrets encrypted with key(s) {}: copy the key ring "
                    + "(the file and its .old files) from another node or from its safe copy; until then TOTP logins and enrolments answer 503", file, ids);
            return false;
        }
        try {
            TotpSecrets created = TotpSecrets.generate(file);
            LOG.warn("Created the TOTP key file {} (mode 600, key {}): keep a copy off the machine and give every node the same file", file,
                    created.currentKeyId());
        } catch (FileAlreadyExistsException e) {
            // another start created it meanwhile
        } catch (IOException e) {
            LOG.error("Cannot create the TOTP key file {}: {}; TOTP logins and enrolments answer 503", file, e.toString());
            return false;
        }
        return store.ring() != null;
    }

    /**
     * Start (issue 10 item 8): in one transaction, encrypts the plain secrets of an older database
     * (the demo accounts' fixed secrets too) and moves values of retired keys to the current key;
     * audited as {@code totp.reencrypt}. Nothing when this node has no key ring. Secrets the ring
     * cannot open are logged and left as they are.
     */
    public TotpSecrets.Reencryption encryptTotpSecrets() {
        TotpKeyStore store = totpKeys;
        TotpSecrets ring = store == null ? null : store.ring();
        if (ring == null) {
            return null;
        }
        TotpSecrets.Reencryption r = tx(c -> {
            TotpSecrets.Reencryption done = TotpSecrets.reencrypt(c, ring);
            if (done.changed() > 0) {
                audit.append(c, AuditEvent.of("system", "totp.reencrypt", "key", ring.currentKeyId(),
                        "{\"fromPlain\":" + done.fromPlain() + ",\"fromRetired\":" + done.fromRetired() + "}"));
            }
            return done;
        });
        if (r.changed() > 0) {
            LOG.info("TOTP secrets encrypted with key {}: {} from plain text, {} from retired keys", ring.currentKeyId(), r.fromPlain(), r.fromRetired());
        }
        if (!r.unreadable().isEmpty()) {
            LOG.error("TOTP secrets of {} cannot be read with the key ring of {}: those accounts cannot log in with TOTP on this node",
                    r.unreadable().values(), store.file());
        }
        return r;
    }

    // ------------------------------------------------------------------ provincial real-name login (INT-IDP)

    /** Remembers the state of a login started now; valid once, for 10 minutes. */
    public String newIdpState(String provider, String redirectUri) {
        String state = newToken();
        tx(c -> {
            update(c, "DELETE FROM sec_idp_state WHERE created_at < ?", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))));
            update(c, "INSERT INTO sec_idp_state (state, provider, redirect_uri, created_at) VALUES (?, ?, ?, ?)", state, provider, redirectUri,
                    Timestamp.from(Instant.now()));
            return null;
        });
        return state;
    }

    /** Spends a state: the redirect URI it was issued for, or a 400 when unknown, used or expired. */
    public String consumeIdpState(String provider, String state) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT redirect_uri, created_at FROM sec_idp_state WHERE state = ? AND provider = ?")) {
                ps.setString(1, state == null ? "" : state);
                ps.setString(2, provider);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getTimestamp(2).toInstant().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
                        throw ApiException.invalid(Sec.TEXTS, "state", "idp.state");
                    }
                    String redirect = rs.getString(1);
                    update(c, "DELETE FROM sec_idp_state WHERE state = ?", state);
                    return redirect;
                }
            }
        });
    }

    /**
     * Logs in (creating on first use) the account of a provincial identity. Refused when the
     * provider did not verify the real name or its trust level is below the configured minimum.
     * Natural persons become OWNER accounts, legal persons COMPANY accounts, both without a data
     * scope until their houses (OWN-2) or their company filing (SUP-CO-2) are verified.
     */
    public LoginResult loginExternal(org.smartproperty.platform.security.ExternalIdentity id, String ip, String agent) {
        return tx(c -> {
            String who = id.provider() + ":" + id.uid();
            if (!id.real()) {
                audit.append(c, new AuditEvent(who, ip, agent, "login.idp", "account", who, "DENIED", "{\"reason\":\"real name not verified\"}"));
                commitThen(c, Sec.problem(403, "idp.notReal"));
            }
            if (id.trustLevel() < policy.idpMinTrustLevel()) {
                audit.append(c, new AuditEvent(who, ip, agent, "login.idp", "account", who, "DENIED",
                        "{\"reason\":\"trust level " + id.trustLevel() + "\"}"));
                commitThen(c, Sec.problem(403, "idp.lowTrust", id.trustLevel(), policy.idpMinTrustLevel()));
            }
            Long accountId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE external_provider = ? AND external_uid = ?")) {
                ps.setString(1, id.provider());
                ps.setString(2, id.uid());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        accountId = rs.getLong(1);
                    }
                }
            }
            boolean created = false;
            if (accountId == null) {
                Role role = "2".equals(id.userType()) ? Role.COMPANY : Role.OWNER;
                accountId = insertAccount(c, who.length() > 64 ? who.substring(0, 64) : who, id.name(), Set.of(role), DataScope.NONE, id.provider(), id.uid());
                created = true;
            }
            Account a = load(c, "id = ?", accountId);
            if (!"ACTIVE".equals(a.status())) {
                audit.append(c, new AuditEvent(a.username(), ip, agent, "login.idp", "account", Long.toString(a.id()), "DENIED", "{\"reason\":\"disabled\"}"));
                commitThen(c, Sec.problem(401, "auth.disabled"));
            }
            Instant now = Instant.now();
            update(c, "UPDATE sec_account SET last_login_at = ?, display_name = ?, updated_at = ? WHERE id = ?", Timestamp.from(now), id.name(),
                    Timestamp.from(now), a.id());
            String token = newToken();
            Instant expires = now.plus(policy.absolute());
            update(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited, client_ip) VALUES (?, ?, ?, ?, ?, FALSE, ?)",
                    sha256(token), a.id(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), ip);
            audit.append(c, new AuditEvent(a.username(), ip, agent, "login.idp", "account", Long.toString(a.id()), "OK",
                    "{\"created\":" + created + ",\"trustLevel\":" + id.trustLevel() + "}"));
            return new LoginResult(token, expires, false, false, false, a.username(), a.roles());
        });
    }

    // ------------------------------------------------------------------ accounts, roles, separation of duties

    /** Account as the admin views show it (no secrets). */
    public record AccountView(long id, String username, String displayName, String status, Set<Role> roles, String scopeKind,
                              Long companyId, Long estateId, Long ownerId, boolean mustChange, Instant lockedUntil,
                              Instant passwordChangedAt, Instant lastLoginAt, boolean totp, String phone) {
    }

    public List<AccountView> accounts() {
        return tx(c -> {
            List<AccountView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                for (long id : ids) {
                    out.add(view(c, id));
                }
            }
            return out;
        });
    }

    private AccountView view(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT username, display_name, status, scope_kind, company_id, estate_id, owner_id, must_change, "
                + "locked_until, password_changed_at, last_login_at, totp_secret, phone FROM sec_account WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Sec.problem(404, "account.notFound");
                }
                return new AccountView(id, rs.getString(1), rs.getString(2), rs.getString(3), roles(c, id), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getBoolean(8),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12) != null,
                        org.smartproperty.platform.PersonalData.maskPhone(rs.getString(13)));
            }
        }
    }

    /** Creates an account with a random initial password that must be changed at first login; returns it once. */
    public Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String agent) {
        return createAccount(by, username, displayName, roles, scope, null, agent);
    }

    /** As above, with the contact phone SMS notifications go to (optional). */
    public Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String phone,
                                             String agent) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw ApiException.invalid(Messages.PLATFORM, "username", "field.required");
        }
        String cleanPhone = phone(phone);
        checkDuties(roles);
        String initial = randomPassword();
        return tx(c -> {
            if (!roles.stream().filter(ADMIN_ROLES::contains).toList().isEmpty() || !dutiesOfPermissions(permissions(c, roles)).isEmpty()) {
                // 三权分立 (issue 20 item 1): the system admin creates accounts; only the security admin gives admin roles
                audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.create", "account", username, "DENIED",
                        "{\"requested\":\"" + new TreeSet<>(roles) + "\"}"));
                commitThen(c, Sec.problem(403, "sod.createAdmin"));
            }
            if (load(c, "username = ?", username) != null) {
                throw Sec.problem(409, "account.duplicate", username);
            }
            long id = insertAccount(c, username, displayName, roles, scope, null, null);
            if (cleanPhone != null) {
                update(c, "UPDATE sec_account SET phone = ? WHERE id = ?", cleanPhone, id);
            }
            setPassword(c, id, initial, true);
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.create", "account", Long.toString(id), "OK",
                    "{\"username\":\"" + username + "\",\"roles\":\"" + new TreeSet<>(roles) + "\"}"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", view(c, id));
            m.put("initialPassword", initial);
            return m;
        });
    }

    /**
     * The system admin resets an account's password (SUP-CO-1: organisation accounts are managed
     * centrally): a new random initial password, shown once, to be changed at the next login; the
     * account is unlocked and its tokens revoked. Audited without the password.
     */
    public Map<String, Object> resetPassword(SpmPrincipal by, long id, String agent) {
        String initial = randomPassword();
        return tx(c -> {
            mayActOn(c, by, id, "account.passwordReset", agent);
            setPassword(c, id, initial, true);
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), id);
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.passwordReset", "account", Long.toString(id), "OK",
                    "{\"tokensRevoked\":true,\"mustChange\":true}"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", view(c, id));
            m.put("initialPassword", initial);
            return m;
        });
    }

    /** A phone as stored: digits with an optional leading +, 5–20 characters; null for blank; 400 otherwise. */
    static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String p = raw.replaceAll("[\\s()-]", "");
        if (!p.matches("\\+?[0-9]{5,20}")) {
            throw ApiException.invalid(Messages.PLATFORM, "phone", "account.phone");
        }
        return p;
    }

    /** The security admin or system admin sets an account's contact phone (audited, masked in the record). */
    public AccountView setPhone(SpmPrincipal by, long id, String phone, String agent) {
        String p = phone(phone);
        return tx(c -> {
            mayActOn(c, by, id, "account.phone", agent);
            update(c, "UPDATE sec_account SET phone = ?, updated_at = ?, version = version + 1 WHERE id = ?", p, Timestamp.from(Instant.now()), id);
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.phone", "account", Long.toString(id), "OK",
                    "{\"phone\":\"" + org.smartproperty.platform.PersonalData.maskPhone(p) + "\"}"));
            return view(c, id);
        });
    }

    @Override
    public void setPhone(String username, String phone) {
        String p = phone(phone);
        tx(c -> {
            if (update(c, "UPDATE sec_account SET phone = ? WHERE username = ?", p, username) == 0) {
                throw Sec.problem(404, "account.notFound");
            }
            return null;
        });
    }

    @Override
    public Optional<Contact> contact(long accountId) {
        return tx(c -> {
            List<Contact> found = contacts(c, "a.id = ?", accountId);
            return found.isEmpty() ? Optional.<Contact>empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Contact> accountsOf(DataScope scope) {
        if (scope == null) {
            return List.of();
        }
        return tx(c -> switch (scope.kind()) {
            case COMPANY -> contacts(c, "a.scope_kind = 'COMPANY' AND a.company_id = ?", scope.companyId());
            case COMMITTEE -> scope.estateIds().isEmpty() ? List.<Contact>of()
                    : contacts(c, "a.scope_kind = 'COMMITTEE' AND a.estate_id = ?", scope.estateIds().iterator().next());
            case OWNER -> contacts(c, "a.scope_kind = 'OWNER' AND a.owner_id = ?", scope.ownerId());
            default -> List.<Contact>of();
        });
    }

    @Override
    public List<Contact> accountsWithRole(Role role) {
        return tx(c -> contacts(c, "EXISTS (SELECT 1 FROM sec_account_role r WHERE r.account_id = a.id AND r.role = ?)", role.name()));
    }

    private static List<Contact> contacts(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.username, a.display_name, a.phone FROM sec_account a WHERE a.status = 'ACTIVE' AND "
                + where + " ORDER BY a.id")) {
            ps.setObject(1, arg);
            List<Contact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    public AccountView setStatus(SpmPrincipal by, long id, String status, String agent) {
        return tx(c -> {
            mayActOn(c, by, id, "account.status", agent);
            update(c, "UPDATE sec_account SET status = ?, failed_count = 0, locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
                    status, Timestamp.from(Instant.now()), id);
            if (!"ACTIVE".equals(status)) {
                update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), id);
            }
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.status", "account", Long.toString(id), "OK", "{\"status\":\"" + status + "\"}"));
            return view(c, id);
        });
    }

    /** SECADMIN: replaces the roles of an account; refused when it would combine two admin duties. */
    public AccountView setRoles(SpmPrincipal by, long id, Set<Role> roles, String agent) {
        return tx(c -> {
            AccountView before = view(c, id);
            if (id == by.accountId()) {
                // nobody widens or narrows their own duties (issue 20 item 1)
                audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "DENIED",
                        "{\"requested\":\"" + new TreeSet<>(roles) + "\",\"reason\":\"own account\"}"));
                commitThen(c, Sec.problem(403, "sod.ownAccount"));
            }
            try {
                checkDuties(roles);
                Set<Role.Duty> duties = dutiesOfPermissions(permissions(c, roles));
                if (duties.size() > 1) {
                    throw Sec.problem(409, "sod.conflict", dutyNames(duties));
                }
                boolean grantsAdmin = roles.stream().anyMatch(r -> ADMIN_ROLES.contains(r) && !before.roles().contains(r));
                if (grantsAdmin && before.mustChange()) {
                    // the initial password is known to the system admin who created the account (issue 20 item 1)
                    throw Sec.problem(409, "sod.initialPassword");
                }
            } catch (ApiException e) {
                audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "DENIED",
                        "{\"requested\":\"" + new TreeSet<>(roles) + "\"}"));
                commitThen(c, e);
            }
            update(c, "DELETE FROM sec_account_role WHERE account_id = ?", id);
            for (Role r : roles) {
                update(c, "INSERT INTO sec_account_role (account_id, role) VALUES (?, ?)", id, r.name());
            }
            update(c, "UPDATE sec_account SET updated_at = ?, version = version + 1 WHERE id = ?", Timestamp.from(Instant.now()), id);
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "OK",
                    "{\"before\":\"" + new TreeSet<>(before.roles()) + "\",\"after\":\"" + new TreeSet<>(roles) + "\"}"));
            return view(c, id);
        });
    }

    /**
     * Who may act on an account's credentials and status (三权分立, issue 20 item 1): nobody on their
     * own account here (self-service has {@code /auth/password}); an account that holds an admin
     * role, or a role whose template carries an admin duty's permissions, is the security admin's
     * ({@code security:roles}); every other account is the system admin's ({@code account:manage}).
     * A refusal is audited and answers 403; an unknown account 404.
     */
    private void mayActOn(Connection c, SpmPrincipal by, long id, String action, String agent) throws SQLException {
        AccountView target = view(c, id);
        boolean admin = target.roles().stream().anyMatch(ADMIN_ROLES::contains) || !dutiesOfPermissions(permissions(c, target.roles())).isEmpty();
        String refusal = null;
        if (id == by.accountId()) {
            refusal = "sod.ownAccount";
        } else if (admin && !by.can("security:roles")) {
            refusal = "sod.adminAccount";
        } else if (!admin && !by.can("account:manage")) {
            refusal = "sod.ordinaryAccount";
        }
        if (refusal != null) {
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, action, "account", Long.toString(id), "DENIED",
                    "{\"reason\":\"" + refusal + "\"}"));
            commitThen(c, Sec.problem(403, refusal));
        }
    }

    public Map<Role, Set<String>> rolePermissions() {
        return tx(c -> {
            Map<Role, Set<String>> m = new LinkedHashMap<>();
            for (Role r : Role.values()) {
                m.put(r, permissions(c, Set.of(r)));
            }
            return m;
        });
    }

    /** SECADMIN: replaces a role template; refused when the role, or any account holding it, would combine two duties. */
    public Set<String> setRolePermissions(SpmPrincipal by, Role role, Set<String> perms, String agent) {
        return tx(c -> {
            Set<String> before = permissions(c, Set.of(role));
            Set<Role.Duty> own = dutiesOfPermissions(perms);
            ApiException refusal = null;
            if (own.size() > 1) {
                refusal = Sec.problem(409, "sod.rolePermissions", dutyNames(own));
            } else if (!own.isEmpty() && !own.equals(role.duty() == null ? Set.of() : EnumSet.of(role.duty()))) {
                // an admin duty's permissions stay with that duty's role: OFFICER with account:manage would be a fourth admin
                refusal = Sec.problem(409, "sod.foreignDuty", Sec.TEXTS.text("duty." + own.iterator().next().name()), role.name());
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM sec_account_role WHERE role = ?")) {
                    ps.setString(1, role.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Long> holders = new ArrayList<>();
                        while (rs.next()) {
                            holders.add(rs.getLong(1));
                        }
                        for (long acc : holders) {
                            Set<String> effective = new HashSet<>(perms);
                            for (Role other : roles(c, acc)) {
                                if (other != role) {
                                    effective.addAll(permissions(c, Set.of(other)));
                                }
                            }
                            Set<Role.Duty> d = dutiesOfPermissions(effective);
                            if (d.size() > 1) {
                                refusal = Sec.problem(409, "sod.conflict", dutyNames(d));
                                break;
                            }
                        }
                    }
                }
            }
            if (refusal != null) {
                audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "role.permissions", "role", role.name(), "DENIED",
                        "{\"requested\":\"" + new TreeSet<>(perms) + "\"}"));
                commitThen(c, refusal);
            }
            update(c, "DELETE FROM sec_role_permission WHERE role = ?", role.name());
            for (String p : perms) {
                update(c, "INSERT INTO sec_role_permission (role, permission) VALUES (?, ?)", role.name(), p);
            }
            audit.append(c, new AuditEvent(by.username(), by.clientIp(), agent, "role.permissions", "role", role.name(), "OK",
                    "{\"before\":\"" + new TreeSet<>(before) + "\",\"after\":\"" + new TreeSet<>(perms) + "\"}"));
            return permissions(c, Set.of(role));
        });
    }

    static void checkDuties(Set<Role> roles) {
        Set<Role.Duty> duties = EnumSet.noneOf(Role.Duty.class);
        for (Role r : roles) {
            if (r.duty() != null) {
                duties.add(r.duty());
            }
        }
        if (duties.size() > 1) {
            throw Sec.problem(409, "sod.conflict", dutyNames(duties));
        }
    }

    /** The permissions that make up each admin duty; other permissions belong to no duty. */
    static final Map<Role.Duty, Set<String>> DUTY_PERMISSIONS = Map.of(
            Role.Duty.SYSTEM, Set.of("account:manage", "system:config"),
            Role.Duty.SECURITY, Set.of("security:roles", "security:policy"),
            Role.Duty.AUDIT, Set.of("audit:read", "audit:export"));

    /** Which admin duties a set of permissions touches. */
    static Set<Role.Duty> dutiesOfPermissions(Set<String> perms) {
        Set<Role.Duty> d = EnumSet.noneOf(Role.Duty.class);
        DUTY_PERMISSIONS.forEach((duty, ps) -> {
            if (perms.stream().anyMatch(ps::contains)) {
                d.add(duty);
            }
        });
        return d;
    }

    /** The first two duties as localized texts: arguments {0} and {1} of the sod.* messages. */
    private static Object[] dutyNames(Set<Role.Duty> duties) {
        List<Role.Duty> d = new ArrayList<>(duties);
        return new Object[] {Sec.TEXTS.text("duty." + d.get(0).name()), Sec.TEXTS.text("duty." + d.get(1).name())};
    }

    // ------------------------------------------------------------------ IP bans (NetworkControls)

    /** How long a node keeps the ban list and the admin allow-list ({@link NetworkControls#LIST_CACHE_MILLIS}). */
    static final long LIST_CACHE_MILLIS = NetworkControls.LIST_CACHE_MILLIS;

    private final NetworkControls network = new NetworkControls(this);

    public List<Map<String, Object>> bans() {
        return network.bans();
    }

    public String ban(SpmPrincipal by, String cidr, String reason, String agent) {
        return network.ban(by, cidr, reason, agent);
    }

    public void unban(SpmPrincipal by, String cidr, String agent) {
        network.unban(by, cidr, agent);
    }

    public boolean banned(String ip) {
        return network.banned(ip);
    }

    public boolean adminNetworkAllowed(String ip) {
        return network.adminNetworkAllowed(ip);
    }

    // ------------------------------------------------------------------ provisioning

    @Override
    public boolean ensureAccount(String username, String displayName, Role role, String password, String totpSecret, DataScope scope) {
        return tx(c -> {
            if (load(c, "username = ?", username) != null) {
                return false;
            }
            long id = insertAccount(c, username, displayName, Set.of(role), scope, null, null);
            setPassword(c, id, password, false);
            if (totpSecret != null) {
                update(c, "UPDATE sec_account SET totp_secret = ? WHERE id = ?", totpRing().encrypt(id, totpSecret), id);
            }
            audit.append(c, AuditEvent.of("system", "account.create", "account", id, "{\"username\":\"" + username + "\",\"provisioned\":true}"));
            return true;
        });
    }

    /** First start: one security admin with a random password, to be changed at first login. @return the password, or null if one exists */
    public String bootstrapSecurityAdmin() {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_account_role WHERE role = 'SECADMIN'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return null;
                }
            }
            if (load(c, "username = ?", "secadmin") != null) {
                return null;
            }
            String pw = randomPassword();
            long id = insertAccount(c, "secadmin", "安全管理员", Set.of(Role.SECADMIN), DataScope.NONE, null, null);
            setPassword(c, id, pw, true);
            audit.append(c, AuditEvent.of("system", "account.bootstrap", "account", id, "{\"username\":\"secadmin\"}"));
            return pw;
        });
    }

    private long insertAccount(Connection c, String username, String displayName, Set<Role> roles, DataScope scope, String provider, String uid) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('sec_account_seq')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        DataScope s = scope == null ? DataScope.NONE : scope;
        Instant now = Instant.now();
        update(c, "INSERT INTO sec_account (id, username, display_name, status, must_change, failed_count, scope_kind, company_id, estate_id, owner_id, "
                        + "external_provider, external_uid, created_at, updated_at, version) VALUES (?, ?, ?, 'ACTIVE', FALSE, 0, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                id, username, displayName, s.kind().name(), s.companyId(), s.estateIds().isEmpty() ? null : s.estateIds().iterator().next(), s.ownerId(),
                provider, uid, Timestamp.from(now), Timestamp.from(now));
        for (Role r : roles) {
            update(c, "INSERT INTO sec_account_role (account_id, role) VALUES (?, ?)", id, r.name());
        }
        return id;
    }

    // ------------------------------------------------------------------ JDBC helpers

    private Account load(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, status, password_hash, password_changed_at, must_change, failed_count, "
                + "locked_until, totp_secret, scope_kind, company_id, estate_id, owner_id FROM sec_account WHERE " + where)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long id = rs.getLong(1);
                DataScope.Kind kind = DataScope.Kind.valueOf(rs.getString(10));
                Long company = rs.getObject(11, Long.class);
                Long estate = rs.getObject(12, Long.class);
                Long owner = rs.getObject(13, Long.class);
                DataScope scope = switch (kind) {
                    case ALL -> DataScope.ALL;
                    case COMPANY -> company == null ? DataScope.NONE : DataScope.company(company);
                    case COMMITTEE -> estate == null ? DataScope.NONE : DataScope.committee(estate);
                    case OWNER -> owner == null ? DataScope.NONE : DataScope.owner(owner);
                    case NONE -> DataScope.NONE;
                };
                return new Account(id, rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), rs.getBoolean(6),
                        rs.getInt(7), instant(rs.getTimestamp(8)), rs.getString(9), roles(c, id), scope);
            }
        }
    }

    private static Set<Role> roles(Connection c, long accountId) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM sec_account_role WHERE account_id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(Role.valueOf(rs.getString(1)));
                }
            }
        }
        return roles;
    }

    private static Set<String> permissions(Connection c, Set<Role> roles) throws SQLException {
        Set<String> perms = new TreeSet<>();
        for (Role r : roles) {
            try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM sec_role_permission WHERE role = ?")) {
                ps.setString(1, r.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        perms.add(rs.getString(1));
                    }
                }
            }
        }
        return perms;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setObject(i + 1, null);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps.executeUpdate();
        }
    }

    /** Thrown inside a transaction to commit what was written (audit, failure counts) and still answer with the problem. */
    private static final class CommitThenThrow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiException problem;

        CommitThenThrow(ApiException problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }
    }

    private static void commitThen(Connection c, ApiException problem) {
        throw new CommitThenThrow(problem);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * One transaction through the platform's {@link Jdbc#transaction}: committed when {@code work}
     * returns or ends with {@link #commitThen} (its problem is thrown after the commit: a failed
     * login is recorded, then refused), rolled back on any other exception.
     */
    <T> T tx(Work<T> work) {
        ApiException[] afterCommit = new ApiException[1];
        T result;
        try {
            result = Jdbc.transaction(dataSource, c -> {
                try {
                    return work.run(c);
                } catch (CommitThenThrow e) {
                    afterCommit[0] = e.problem;
                    return null;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (afterCommit[0] != null) {
            throw afterCommit[0];
        }
        return result;
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String randomPassword() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", sym = "@#%+=!";
        String all = upper + lower + digits + sym;
        StringBuilder sb = new StringBuilder();
        sb.append(upper.charAt(RANDOM.nextInt(upper.length()))).append(lower.charAt(RANDOM.nextInt(lower.length())))
                .append(digits.charAt(RANDOM.nextInt(digits.length()))).append(sym.charAt(RANDOM.nextInt(sym.length())));
        for (int i = 0; i < 12; i++) {
            sb.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return sb.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
