package org.smartproperty.platform.workflow.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.smartproperty.platform.workflow.CaseEvent;

/**
 * An item's timeline in the domain's event table: {@code id, <case column>, action, from_status,
 * to_status, actor, event_at, note, details} ({@code details} TEXT, JSON by Jackson, null when
 * none). Ids come from the table's sequence in blocks of {@code allocationSize}, the way
 * EclipseLink allocates them ({@code nextval} is the end of a block; CONTRIBUTING, Sequences), so
 * the kernel and a JPA mapping of the same table never collide.
 */
public final class CaseTimeline {

    private final String table;
    private final String caseColumn;
    private final SequenceBlocks ids;

    public CaseTimeline(String table, String caseColumn, String sequence, int allocationSize) {
        this.table = YearCounter.ident(table);
        this.caseColumn = YearCounter.ident(caseColumn);
        this.ids = new SequenceBlocks(YearCounter.ident(sequence), allocationSize);
    }

    /** Appends one entry on the caller's connection; returns its id. */
    public long append(Connection sameTransaction, long caseId, String action, String from, String to, String actor, Instant at, String note,
                       Map<String, ?> details) {
        long id = ids.next(sameTransaction);
        String sql = "INSERT INTO " + table + " (id, " + caseColumn + ", action, from_status, to_status, actor, event_at, note, details) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = sameTransaction.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, caseId);
            ps.setString(3, action);
            ps.setString(4, from);
            ps.setString(5, to);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, note);
            if (details == null || details.isEmpty()) {
                ps.setNull(9, Types.VARCHAR);
            } else {
                ps.setString(9, Json.write(details));
            }
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("timeline " + table + ": " + e.getMessage(), e);
        }
    }

    /** The item's entries, oldest first. */
    public List<CaseEvent> list(Connection con, long caseId) {
        String sql = "SELECT id, " + caseColumn + ", action, from_status, to_status, actor, event_at, note, details FROM " + table
                + " WHERE " + caseColumn + " = ? ORDER BY id";
        List<CaseEvent> events = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new CaseEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            instant(rs, 7), rs.getString(8), Json.read(rs.getString(9))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("timeline " + table + ": " + e.getMessage(), e);
        }
    }

    /** When {@code action} last happened to the item, null if never. */
    public Instant lastAt(Connection con, long caseId, String action) {
        String sql = "SELECT event_at FROM " + table + " WHERE " + caseColumn + " = ? AND action = ? ORDER BY id DESC";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setMaxRows(1);
            ps.setLong(1, caseId);
            ps.setString(2, action);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? instant(rs, 1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("timeline " + table + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        return rs.getTimestamp(column).toInstant();
    }

    /** Ids from a sequence in blocks: nextval N gives N - size + 1 .. N (EclipseLink's reading of a sequence). */
    static final class SequenceBlocks {
        private final String sequence;
        private final int size;
        private long next;
        private long last = -1;

        SequenceBlocks(String sequence, int size) {
            if (size < 1) {
                throw new IllegalArgumentException("allocationSize " + size);
            }
            this.sequence = sequence;
            this.size = size;
        }

        synchronized long next(Connection con) {
            if (next > last) {
                long end = nextval(con);
                next = end - size + 1;
                last = end;
            }
            return next++;
        }

        private long nextval(Connection con) {
            try {
                boolean h2 = con.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
                String sql = h2 ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
                try (PreparedStatement ps = con.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("sequence " + sequence + ": " + e.getMessage(), e);
            }
        }
    }
}
