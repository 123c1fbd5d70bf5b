package org.smartproperty.ops;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import org.smartproperty.ops.BackupManifest.Column;

/** Table discovery and metadata (columns, sequences, schema versions); the row format itself is in {@link TableDump} and {@link TableLoad}. */
final class Tables {

    static final Set<String> EXCLUDED = Set.of("databasechangelog", "databasechangeloglock");
    static final JsonFactory JSON = new JsonFactory();

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
        actual.keySet().forEach(t -> parents.put(t, new TreeSet<>()));
        if (isPostgres(c)) { // one catalog query: pgjdbc's getImportedKeys takes ~0.2 s a table
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.relname, p.relname FROM pg_constraint k "
                    + "JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' "
                    + "AND t.relnamespace = current_schema()::regnamespace AND p.relnamespace = current_schema()::regnamespace")) {
                while (rs.next()) {
                    addParent(parents, actual, rs.getString(1), rs.getString(2));
                }
            }
        } else {
            for (Map.Entry<String, String> t : actual.entrySet()) {
                try (ResultSet rs = md.getImportedKeys(c.getCatalog(), schema, t.getValue())) {
                    while (rs.next()) {
                        addParent(parents, actual, t.getKey(), rs.getString("PKTABLE_NAME"));
                    }
                }
            }
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

    private static void addParent(Map<String, Set<String>> parents, Map<String, String> actual, String table, String parent) {
        String t = table.toLowerCase(Locale.ROOT);
        String p = parent.toLowerCase(Locale.ROOT);
        if (!p.equals(t) && actual.containsKey(p) && parents.containsKey(t)) {
            parents.get(t).add(p);
        }
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
