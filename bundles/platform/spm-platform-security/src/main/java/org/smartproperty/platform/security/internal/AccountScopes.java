package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.ADMIN_ROLES;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.commitThen;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AccountRows.Account;

/**
 * The data scopes of accounts (issue 12 item 5): the system admin reads an account's stored scope
 * with what the registries derive for it, and sets the stored scope under the same separation of
 * duties as the other account changes; the real-name identity of an account for the domains; the
 * link of a staff account to its government-side user id (item 6). Part of {@link SecurityServiceImpl}.
 */
final class AccountScopes {

    /** Which stored scope kinds fit which roles: a scope the account's roles cannot use is refused (409 scope.roleMismatch). */
    private static final Map<DataScope.Kind, Set<Role>> FITS = Map.of(
            DataScope.Kind.ALL, EnumSet.of(Role.REGULATOR, Role.OFFICER, Role.INSPECTOR),
            DataScope.Kind.COMPANY, EnumSet.of(Role.COMPANY),
            DataScope.Kind.COMMITTEE, EnumSet.of(Role.COMMITTEE),
            DataScope.Kind.OWNER, EnumSet.of(Role.OWNER),
            DataScope.Kind.DEVELOPER, EnumSet.of(Role.DEVELOPER));

    private final SecurityServiceImpl owner;

    AccountScopes(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** GET /accounts/{id}/scopes: the stored scope, the bindings the registries give now, the identity (masked). */
    public Map<String, Object> scopes(long id) {
        return owner.tx(c -> {
            Account a = load(c, "id = ?", id);
            if (a == null) {
                throw Sec.problem(404, "account.notFound");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accountId", id);
            m.put("stored", stored(a.scope()));
            List<AccountBindings.Acting> all = AccountBindings.resolve(c, a, owner.binders());
            m.put("bindings", AccountBindings.describe(all, all.get(0)));
            if (a.identity() != null) {
                Map<String, Object> who = new LinkedHashMap<>();
                who.put("provider", a.identity().provider());
                if (a.identity().legalPerson()) {
                    who.put("creditCode", a.identity().creditCode());
                } else {
                    who.put("idType", a.identity().idType());
                    who.put("idNumber", PersonalData.maskIdNumber(a.identity().idNumber()));
                }
                m.put("identity", who);
            }
            return m;
        });
    }

    static Map<String, Object> stored(DataScope s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind());
        if (s.companyId() != null) {
            m.put("companyId", s.companyId());
        }
        if (!s.estateIds().isEmpty()) {
            m.put("estateId", s.estateIds().iterator().next());
        }
        if (s.ownerId() != null) {
            m.put("ownerId", s.ownerId());
        }
        if (s.developerId() != null) {
            m.put("developerId", s.developerId());
        }
        return m;
    }

    /**
     * PUT /accounts/{id}/scopes: the system admin sets the stored scope. Refused (audited) on the own
     * account and on admin accounts (403, the rules of {@code mayActOn}), and when the scope does not fit
     * the account's roles (409 {@code scope.roleMismatch}: ALL only for regulator staff, COMPANY for
     * COMPANY…). Every session of the account follows at once (the security revision moves).
     */
    public Map<String, Object> setScope(SpmPrincipal by, long id, DataScope scope, String agent) {
        owner.tx(c -> {
            owner.accountAdministration().mayActOn(c, by, id, "account.scope", agent);
            Account a = load(c, "id = ?", id);
            if (a.roles().stream().anyMatch(ADMIN_ROLES::contains) && scope.kind() != DataScope.Kind.NONE
                    || scope.kind() != DataScope.Kind.NONE && a.roles().stream().noneMatch(FITS.get(scope.kind())::contains)) {
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.scope", "account", Long.toString(id), "DENIED",
                        AuditEvent.summary("requested", stored(scope), "roles", new java.util.TreeSet<>(a.roles()))));
                commitThen(c, Sec.problem(409, "scope.roleMismatch", scope.kind(), new java.util.TreeSet<>(a.roles())));
            }
            update(c, "UPDATE sec_account SET scope_kind = ?, company_id = ?, estate_id = ?, owner_id = ?, developer_id = ?, updated_at = ?, "
                            + "version = version + 1 WHERE id = ?", scope.kind().name(), scope.companyId(),
                    scope.estateIds().isEmpty() ? null : scope.estateIds().iterator().next(), scope.ownerId(), scope.developerId(),
                    Timestamp.from(Instant.now()), id);
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.scope", "account", Long.toString(id), "OK",
                    AuditEvent.summary("before", stored(a.scope()), "after", stored(scope))));
            return null;
        });
        return scopes(id);
    }

    public Optional<AccountIdentity> identity(long accountId) {
        return owner.tx(c -> {
            Account a = load(c, "id = ?", accountId);
            return a == null ? Optional.<AccountIdentity>empty() : Optional.ofNullable(a.identity());
        });
    }

    public void linkExternal(String username, String provider, String uid) {
        owner.tx(c -> {
            Account a = load(c, "username = ?", username);
            if (a == null) {
                throw Sec.problem(404, "account.notFound");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE external_provider = ? AND external_uid = ?")) {
                ps.setString(1, provider);
                ps.setString(2, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getLong(1) == a.id()) {
                            return null;
                        }
                        throw Sec.problem(409, "account.externalTaken", provider, uid);
                    }
                }
            }
            update(c, "UPDATE sec_account SET external_provider = ?, external_uid = ?, updated_at = ? WHERE id = ?", provider, uid,
                    Timestamp.from(Instant.now()), a.id());
            owner.audit().append(c, AuditEvent.of("system", "account.link", "account", a.id(), AuditEvent.summary("provider", provider, "uid", uid)));
            return null;
        });
    }

    /**
     * PUT /accounts/{id}/government-id (issue 12 item 6): the system admin links a regulator staff account to
     * its 粤政易 user id (blank = unlink), under the same separation of duties as other account changes; only
     * REGULATOR, OFFICER and INSPECTOR accounts (409 {@code idp.staffOnly}); a user id linked elsewhere is 409
     * {@code account.externalTaken}. Audited {@code account.link}.
     */
    public Map<String, Object> linkGovernment(SpmPrincipal by, long id, String userId, String agent) {
        String uid = userId == null || userId.isBlank() ? null : userId.trim();
        if (uid != null && !uid.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw org.smartproperty.platform.ApiException.invalid(org.smartproperty.platform.Messages.PLATFORM, "userId", "field.required");
        }
        owner.tx(c -> {
            owner.accountAdministration().mayActOn(c, by, id, "account.link", agent);
            Account a = load(c, "id = ?", id);
            if (a.identity() != null || a.roles().stream().noneMatch(RealNameSignIn.STAFF_ROLES::contains)) {
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.link", "account", Long.toString(id), "DENIED",
                        AuditEvent.summary("reason", "not staff")));
                commitThen(c, Sec.problem(409, "idp.staffOnly"));
            }
            if (uid != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE external_provider = ? AND external_uid = ? AND id <> ?")) {
                    ps.setString(1, GOVERNMENT_PROVIDER);
                    ps.setString(2, uid);
                    ps.setLong(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw Sec.problem(409, "account.externalTaken", GOVERNMENT_PROVIDER, uid);
                        }
                    }
                }
            }
            update(c, "UPDATE sec_account SET external_provider = ?, external_uid = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    uid == null ? null : GOVERNMENT_PROVIDER, uid, Timestamp.from(Instant.now()), id);
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.link", "account", Long.toString(id), "OK",
                    AuditEvent.summary("provider", GOVERNMENT_PROVIDER, "uid", uid)));
            return null;
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", id);
        m.put("provider", GOVERNMENT_PROVIDER);
        m.put("userId", uid);
        return m;
    }

    /** The government-side identity provider (粤政易). */
    static final String GOVERNMENT_PROVIDER = "gd-zwy";
}
