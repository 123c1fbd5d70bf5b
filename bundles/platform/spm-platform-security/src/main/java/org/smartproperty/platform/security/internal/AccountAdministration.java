package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.insertAccount;
import static org.smartproperty.platform.security.internal.AccountRows.instant;
import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.AccountRows.permissions;
import static org.smartproperty.platform.security.internal.AccountRows.roles;
import static org.smartproperty.platform.security.internal.AccountRows.setPassword;
import static org.smartproperty.platform.security.internal.RoleTemplates.checkDuties;
import static org.smartproperty.platform.security.internal.RoleTemplates.dutiesOfPermissions;
import static org.smartproperty.platform.security.internal.RoleTemplates.dutyNames;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.ADMIN_ROLES;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.commitThen;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.randomPassword;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.SecurityServiceImpl.AccountView;

/**
 * Accounts administration of the security service: the admin views, creation, password reset,
 * phone, status and roles under the separation of duties (三权分立, issue 20 item 1), and the
 * provisioning of demo / bootstrap accounts. Part of {@link SecurityServiceImpl}, split along its
 * duties (issue 10 item 5); transactions and audit through the service.
 */
final class AccountAdministration {

    private final SecurityServiceImpl owner;

    AccountAdministration(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** The sort keys of GET /accounts and their columns. */
    static final java.util.Map<String, String> SORT = java.util.Map.of(
            "id", "a.id", "username", "a.username", "status", "a.status", "lastLoginAt", "a.last_login_at");

    /**
     * One page of accounts (issue 13: the console pages through the API): {@code text} a case-insensitive part of the
     * username or display name, {@code role} held, {@code status} ACTIVE or DISABLED; any of them may be null.
     */
    public org.smartproperty.platform.Page<AccountView> accounts(String text, org.smartproperty.platform.security.Role role,
            String status, org.smartproperty.platform.PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM sec_account a WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (LOWER(a.username) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(a.display_name, '')) LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        }
        if (status != null) {
            where.append(" AND a.status = ?");
            args.add(status);
        }
        if (role != null) {
            where.append(" AND EXISTS (SELECT 1 FROM sec_account_role r WHERE r.account_id = a.id AND r.role = ?)");
            args.add(role.name());
        }
        StringBuilder order = new StringBuilder();
        for (org.smartproperty.platform.SortOrder o : page.sort()) {
            order.append(order.length() == 0 ? " ORDER BY " : ", ").append(SORT.get(o.property())).append(o.ascending() ? " ASC" : " DESC");
        }
        order.append(order.length() == 0 ? " ORDER BY a.id" : ", a.id");
        return owner.tx(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id" + where + order + " LIMIT ? OFFSET ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, page.size());
                ps.setLong(args.size() + 2, (long) page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<AccountView> out = new ArrayList<>();
            for (long id : ids) {
                out.add(view(c, id));
            }
            return new org.smartproperty.platform.Page<>(out, page.page(), page.size(), total);
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, (String) args.get(i));
        }
    }

    public List<AccountView> accounts() {
        return owner.tx(c -> {
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
        return owner.tx(c -> {
            if (!roles.stream().filter(ADMIN_ROLES::contains).toList().isEmpty() || !dutiesOfPermissions(permissions(c, roles)).isEmpty()) {
                // 三权分立 (issue 20 item 1): the system admin creates accounts; only the security admin gives admin roles
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.create", "account", username, "DENIED",
                        AuditEvent.summary("requested", new TreeSet<>(roles))));
                commitThen(c, Sec.problem(403, "sod.createAdmin"));
            }
            if (load(c, "username = ?", username) != null) {
                throw Sec.problem(409, "account.duplicate", username);
            }
            long id = insertAccount(c, username, displayName, roles, scope, null, null);
            if (cleanPhone != null) {
                update(c, "UPDATE sec_account SET phone = ? WHERE id = ?", cleanPhone, id);
            }
            setPassword(c, owner.hasher(), id, initial, true);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.create", "account", Long.toString(id), "OK",
                    AuditEvent.summary("username", username, "roles", new TreeSet<>(roles))));
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
        return owner.tx(c -> {
            mayActOn(c, by, id, "account.passwordReset", agent);
            setPassword(c, owner.hasher(), id, initial, true);
            update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), id);
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.passwordReset", "account", Long.toString(id), "OK",
                    AuditEvent.summary("tokensRevoked", true, "mustChange", true)));
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
        return owner.tx(c -> {
            mayActOn(c, by, id, "account.phone", agent);
            update(c, "UPDATE sec_account SET phone = ?, updated_at = ?, version = version + 1 WHERE id = ?", p, Timestamp.from(Instant.now()), id);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.phone", "account", Long.toString(id), "OK",
                    AuditEvent.summary("phone", org.smartproperty.platform.PersonalData.maskPhone(p))));
            return view(c, id);
        });
    }

    public void setPhone(String username, String phone) {
        String p = phone(phone);
        owner.tx(c -> {
            if (update(c, "UPDATE sec_account SET phone = ? WHERE username = ?", p, username) == 0) {
                throw Sec.problem(404, "account.notFound");
            }
            return null;
        });
    }

    public AccountView setStatus(SpmPrincipal by, long id, String status, String agent) {
        return owner.tx(c -> {
            mayActOn(c, by, id, "account.status", agent);
            update(c, "UPDATE sec_account SET status = ?, failed_count = 0, locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
                    status, Timestamp.from(Instant.now()), id);
            owner.principalsChanged(c);
            if (!"ACTIVE".equals(status)) {
                update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), id);
                owner.principalsChanged(c);
            }
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.status", "account", Long.toString(id), "OK", AuditEvent.summary("status", status)));
            return view(c, id);
        });
    }

    /** SECADMIN: replaces the roles of an account; refused when it would combine two admin duties. */
    public AccountView setRoles(SpmPrincipal by, long id, Set<Role> roles, String agent) {
        return owner.tx(c -> {
            AccountView before = view(c, id);
            if (id == by.accountId()) {
                // nobody widens or narrows their own duties (issue 20 item 1)
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "DENIED",
                        AuditEvent.summary("requested", new TreeSet<>(roles), "reason", "own account")));
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
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "DENIED",
                        AuditEvent.summary("requested", new TreeSet<>(roles))));
                commitThen(c, e);
            }
            update(c, "DELETE FROM sec_account_role WHERE account_id = ?", id);
            for (Role r : roles) {
                update(c, "INSERT INTO sec_account_role (account_id, role) VALUES (?, ?)", id, r.name());
            }
            update(c, "UPDATE sec_account SET updated_at = ?, version = version + 1 WHERE id = ?", Timestamp.from(Instant.now()), id);
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.roles", "account", Long.toString(id), "OK",
                    AuditEvent.summary("before", new TreeSet<>(before.roles()), "after", new TreeSet<>(roles))));
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
    void mayActOn(Connection c, SpmPrincipal by, long id, String action, String agent) throws SQLException {
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
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, action, "account", Long.toString(id), "DENIED",
                    AuditEvent.summary("reason", refusal)));
            commitThen(c, Sec.problem(403, refusal));
        }
    }

    public boolean ensureAccount(String username, String displayName, Role role, String password, String totpSecret, DataScope scope) {
        return owner.tx(c -> {
            if (load(c, "username = ?", username) != null) {
                return false;
            }
            long id = insertAccount(c, username, displayName, Set.of(role), scope, null, null);
            setPassword(c, owner.hasher(), id, password, false);
            if (totpSecret != null) {
                update(c, "UPDATE sec_account SET totp_secret = ? WHERE id = ?", owner.totpAtRest.totpRing().encrypt(id, totpSecret), id);
            }
            owner.audit().append(c, AuditEvent.of("system", "account.create", "account", id, AuditEvent.summary("username", username, "provisioned", true)));
            return true;
        });
    }

    /** First start: one security admin with a random password, to be changed at first login. @return the password, or null if one exists */
    public String bootstrapSecurityAdmin() {
        return owner.tx(c -> {
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
            setPassword(c, owner.hasher(), id, pw, true);
            owner.audit().append(c, AuditEvent.of("system", "account.bootstrap", "account", id, AuditEvent.summary("username", "secadmin")));
            return pw;
        });
    }
}
