package org.smartproperty.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What {@code pg_restore} calls post-data, for a restore into PostgreSQL (issue 19 item 4): the
 * secondary indexes, unique constraints and foreign keys of the tables being loaded are recorded
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}) and dropped before the rows are copied,
 * then built again in one pass each — instead of every row of the {@code COPY} updating every index
 * and checking every foreign key. Primary keys included, as pg_restore does: a duplicate key then
 * fails when the key is added back, rolling everything back.
 *
 * <p>Everything happens on the restore's connection inside its transaction; PostgreSQL's DDL is
 * transactional, so a restore that fails anywhere (a damaged part, a row a constraint refuses, a
 * dangling reference found when a foreign key is added again) rolls back the drops with the rows
 * and leaves the target's schema as it was. The recreated objects have their original names,
 * definitions and comments, so the schema ends identical to a migrated one.
 */
final class PgPostData {

    /** Memory for the index builds of this transaction (the server's default, 64 MB, makes the larger sorts spill to disk). */
    static final String MAINTENANCE_WORK_MEM = System.getProperty("spm.restore.maintenanceWorkMem", "256MB");

    /** {@code comment}: the object's comment as an SQL literal, or null. */
    private record Item(String table, String name, String definition, String comment) {
    }

    private final List<Item> foreignKeys;
    private final List<Item> keys;
    private final List<Item> indexes;

    private PgPostData(List<Item> foreignKeys, List<Item> keys, List<Item> indexes) {
        this.foreignKeys = foreignKeys;
        this.keys = keys;
        this.indexes = indexes;
    }

    /**
     * Records and drops the foreign keys that reference or belong to {@code tables} (of the
     * connection's current schema), their primary keys and unique constraints, and their indexes
     * that back no constraint. Must run inside the transaction that loads the tables.
     */
    static PgPostData drop(Connection c, Collection<String> tables) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                + "AND relkind IN ('r', 'p') AND relname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    oids.add(rs.getLong(1));
                }
            }
        }
        java.sql.Array rel = c.createArrayOf("int8", oids.toArray());
        List<Item> fks = query(c, "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid), "
                + "quote_literal(obj_description(oid, 'pg_constraint')) FROM pg_constraint "
                + "WHERE contype = 'f' AND (conrelid::int8 = ANY (?) OR confrelid::int8 = ANY (?)) ORDER BY conrelid, conname", rel, rel);
        List<Item> keys = query(c, "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid), "
                + "quote_literal(obj_description(oid, 'pg_constraint')) FROM pg_constraint "
                + "WHERE contype IN ('p', 'u') AND conrelid::int8 = ANY (?) ORDER BY conrelid, contype, conname", rel);
        List<Item> indexes = query(c, "SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), "
                + "quote_literal(obj_description(i.indexrelid, 'pg_class')) FROM pg_index i "
                + "WHERE i.indrelid::int8 = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
                + "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) ORDER BY i.indrelid, i.indexrelid::regclass::text", rel);
        try (Statement s = c.createStatement()) {
            for (Item fk : fks) {
                s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + fk.name());
            }
            for (Item k : keys) {
                s.execute("ALTER TABLE " + k.table() + " DROP CONSTRAINT " + k.name());
            }
            for (Item i : indexes) {
                s.execute("DROP INDEX " + i.name());
            }
        }
        return new PgPostData(fks, keys, indexes);
    }

    /** Builds what {@link #drop} dropped: keys and indexes, then the foreign keys (which check every row once). */
    void recreate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '" + MAINTENANCE_WORK_MEM.replace("'", "") + "'");
            for (Item k : keys) {
                s.execute("ALTER TABLE " + k.table() + " ADD CONSTRAINT " + k.name() + " " + k.definition());
                comment(s, k, "CONSTRAINT " + k.name() + " ON " + k.table());
            }
            for (Item i : indexes) {
                s.execute(i.definition());
                comment(s, i, "INDEX " + i.name());
            }
            for (Item fk : foreignKeys) {
                s.execute("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + fk.name() + " " + fk.definition());
                comment(s, fk, "CONSTRAINT " + fk.name() + " ON " + fk.table());
            }
        }
    }

    private static void comment(Statement s, Item item, String object) throws SQLException {
        if (item.comment() != null) {
            s.execute("COMMENT ON " + object + " IS " + item.comment());
        }
    }

    /** How many objects were dropped (foreign keys, keys, indexes). */
    int size() {
        return foreignKeys.size() + keys.size() + indexes.size();
    }

    private static List<Item> query(Connection c, String sql, Object... args) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }
}
