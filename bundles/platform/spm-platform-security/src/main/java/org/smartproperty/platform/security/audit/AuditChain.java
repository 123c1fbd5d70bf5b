package org.smartproperty.platform.security.audit;

import org.smartproperty.platform.security.AuditEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit log's hash chain on plain JDBC, shared by the platform ({@code AuditTrail}) and the
 * operations toolkit, which must append and verify while the platform is down (OPS-1, ID-3).
 *
 * <p>{@code hash = SHA-256(prev_hash | seq | at | actor | ip | agent | action | type | id | outcome | summary)};
 * an append takes the row lock of {@code aud_chain}, so the chain is a total order across nodes and
 * tools. Fields are stored truncated to their columns and the hash covers what is stored.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** Result of walking the chain: the first row whose link or content does not match, if any. */
    public record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason) {
    }

    /** Appends one record in the caller's transaction (the caller commits). */
    public static void append(Connection c, AuditEvent e) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM aud_chain WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prev, seq, at, e);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO aud_event (seq, at, actor, client_ip, user_agent, action, object_type, object_id, "
                + "outcome, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, cut(e.actor() == null ? "anonymous" : e.actor(), 64));
            ps.setString(4, cut(e.clientIp(), 64));
            ps.setString(5, cut(e.userAgent(), 300));
            ps.setString(6, cut(e.action(), 64));
            ps.setString(7, cut(e.objectType(), 64));
            ps.setString(8, cut(e.objectId(), 128));
            ps.setString(9, e.outcome() == null ? "OK" : e.outcome());
            ps.setString(10, e.summary());
            ps.setString(11, prev);
            ps.setString(12, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE aud_chain SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    /** Walks the whole chain from the oldest kept row (retention deletes the oldest rows only). */
    public static Verification verify(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, client_ip, user_agent, action, object_type, object_id, outcome, summary, "
                + "prev_hash, hash FROM aud_event ORDER BY seq")) {
            ps.setFetchSize(1000);
            long checked = 0;
            String expectedPrev = null;
            Long lastSeq = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    AuditEvent e = new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10));
                    String prev = rs.getString(11);
                    String stored = rs.getString(12);
                    if (lastSeq != null && seq != lastSeq + 1) {
                        return new Verification(false, checked, seq, "gap: row " + (lastSeq + 1) + " is missing");
                    }
                    if (expectedPrev != null && !expectedPrev.equals(prev)) {
                        return new Verification(false, checked, seq, "link: prev_hash does not match the hash of row " + lastSeq);
                    }
                    if (!hash(prev, seq, rs.getTimestamp(2).toInstant(), e).equals(stored)) {
                        return new Verification(false, checked, seq, "content: the row was changed after it was written");
                    }
                    expectedPrev = stored;
                    lastSeq = seq;
                    checked++;
                }
            }
            return new Verification(true, checked, null, null);
        }
    }

    /** The hash of one record. */
    public static String hash(String prev, long seq, Instant at, AuditEvent e) {
        String canonical = String.join("|", prev, Long.toString(seq), at.toString(), nz(cut(e.actor() == null ? "anonymous" : e.actor(), 64)),
                nz(cut(e.clientIp(), 64)), nz(cut(e.userAgent(), 300)), nz(cut(e.action(), 64)), nz(cut(e.objectType(), 64)),
                nz(cut(e.objectId(), 128)), e.outcome() == null ? "OK" : e.outcome(), nz(e.summary()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
