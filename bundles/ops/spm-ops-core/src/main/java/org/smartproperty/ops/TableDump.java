package org.smartproperty.ops;

import static org.smartproperty.ops.Tables.*;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.smartproperty.ops.BackupManifest.Column;

/** Reading a table into the portable row format (one JSON array per line) with its order-independent content hash (OPS-3 backup). */
final class TableDump {

    private TableDump() {
    }

    /** Rows and content hash of a table as read. */
    record Dumped(long rows, String contentHash) {
    }

    /** An order-independent hash: the sum of the rows' SHA-256 modulo 2^256. */
    static final class RowHash {
        private final MessageDigest sha = Container.sha256();
        private final long[] acc = new long[4];

        void add(byte[] line, int len) {
            sha.update(line, 0, len);
            byte[] d = sha.digest();
            long carry = 0;
            for (int w = 3; w >= 0; w--) {
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = (v << 8) | (d[w * 8 + i] & 0xff);
                }
                long sum = acc[w] + v;
                long c1 = Long.compareUnsigned(sum, acc[w]) < 0 ? 1 : 0;
                long sum2 = sum + carry;
                long c2 = Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0;
                acc[w] = sum2;
                carry = c1 + c2;
            }
        }

        String hex() {
            StringBuilder sb = new StringBuilder(64);
            for (long w : acc) {
                String h = Long.toUnsignedString(w, 16);
                sb.append("0".repeat(16 - h.length())).append(h);
            }
            return sb.toString();
        }
    }

    /**
     * Writes the table's rows (the given columns in that order) as JSON lines to {@code out}
     * (may be null: hash only) and returns count and content hash.
     */
    static Dumped dump(Connection c, String table, List<Column> cols, OutputStream out, MessageDigest partDigest,
            Progress progress, long[] done, long total) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
        }
        sql.append(" FROM ").append(table);
        RowHash hash = new RowHash();
        long rows = 0;
        Line line = new Line();
        int n = cols.size();
        String[] types = new String[n];
        for (int i = 0; i < n; i++) {
            types[i] = cols.get(i).type();
        }
        boolean pg = isPostgres(c);
        if (pg) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL TIME ZONE 'UTC'"); // this transaction only: timestamptz as text in UTC, the fast path of tstz()
            }
        }
        try (Statement s = c.createStatement()) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    line.len = 0;
                    line.ascii('[');
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            line.ascii(',');
                        }
                        value(rs, i + 1, types[i], line, pg);
                    }
                    line.ascii(']');
                    hash.add(line.bytes, line.len);
                    line.ascii('\n');
                    if (out != null) {
                        partDigest.update(line.bytes, 0, line.len);
                        out.write(line.bytes, 0, line.len);
                    }
                    rows++;
                    if ((++done[0] & 0x3fff) == 0) {
                        progress.update(table, done[0], total);
                    }
                }
            }
        }
        return new Dumped(rows, hash.hex());
    }

    /** A row line being written: UTF-8 bytes, JSON escaping on the fly. */
    static final class Line {
        byte[] bytes = new byte[1024];
        int len;

        private void room(int k) {
            if (len + k > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(len + k, bytes.length * 2));
            }
        }

        void ascii(char ch) {
            room(1);
            bytes[len++] = (byte) ch;
        }

        void ascii(String s) {
            int k = s.length();
            room(k);
            for (int i = 0; i < k; i++) {
                bytes[len++] = (byte) s.charAt(i);
            }
        }

        void number(long v) {
            if (v >= 0 && v < 10) {
                ascii((char) ('0' + v));
            } else {
                ascii(Long.toString(v));
            }
        }

        /** UTF-8 of the text as it is (no quotes, no escapes). */
        void raw(String s) {
            int k = s.length();
            room(k * 3);
            for (int i = 0; i < k; i++) {
                char ch = s.charAt(i);
                if (ch < 0x80) {
                    bytes[len++] = (byte) ch;
                } else {
                    i = multiByte(s, i, ch);
                }
            }
        }

        /**
         * Writes the non-ASCII {@code ch} at {@code s[i]} as UTF-8 (a surrogate pair as one code point);
         * returns the index of the last char consumed. The caller has made room for 3 bytes a char.
         */
        private int multiByte(String s, int i, char ch) {
            if (ch < 0x800) {
                bytes[len++] = (byte) (0xc0 | (ch >> 6));
                bytes[len++] = (byte) (0x80 | (ch & 0x3f));
            } else if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, s.charAt(++i));
                bytes[len++] = (byte) (0xf0 | (cp >> 18));
                bytes[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                bytes[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                bytes[len++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                bytes[len++] = (byte) (0xe0 | (ch >> 12));
                bytes[len++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                bytes[len++] = (byte) (0x80 | (ch & 0x3f));
            }
            return i;
        }

        /** A JSON string: quotes, escapes, UTF-8. */
        void string(String s) {
            int k = s.length();
            room(k * 3 + 2);
            bytes[len++] = '"';
            for (int i = 0; i < k; i++) {
                char ch = s.charAt(i);
                if (ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\') {
                    bytes[len++] = (byte) ch;
                } else if (ch < 0x80) {
                    String esc = switch (ch) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        default -> String.format("\\u%04x", (int) ch);
                    };
                    room(esc.length() + (k - i) * 3 + 1);
                    for (int j = 0; j < esc.length(); j++) {
                        bytes[len++] = (byte) esc.charAt(j);
                    }
                } else {
                    i = multiByte(s, i, ch);
                }
            }
            bytes[len++] = '"';
        }
    }

    static void value(ResultSet rs, int i, String type, Line out, boolean pg) throws SQLException {
        switch (type) {
            case "int" -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    out.ascii("null");
                } else {
                    out.number(v);
                }
            }
            case "dec" -> {
                java.math.BigDecimal v = rs.getBigDecimal(i);
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.string(v.toPlainString());
                }
            }
            case "float" -> {
                double v = rs.getDouble(i);
                if (rs.wasNull()) {
                    out.ascii("null");
                } else if (Double.isFinite(v)) {
                    out.ascii(Double.toString(v));
                } else {
                    out.string(Double.toString(v));
                }
            }
            case "bool" -> {
                boolean v = rs.getBoolean(i);
                out.ascii(rs.wasNull() ? "null" : v ? "true" : "false");
            }
            case "date" -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.string(v.toString());
                }
            }
            case "ts" -> {
                LocalDateTime v = rs.getObject(i, LocalDateTime.class);
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.string(v.toString());
                }
            }
            case "tstz" -> {
                String fast = pg ? instantText(rs.getString(i)) : null;
                if (fast != null) {
                    out.string(fast);
                } else {
                    OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                    if (v == null) {
                        out.ascii("null");
                    } else {
                        out.string(v.toInstant().toString());
                    }
                }
            }
            case "bin" -> {
                byte[] v = rs.getBytes(i);
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.string(Base64.getEncoder().encodeToString(v));
                }
            }
            default -> { // str, time
                String v = rs.getString(i);
                if (v == null) {
                    out.ascii("null");
                } else {
                    out.string(v);
                }
            }
        }
    }

    /**
     * PostgreSQL's text of a timestamptz in UTC ({@code 2026-11-27 00:30:15.12+00}) as
     * {@link java.time.Instant#toString()} prints it ({@code 2026-11-27T00:30:15.120Z}); null when
     * the text has another shape (the caller then parses it).
     */
    static String instantText(String t) {
        if (t == null || t.length() < 22 || t.charAt(4) != '-' || t.charAt(10) != ' ' || !t.endsWith("+00")) {
            return null;
        }
        int end = t.length() - 3;
        String frac = "";
        if (end > 19) {
            if (t.charAt(19) != '.' || end - 20 > 6 || end - 20 < 1) {
                return null;
            }
            String f = (t.substring(20, end) + "000000").substring(0, 6);
            frac = f.endsWith("000") ? "." + f.substring(0, 3) : "." + f;
            if (f.equals("000000")) {
                frac = "";
            }
        } else if (end != 19) {
            return null;
        }
        for (int i = 0; i < 19; i++) {
            char ch = t.charAt(i);
            boolean sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
            if (!sep && (ch < '0' || ch > '9')) {
                return null;
            }
        }
        return t.substring(0, 10) + 'T' + t.substring(11, 19) + frac + 'Z';
    }
}
