package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.insertAccount;
import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.AccountRows.roles;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.ADMIN_ROLES;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.commitThen;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.newToken;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.sha256;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.internal.AccountRows.Account;
import org.smartproperty.platform.security.internal.SecurityServiceImpl.LoginResult;

/**
 * Provincial real-name login (INT-IDP, OWN-1): the one-time state of the code flow and the login
 * (creating the account on first use) of a verified identity. Part of {@link SecurityServiceImpl},
 * split along its duties (issue 10 item 5); transactions and audit through the service.
 */
final class RealNameSignIn {

    /** The provider's user type of a legal person (tyrz {@code usertype}). */
    static final String LEGAL_PERSON_USER_TYPE = "2";
    /** The user type the government-side provider (粤政易) gives its staff users. */
    static final String GOVERNMENT_USER_TYPE = "GOV";
    /** Who may sign in through the government side: regulator staff, never an admin duty (those keep password + TOTP). */
    static final Set<Role> STAFF_ROLES = java.util.EnumSet.of(Role.REGULATOR, Role.OFFICER, Role.INSPECTOR);

    private final SecurityServiceImpl owner;

    RealNameSignIn(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** How long a state is valid. */
    static final Duration STATE_TTL = Duration.ofMinutes(10);
    /** How long a handoff code is valid (issue 13 item 2): the browser redeems it at once on landing. */
    static final Duration HANDOFF_TTL = Duration.ofSeconds(60);

    /** A spent state: the callback address it was issued for, the page of the platform to go back to (null: the JSON answer), expired or not. */
    record IdpState(String redirectUri, String returnTo, boolean expired) {
    }

    /** Remembers the state of a login started now; valid once, for 10 minutes. */
    public String newIdpState(String provider, String redirectUri) {
        return newIdpState(provider, redirectUri, null);
    }

    /** Remembers the state of a login started now, with the page to go back to ({@code returnTo}, validated by the caller, may be null). */
    public String newIdpState(String provider, String redirectUri, String returnTo) {
        String state = newToken();
        owner.tx(c -> {
            update(c, "DELETE FROM sec_idp_state WHERE created_at < ?", Timestamp.from(Instant.now().minus(STATE_TTL)));
            update(c, "INSERT INTO sec_idp_state (state, provider, redirect_uri, return_to, created_at) VALUES (?, ?, ?, ?, ?)", state, provider,
                    redirectUri, returnTo, Timestamp.from(Instant.now()));
            return null;
        });
        return state;
    }

    /** Spends a state: the redirect URI it was issued for, or a 400 when unknown, used or expired. */
    public String consumeIdpState(String provider, String state) {
        IdpState spent = spendIdpState(provider, state);
        if (spent.expired()) {
            throw ApiException.invalid(Sec.TEXTS, "state", "idp.state");
        }
        return spent.redirectUri();
    }

    /**
     * Spends a state of the provider, expired or not (an expired one is gone afterwards too, and says so): what it was
     * issued with. A 400 {@code idp.state} when no such state is there (unknown, used, another provider's).
     */
    public IdpState spendIdpState(String provider, String state) {
        return owner.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT redirect_uri, created_at, return_to FROM sec_idp_state WHERE state = ? AND provider = ?")) {
                ps.setString(1, state == null ? "" : state);
                ps.setString(2, provider);
                try (ResultSet rs = ps.executeQuery()) {
                    // a state spent by a concurrent callback between the SELECT and the DELETE counts as used
                    if (!rs.next() || update(c, "DELETE FROM sec_idp_state WHERE state = ?", state) == 0) {
                        throw ApiException.invalid(Sec.TEXTS, "state", "idp.state");
                    }
                    boolean expired = rs.getTimestamp(2).toInstant().isBefore(Instant.now().minus(STATE_TTL));
                    return new IdpState(rs.getString(1), rs.getString(3), expired);
                }
            }
        });
    }

    /**
     * Keeps a login's answer for the browser page it started from (issue 13 item 2): a one-time code (32 random bytes,
     * base64url) valid {@link #HANDOFF_TTL}. Only the code's SHA-256 is stored; the token is sealed with a key derived from
     * the code, so the row alone gives no session.
     */
    public String newHandoff(LoginResult r) {
        String code = newToken();
        Instant now = owner.clock().instant();
        StringBuilder roles = new StringBuilder();
        for (Role role : r.roles()) {
            roles.append(roles.length() == 0 ? "" : ",").append(role.name());
        }
        owner.tx(c -> {
            update(c, "DELETE FROM sec_idp_handoff WHERE created_at < ?", Timestamp.from(now.minus(HANDOFF_TTL)));
            update(c, "INSERT INTO sec_idp_handoff (code_hash, sealed_token, username, roles, limited, must_change, totp_enrol, token_expires_at, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", sha256(code), seal(code, r.token()), r.username(), roles.toString(), r.limited(),
                    r.mustChangePassword(), r.totpEnrollmentRequired(), Timestamp.from(r.expiresAt()), Timestamp.from(now));
            return null;
        });
        return code;
    }

    /**
     * Redeems a handoff code once: the login answer it carries. A 400 {@code idp.handoff} (field {@code code}) when the
     * code is unknown, used or older than {@link #HANDOFF_TTL}. The redemption is audited {@code login.handoff}.
     */
    public LoginResult redeemHandoff(String code, String ip, String agent) {
        Instant now = owner.clock().instant();
        return owner.tx(c -> {
            String hash = sha256(code == null ? "" : code);
            try (PreparedStatement ps = c.prepareStatement("SELECT sealed_token, username, roles, limited, must_change, totp_enrol, token_expires_at, "
                    + "created_at FROM sec_idp_handoff WHERE code_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || update(c, "DELETE FROM sec_idp_handoff WHERE code_hash = ?", hash) == 0) {
                        throw ApiException.invalid(Sec.TEXTS, "code", "idp.handoff");
                    }
                    if (rs.getTimestamp(8).toInstant().plus(HANDOFF_TTL).isBefore(now)) {
                        commitThen(c, ApiException.invalid(Sec.TEXTS, "code", "idp.handoff")); // gone for good
                    }
                    String token = unseal(code, rs.getString(1));
                    Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
                    for (String role : rs.getString(3).split(",")) {
                        if (!role.isEmpty()) {
                            roles.add(Role.valueOf(role));
                        }
                    }
                    String username = rs.getString(2);
                    Account a = load(c, "username = ?", username);
                    owner.audit().append(c, new AuditEvent(username, ip, agent, "login.handoff", "account", a == null ? username : Long.toString(a.id()),
                            "OK", null));
                    return new LoginResult(token, rs.getTimestamp(7).toInstant(), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), username,
                            java.util.Collections.unmodifiableSet(roles));
                }
            }
        });
    }

    /** AES-256-GCM of the token under SHA-256("spm.idp.handoff\0" + code): base64url of nonce (12 bytes) + ciphertext. */
    static String seal(String code, String token) {
        try {
            byte[] nonce = new byte[12];
            new java.security.SecureRandom().nextBytes(nonce);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, handoffKey(code), new javax.crypto.spec.GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unseal(String code, String sealed) {
        try {
            byte[] in = java.util.Base64.getUrlDecoder().decode(sealed);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, handoffKey(code), new javax.crypto.spec.GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static javax.crypto.spec.SecretKeySpec handoffKey(String code) throws java.security.GeneralSecurityException {
        byte[] key = java.security.MessageDigest.getInstance("SHA-256").digest(("spm.idp.handoff\0" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new javax.crypto.spec.SecretKeySpec(key, "AES");
    }

    /**
     * Logs in (creating on first use) the account of a provincial identity. Refused when the
     * provider did not verify the real name or its trust level is below the configured minimum.
     * Natural persons become OWNER accounts, legal persons COMPANY accounts, both without a data
     * scope until their houses (OWN-2) or their company filing (SUP-CO-2) are verified.
     */
    public LoginResult loginExternal(org.smartproperty.platform.security.ExternalIdentity id, String ip, String agent) {
        return owner.tx(c -> {
            String who = id.provider() + ":" + id.uid();
            if (!id.real()) {
                owner.audit().append(c, new AuditEvent(who, ip, agent, "login.idp", "account", who, "DENIED", AuditEvent.summary("reason", "real name not verified")));
                commitThen(c, Sec.problem(403, "idp.notReal"));
            }
            if (id.trustLevel() < owner.policy().idpMinTrustLevel()) {
                owner.audit().append(c, new AuditEvent(who, ip, agent, "login.idp", "account", who, "DENIED",
                        AuditEvent.summary("reason", "trust level " + id.trustLevel())));
                commitThen(c, Sec.problem(403, "idp.lowTrust", id.trustLevel(), owner.policy().idpMinTrustLevel()));
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
            boolean government = GOVERNMENT_USER_TYPE.equals(id.userType());
            if (government) {
                // 粤政易 (issue 12 item 6): staff sign in as the platform account linked to their user id, never a new one
                Account staff = accountId == null ? null : load(c, "id = ?", accountId);
                String refusal = staff == null ? "idp.notLinked"
                        : staff.roles().stream().anyMatch(ADMIN_ROLES::contains) ? "idp.adminNeedsTotp"
                        : staff.roles().stream().noneMatch(STAFF_ROLES::contains) ? "idp.staffOnly" : null;
                if (refusal != null) {
                    owner.audit().append(c, new AuditEvent(who, ip, agent, "login.idp", "account", who, "DENIED", AuditEvent.summary("reason", refusal)));
                    commitThen(c, Sec.problem(403, refusal));
                }
            } else if (accountId == null) {
                Role role = LEGAL_PERSON_USER_TYPE.equals(id.userType()) ? Role.COMPANY : Role.OWNER;
                accountId = insertAccount(c, who.length() > 64 ? who.substring(0, 64) : who, id.name(), Set.of(role), DataScope.NONE, id.provider(), id.uid());
                created = true;
            }
            if (!government) {
                // what the scope binders match against the registries (issue 12): the document of a person, the credit code of a legal person
                boolean legal = LEGAL_PERSON_USER_TYPE.equals(id.userType());
                String number = id.idNumber() == null ? null : id.idNumber().trim();
                update(c, "UPDATE sec_account SET id_type = ?, id_number = ?, credit_code = ? WHERE id = ?", legal ? null : id.idType(),
                        legal ? null : number, legal && number != null ? number.toUpperCase(java.util.Locale.ROOT) : null, accountId);
            }
            Account a = load(c, "id = ?", accountId);
            if (!"ACTIVE".equals(a.status())) {
                owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.idp", "account", Long.toString(a.id()), "DENIED", AuditEvent.summary("reason", "disabled")));
                commitThen(c, Sec.problem(401, "auth.disabled"));
            }
            Instant now = Instant.now();
            update(c, "UPDATE sec_account SET last_login_at = ?, display_name = ?, updated_at = ? WHERE id = ?", Timestamp.from(now), id.name(),
                    Timestamp.from(now), a.id());
            String token = newToken();
            Instant expires = now.plus(owner.policy().absolute());
            update(c, "INSERT INTO sec_token (token_hash, account_id, created_at, last_seen_at, expires_at, limited, client_ip) VALUES (?, ?, ?, ?, ?, FALSE, ?)",
                    sha256(token), a.id(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), ip);
            owner.audit().append(c, new AuditEvent(a.username(), ip, agent, "login.idp", "account", Long.toString(a.id()), "OK",
                    AuditEvent.summary("created", created, "trustLevel", id.trustLevel())));
            return new LoginResult(token, expires, false, false, false, a.username(), a.roles());
        });
    }
}
