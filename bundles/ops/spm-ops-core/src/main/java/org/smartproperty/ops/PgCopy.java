package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.smartproperty.ops.BackupManifest.Column;

/**
 * Restore into PostgreSQL by {@code COPY … FROM STDIN} (text format) through the driver's API,
 * about ten times faster than INSERT batches. Only touched when the driver is there (the bundle
 * imports {@code org.postgresql} optionally).
 */
final class PgCopy {

    private PgCopy() {
    }

    static boolean available() {
        try {
            Class.forName("org.postgresql.PGConnection", false, PgCopy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Copies the JSON-line rows of one table part (after its header line) into {@code table}: each
     * line is turned into a line of COPY's text format byte by byte — strings unescaped from JSON and
     * escaped for COPY, numbers and booleans as written, {@code null} as {@code \N}, base64 of
     * binary columns as {@code \x} hex — without decoding it to characters (issue 19 item 4: about
     * three times less client CPU than a JSON parser and a String a value).
     */
    static long load(Connection c, String table, List<Column> cols, InputStream in, Progress progress, long[] done, long total)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        boolean[] bin = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
            bin[i] = "bin".equals(cols.get(i).type());
        }
        sql.append(") FROM STDIN");
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
        try {
            Rows rows = new Rows(in, table, bin, copy);
            long n = rows.copy(progress, done, total);
            copy.endCopy();
            return n;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The transcoder: JSON lines in, COPY text out (flushed to {@code copy} every 64 KiB). */
    private static final class Rows {
        private final InputStream in;
        private final String table;
        private final boolean[] bin;
        private final CopyIn copy;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;
        private final TableDump.Line out = new TableDump.Line();
        private final StringBuilder base64 = new StringBuilder();
        private long row;

        Rows(InputStream in, String table, boolean[] bin, CopyIn copy) {
            this.in = in;
            this.table = table;
            this.bin = bin;
            this.copy = copy;
            out.bytes = new byte[1 << 17];
        }

        private int peek() throws IOException {
            if (pos == lim) {
                int k = in.read(buf, 0, buf.length);
                if (k <= 0) {
                    return -1;
                }
                pos = 0;
                lim = k;
            }
            return buf[pos] & 0xff;
        }

        private int next() throws IOException {
            int b = peek();
            if (b >= 0) {
                pos++;
            }
            return b;
        }

        private int skipBlanks() throws IOException {
            int b;
            while ((b = peek()) == ' ' || b == '\t' || b == '\r') {
                pos++;
            }
            return b;
        }

        private IOException bad(String what) {
            return new IOException("row " + row + " of " + table + ": " + what);
        }

        private void expect(int ch, String what) throws IOException {
            if (skipBlanks() != ch) {
                throw bad(what);
            }
            pos++;
        }

        private void room(int k) {
            if (out.len + k > out.bytes.length) {
                out.bytes = java.util.Arrays.copyOf(out.bytes, Math.max(out.len + k, out.bytes.length * 2));
            }
        }

        long copy(Progress progress, long[] done, long total) throws IOException, SQLException {
            int b;
            while ((b = next()) != '\n') { // the header line: the manifest has the columns
                if (b < 0) {
                    return 0;
                }
            }
            while (true) {
                b = skipBlanks();
                if (b < 0) {
                    break;
                }
                if (b == '\n') {
                    pos++;
                    continue;
                }
                expect('[', "not an array");
                for (int i = 0; i < bin.length; i++) {
                    if (i > 0) {
                        expect(',', "fewer values than columns");
                        out.ascii('\t');
                    }
                    value(bin[i]);
                }
                expect(']', "more values than columns");
                b = skipBlanks();
                if (b == '\n') {
                    pos++;
                } else if (b >= 0) {
                    throw bad("text after the row");
                }
                out.ascii('\n');
                row++;
                if (out.len > 1 << 16) {
                    copy.writeToCopy(out.bytes, 0, out.len);
                    out.len = 0;
                }
                if ((++done[0] & 0x3fff) == 0) {
                    progress.update(table, done[0], total);
                }
            }
            if (out.len > 0) {
                copy.writeToCopy(out.bytes, 0, out.len);
                out.len = 0;
            }
            return row;
        }

        private void value(boolean binary) throws IOException {
            int b = skipBlanks();
            if (b == '"') {
                pos++;
                if (binary) {
                    base64.setLength(0);
                    string(true);
                    out.ascii("\\\\x");
                    try {
                        out.ascii(HexFormat.of().formatHex(Base64.getDecoder().decode(base64.toString())));
                    } catch (IllegalArgumentException e) {
                        throw bad("not base64");
                    }
                } else {
                    string(false);
                }
                return;
            }
            if (b == 'n') { // null
                for (char ch : "null".toCharArray()) {
                    if (next() != ch) {
                        throw bad("not a value");
                    }
                }
                out.ascii("\\N");
                return;
            }
            // a number, true or false: as written
            int start = out.len;
            while ((b = peek()) >= 0 && b != ',' && b != ']' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                if (b == '"' || b == '[' || b == '{' || b == '\\') {
                    throw bad("not a scalar value");
                }
                room(1);
                out.bytes[out.len++] = (byte) b;
                pos++;
            }
            if (out.len == start) {
                throw bad("a value missing");
            }
        }

        /** The rest of a JSON string (after its opening quote), written COPY-escaped (or kept as base64 text). */
        private void string(boolean keep) throws IOException {
            while (true) {
                // the plain run within the buffer in one go
                if (pos == lim && peek() < 0) {
                    throw bad("unterminated string");
                }
                int from = pos;
                int end = lim;
                int i = from;
                byte[] bb = buf;
                while (i < end) {
                    byte x = bb[i];
                    if (x == '"' || x == '\\' || x == '\t' || x == '\n' || x == '\r') {
                        break;
                    }
                    i++;
                }
                if (i > from) {
                    if (keep) {
                        for (int j = from; j < i; j++) {
                            base64.append((char) (bb[j] & 0xff));
                        }
                    } else {
                        room(i - from);
                        System.arraycopy(bb, from, out.bytes, out.len, i - from);
                        out.len += i - from;
                    }
                    pos = i;
                }
                if (i == end) {
                    continue;
                }
                int x = next();
                switch (x) {
                    case '"' -> {
                        return;
                    }
                    case '\t' -> literal("\\t", '\t', keep);
                    case '\n' -> throw bad("unterminated string");
                    case '\r' -> literal("\\r", '\r', keep);
                    default -> escape(keep); // a backslash
                }
            }
        }

        private void literal(String copyEscape, char ch, boolean keep) {
            if (keep) {
                base64.append(ch);
            } else {
                out.ascii(copyEscape);
            }
        }

        private void escape(boolean keep) throws IOException {
            int e = next();
            switch (e) {
                case '"' -> literal("\"", '"', keep);
                case '/' -> literal("/", '/', keep);
                case '\\' -> literal("\\\\", '\\', keep);
                case 'n' -> literal("\\n", '\n', keep);
                case 'r' -> literal("\\r", '\r', keep);
                case 't' -> literal("\\t", '\t', keep);
                case 'b' -> literal("\\b", '\b', keep);
                case 'f' -> literal("\\f", '\f', keep);
                case 'u' -> {
                    int cp = hex4();
                    if (Character.isHighSurrogate((char) cp) && peek() == '\\') {
                        pos++;
                        if (next() != 'u') {
                            throw bad("bad escape");
                        }
                        int low = hex4();
                        if (!Character.isLowSurrogate((char) low)) {
                            throw bad("bad surrogate pair");
                        }
                        cp = Character.toCodePoint((char) cp, (char) low);
                    }
                    if (keep) {
                        base64.appendCodePoint(cp);
                    } else {
                        switch (cp) {
                            case '\\' -> out.ascii("\\\\");
                            case '\t' -> out.ascii("\\t");
                            case '\n' -> out.ascii("\\n");
                            case '\r' -> out.ascii("\\r");
                            default -> out.raw(new String(Character.toChars(cp)));
                        }
                    }
                }
                default -> throw bad("bad escape");
            }
        }

        private int hex4() throws IOException {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(next(), 16);
                if (d < 0) {
                    throw bad("bad \\u escape");
                }
                v = v << 4 | d;
            }
            return v;
        }
    }
}
