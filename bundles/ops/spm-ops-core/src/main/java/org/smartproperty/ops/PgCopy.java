package org.smartproperty.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.smartproperty.ops.BackupManifest.Column;

/**
 * Restore into PostgreSQL by {@code COPY … FROM STDIN} (text format) through the driver's API,
 * about ten times faster than INSERT batches. Only touched when the driver is there (the bundle
 * imports {@code org.postgresql} optionally).
 */
final class PgCopy {

    private static final JsonFactory JSON = new JsonFactory();

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

    static long load(Connection c, String table, List<Column> cols, BufferedReader in, Progress progress, long[] done, long total)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
        }
        sql.append(") FROM STDIN");
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
        long rows = 0;
        try {
            TableDump.Line out = new TableDump.Line();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                try (JsonParser p = JSON.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException("row " + rows + " of " + table + " is not an array");
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        if (i > 0) {
                            out.ascii('\t');
                        }
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.VALUE_NULL) {
                            out.ascii("\\N");
                        } else if ("bin".equals(cols.get(i).type())) {
                            out.ascii("\\\\x");
                            out.ascii(HexFormat.of().formatHex(Base64.getDecoder().decode(p.getText())));
                        } else {
                            text(out, p.getText());
                        }
                    }
                }
                out.ascii('\n');
                rows++;
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
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return rows;
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped; UTF-8. */
    private static void text(TableDump.Line out, String v) {
        boolean plain = true;
        for (int i = 0; i < v.length() && plain; i++) {
            char ch = v.charAt(i);
            plain = ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r';
        }
        if (plain) {
            out.raw(v);
            return;
        }
        StringBuilder sb = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        out.raw(sb.toString());
    }
}
