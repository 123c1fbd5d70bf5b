package org.smartproperty.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** Accounts and login failures written straight into the security tables (tests of OPS-1). */
final class SecurityFixture {

    private SecurityFixture() {
    }

    /** An account; {@code lastLoginDaysAgo} / {@code createdDaysAgo} null = never / now. */
    static void account(DataSource ds, long id, String username, String scopeKind, Long companyId, Integer lastLoginDaysAgo, int createdDaysAgo,
                        String... roles) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO sec_account (id, username, status, must_change, "
                + "failed_count, scope_kind, company_id, last_login_at, created_at, updated_at, version) VALUES (?, ?, 'ACTIVE', FALSE, 0, ?, ?, ?, ?, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, username);
            ps.setString(3, scopeKind);
            ps.setObject(4, companyId);
            ps.setTimestamp(5, lastLoginDaysAgo == null ? null : Timestamp.from(now.minus(Duration.ofDays(lastLoginDaysAgo))));
            ps.setTimestamp(6, Timestamp.from(now.minus(Duration.ofDays(createdDaysAgo))));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
            for (String r : roles) {
                try (PreparedStatement pr = c.prepareStatement("INSERT INTO sec_account_role (account_id, role) VALUES (?, ?)")) {
                    pr.setLong(1, id);
                    pr.setString(2, r);
                    pr.executeUpdate();
                }
            }
        }
    }

    static void failure(DataSource ds, String username, String ip, Instant at) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO sec_login_failure (username, client_ip, at) VALUES (?, ?, ?)")) {
            ps.setString(1, username);
            ps.setString(2, ip);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }
}
