package org.smartproperty.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.smartproperty.ops.BackupManifest.Column;

/** Table discovery, the portable row format (one JSON array per line) and its content hash. */
final class Tables {

    static final Set<String> EXCLUDED = Set.of("databasechangelog", "databasechangeloglock");
    private static final JsonFactory JSON = new JsonFactory();

    private Tables() {
    }

    static String schema(Connection c) throws SQLException {
        return c.getSchema();
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Application tables of the connection's schema (lower-case names), parents before children. */
    static List<String> ordered(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = schema(c);
        Map<String, String> actual = new TreeMap<>(); // lower -> as stored
        try (ResultSet rs = md.getTables(c.getCatalog(), escape(md, schema), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String n = rs.getString("TABLE_NAME");
                String lower = n.toLowerCase(Locale.ROOT);
                if (!EXCLUDED.contains(lower)) {
                    actual.put(lower, n);
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        for (Map.Entry<String, String> t : actual.entrySet()) {
            Set<String> ps = new TreeSet<>();
            try (ResultSet rs = md.getImportedKeys(c.getCatalog(), schema, t.getValue())) {
                while (rs.next()) {
                    String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!p.equals(t.getKey()) && actual.containsKey(p)) {
                        ps.add(p);
                    }
                }
            }
            parents.put(t.getKey(), ps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        while (order.size() < actual.size()) {
            boolean progressed = false;
            for (String t : actual.keySet()) {
                if (!done.contains(t) && done.containsAll(parents.get(t))) {
                    order.add(t);
                    done.add(t);
                    progressed = true;
                }
            }
            if (!progressed) { // a cycle: take the rest alphabetically
                for (String t : actual.keySet()) {
                    if (done.add(t)) {
                        order.add(t);
                    }
                }
            }
        }
        return order;
    }

    static Map<String, Column> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = schema(c);
        Map<String, Column> cols = new LinkedHashMap<>();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getColumns(c.getCatalog(), escape(md, schema), escape(md, name), "%")) {
                TreeMap<Integer, Column> byPos = new TreeMap<>();
                while (rs.next()) {
                    String typeName = rs.getString("TYPE_NAME");
                    byPos.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            category(rs.getInt("DATA_TYPE"), typeName), typeName));
                }
                byPos.values().forEach(col -> cols.put(col.name(), col));
            }
            if (!cols.isEmpty()) {
                break;
            }
        }
        return cols;
    }

    /** A name as a metadata search pattern ({@code _} and {@code %} are wildcards there). */
    static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        if (name == null || esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    static String category(int jdbcType, String typeName) {
        String tn = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (tn.equals("timestamptz") || tn.contains("timestamp with time zone")) {
            return "tstz";
        }
        return switch (jdbcType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "int";
            case Types.NUMERIC, Types.DECIMAL -> "dec";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "float";
            case Types.BOOLEAN, Types.BIT -> "bool";
            case Types.DATE -> "date";
            case Types.TIMESTAMP -> "ts";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "tstz";
            case Types.TIME -> "time";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bin";
            default -> "str";
        };
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
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
                } else if (ch < 0x800) {
                    bytes[len++] = (byte) (0xc0 | (ch >> 6));
                    bytes[len++] = (byte) (0x80 | (ch & 0x3f));
                } else if (Character.isHighSurrogate(ch) && i + 1 < k && Character.isLowSurrogate(s.charAt(i + 1))) {
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
            }
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
                } else if (ch < 0x800) {
                    bytes[len++] = (byte) (0xc0 | (ch >> 6));
                    bytes[len++] = (byte) (0x80 | (ch & 0x3f));
                } else if (Character.isHighSurrogate(ch) && i + 1 < k && Character.isLowSurrogate(s.charAt(i + 1))) {
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
            }
            bytes[len++] = '"';
        }
    }

    private static void value(ResultSet rs, int i, String type, Line out, boolean pg) throws SQLException {
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

    /** Inserts the JSON-line rows of one table part into {@code table} on {@code c} (batches of 1,000). */
    static long load(Connection c, String table, List<Column> cols, Map<String, Column> target, java.io.BufferedReader in,
            Progress progress, long[] done, long total) throws SQLException, IOException {
        for (Column col : cols) {
            if (!target.containsKey(col.name())) {
                throw new OpsException("restore.columnMissing", table, col.name());
            }
        }
        if (isPostgres(c) && PgCopy.available()) {
            return PgCopy.load(c, table, cols, in, progress, done, total);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
        }
        sql.append(") VALUES (").append("?, ".repeat(cols.size() - 1)).append("?)");
        int[] nullTypes = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            nullTypes[i] = sqlType(target.get(cols.get(i).name()).type());
        }
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            String line;
            int batch = 0;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                try (JsonParser p = JSON.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException("row " + rows + " of " + table + " is not an array");
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.VALUE_NULL) {
                            ps.setNull(i + 1, nullTypes[i]);
                        } else {
                            bind(ps, i + 1, cols.get(i).type(), p);
                        }
                    }
                }
                ps.addBatch();
                rows++;
                if (++batch == 1000) {
                    ps.executeBatch();
                    batch = 0;
                }
                if ((++done[0] & 0x3fff) == 0) {
                    progress.update(table, done[0], total);
                }
            }
            if (batch > 0) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    private static int sqlType(String type) {
        return switch (type) {
            case "int" -> Types.BIGINT;
            case "dec" -> Types.NUMERIC;
            case "float" -> Types.DOUBLE;
            case "bool" -> Types.BOOLEAN;
            case "date" -> Types.DATE;
            case "ts" -> Types.TIMESTAMP;
            case "tstz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "time" -> Types.TIME;
            case "bin" -> Types.VARBINARY;
            default -> Types.VARCHAR;
        };
    }

    private static void bind(PreparedStatement ps, int i, String type, JsonParser p) throws SQLException, IOException {
        switch (type) {
            case "int" -> ps.setLong(i, p.getLongValue());
            case "dec" -> ps.setBigDecimal(i, new java.math.BigDecimal(p.getText()));
            case "float" -> ps.setDouble(i, p.currentToken() == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText()) : p.getDoubleValue());
            case "bool" -> ps.setBoolean(i, p.getBooleanValue());
            case "date" -> ps.setObject(i, LocalDate.parse(p.getText()));
            case "ts" -> ps.setObject(i, LocalDateTime.parse(p.getText()));
            case "tstz" -> ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(p.getText()), ZoneOffset.UTC));
            case "time" -> ps.setObject(i, LocalTime.parse(p.getText()));
            case "bin" -> ps.setBytes(i, Base64.getDecoder().decode(p.getText()));
            default -> ps.setString(i, p.getText());
        }
    }

    /** Sequences of the schema with the value the next {@code nextval} would return. */
    static List<BackupManifest.SequenceEntry> sequences(Connection c) throws SQLException {
        List<BackupManifest.SequenceEntry> out = new ArrayList<>();
        boolean pg = isPostgres(c);
        if (pg) {
            List<String[]> seqs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] s : seqs) {
                long inc = Long.parseLong(s[1]);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + s[0])) {
                    rs.next();
                    long last = rs.getLong(1);
                    out.add(new BackupManifest.SequenceEntry(s[0].toLowerCase(Locale.ROOT), rs.getBoolean(2) ? last + inc : last, inc));
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT SEQUENCE_NAME, INCREMENT, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = SCHEMA() ORDER BY 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BackupManifest.SequenceEntry(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(3), rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** Liquibase change sets per bundle (filename = logicalFilePath = bundle symbolic name), in execution order. */
    static List<BackupManifest.SchemaVersion> schemaVersions(Connection c) throws SQLException {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        if (!columns(c, "databasechangelog").isEmpty()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT filename, id FROM databasechangelog ORDER BY orderexecuted")) {
                while (rs.next()) {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<BackupManifest.SchemaVersion> out = new ArrayList<>();
        ids.forEach((b, l) -> out.add(new BackupManifest.SchemaVersion(b, l.size(), l.get(l.size() - 1), l)));
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
