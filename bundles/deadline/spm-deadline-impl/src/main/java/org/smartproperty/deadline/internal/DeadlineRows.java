package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.TimeLimits.code;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.LimitUnit;

/**
 * The rows of {@code dl_deadline} on plain JDBC: the selected columns, mapping a row to a
 * {@link Deadline}, finding one by item or id. Shared by the parts of {@link DeadlineEngine} (issue 10 item 5).
 */
final class DeadlineRows {

    private DeadlineRows() {
    }

    static final String COLUMNS = "id, domain, item_id, category, title, estate_id, company_id, assignee_account_id, supervisor_account_id, "
            + "amount, unit, warning_ratio, started_at, warn_at, due_at, state, paused_at, warned_at, overdue_at, finished_at, version";

    static Deadline deadline(ResultSet rs) throws SQLException {
        return new Deadline(rs.getLong("id"), rs.getString("domain"), rs.getLong("item_id"), rs.getString("category"), rs.getString("title"),
                Sql.optLong(rs, "estate_id"), Sql.optLong(rs, "company_id"), Sql.optLong(rs, "assignee_account_id"),
                Sql.optLong(rs, "supervisor_account_id"), rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("warning_ratio").doubleValue(), Sql.ts(rs, "started_at"), Sql.ts(rs, "warn_at"), Sql.ts(rs, "due_at"),
                DeadlineState.valueOf(rs.getString("state")), Sql.ts(rs, "paused_at"), Sql.ts(rs, "warned_at"), Sql.ts(rs, "overdue_at"),
                Sql.ts(rs, "finished_at"), rs.getLong("version"));
    }

    static Deadline find(Connection c, String domain, long itemId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline WHERE domain = ? AND item_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, domain);
            ps.setLong(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? deadline(rs) : null;
            }
        }
    }

    static Deadline byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? deadline(rs) : null;
            }
        }
    }
}
