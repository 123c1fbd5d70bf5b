package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;

/**
 * The account rows on plain JDBC, inside the caller's transaction: loading an account with its
 * roles and data scope, role permissions, inserting an account, setting a password (with history).
 * Shared by the parts of {@link SecurityServiceImpl} (issue 10 item 5).
 */
final class AccountRows {

    private AccountRows() {
    }

    record Account(long id, String username, String status, String passwordHash, Instant passwordChangedAt, boolean mustChange,
                   int failedCount, Instant lockedUntil, String totpSecret, Set<Role> roles, DataScope scope,
                   org.smartproperty.platform.security.AccountIdentity identity) {
    }

    static void setPassword(Connection c, PasswordHasher hasher, long accountId, String password, boolean mustChange) throws SQLException {
        String hash = hasher.hash(password.toCharArray());
        Instant now = Instant.now();
        update(c, "UPDATE sec_account SET password_hash = ?, password_changed_at = ?, must_change = ?, failed_count = 0, locked_until = NULL, "
                + "updated_at = ?, version = version + 1 WHERE id = ?", hash, Timestamp.from(now), mustChange, Timestamp.from(now), accountId);
        update(c, "INSERT INTO sec_password_history (account_id, password_hash, created_at) VALUES (?, ?, ?)", accountId, hash, Timestamp.from(now));
    }

    static long insertAccount(Connection c, String username, String displayName, Set<Role> roles, DataScope scope, String provider, String uid) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('sec_account_seq')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        DataScope s = scope == null ? DataScope.NONE : scope;
        Instant now = Instant.now();
        update(c, "INSERT INTO sec_account (id, username, display_name, status, must_change, failed_count, scope_kind, company_id, estate_id, owner_id, "
                        + "developer_id, external_provider, external_uid, created_at, updated_at, version) VALUES (?, ?, ?, 'ACTIVE', FALSE, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                id, username, displayName, s.kind().name(), s.companyId(), s.estateIds().isEmpty() ? null : s.estateIds().iterator().next(), s.ownerId(),
                s.developerId(), provider, uid, Timestamp.from(now), Timestamp.from(now));
        for (Role r : roles) {
            update(c, "INSERT INTO sec_account_role (account_id, role) VALUES (?, ?)", id, r.name());
        }
        return id;
    }

    static Account load(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, status, password_hash, password_changed_at, must_change, failed_count, "
                + "locked_until, totp_secret, scope_kind, company_id, estate_id, owner_id, developer_id, external_provider, id_type, id_number, credit_code "
                + "FROM sec_account WHERE " + where)) {
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
                Long developer = rs.getObject(14, Long.class);
                DataScope scope = scope(kind, company, estate, owner, developer);
                String provider = rs.getString(15);
                String idNumber = rs.getString(17);
                String creditCode = rs.getString(18);
                org.smartproperty.platform.security.AccountIdentity identity = provider == null || (idNumber == null && creditCode == null) ? null
                        : new org.smartproperty.platform.security.AccountIdentity(id, provider, rs.getString(16), idNumber, creditCode);
                return new Account(id, rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), rs.getBoolean(6),
                        rs.getInt(7), instant(rs.getTimestamp(8)), rs.getString(9), roles(c, id), scope, identity);
            }
        }
    }

    /** The stored scope of the columns {@code scope_kind, company_id, estate_id, owner_id, developer_id}; incomplete = NONE. */
    static DataScope scope(DataScope.Kind kind, Long company, Long estate, Long owner, Long developer) {
        return switch (kind) {
            case ALL -> DataScope.ALL;
            case COMPANY -> company == null ? DataScope.NONE : DataScope.company(company);
            case COMMITTEE -> estate == null ? DataScope.NONE : DataScope.committee(estate);
            case OWNER -> owner == null ? DataScope.NONE : DataScope.owner(owner);
            case DEVELOPER -> developer == null ? DataScope.NONE : DataScope.developer(developer, Set.of());
            case NONE -> DataScope.NONE;
        };
    }

    static Set<Role> roles(Connection c, long accountId) throws SQLException {
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

    static Set<String> permissions(Connection c, Set<Role> roles) throws SQLException {
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

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
