package org.smartproperty.estate.internal;

import static org.smartproperty.estate.internal.RealEstateSyncImpl.*;
import static org.smartproperty.estate.internal.SyncJdbc.*;
import static org.smartproperty.estate.internal.SyncChecks.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.smartproperty.estate.sync.BuildingRecord;
import org.smartproperty.estate.sync.ProjectRecord;

/** INT-RE sync, part of {@link RealEstateSyncImpl}: project records → estates, building records → buildings and units (upsert by natural keys). */
final class SyncEstates {

    private SyncEstates() {
    }


    /**
     * @param c where what is stored is read (the page's connection, or the preparing thread's own)
     * @param w where the writes go
     * @param pending what pages not yet committed leave (pipelined sync), or null
     */
    static void projects(Connection c, SyncWrites w, Ids ids, List<ProjectRecord> in, Counters n, OffsetDateTime now, String actor,
                         SyncPending pending) throws SQLException {
        Map<String, ProjectRecord> valid = new LinkedHashMap<>();
        for (ProjectRecord p : in) {
            List<String> why = new ArrayList<>();
            if (blank(p.projectCode()) || p.projectCode().trim().length() > 64) {
                why.add("projectCode");
            }
            if (blank(p.name()) || p.name().length() > 200) {
                why.add("name");
            }
            if (blank(p.address()) || p.address().length() > 400) {
                why.add("address");
            }
            if (blank(p.community()) || p.community().length() > 100) {
                why.add("community");
            }
            if (p.adminCode() == null || !p.adminCode().trim().matches("\\d{9}|\\d{12}")) {
                why.add("adminCode");
            }
            if ((p.longitude() == null) != (p.latitude() == null) || (p.longitude() != null && (!EstateValidation.inRange(p.longitude(),
                    EstateValidation.MIN_LON, EstateValidation.MAX_LON) || !EstateValidation.inRange(p.latitude(), EstateValidation.MIN_LAT, EstateValidation.MAX_LAT)))) {
                why.add("location");
            }
            if (!why.isEmpty()) {
                n.skip("project " + p.projectCode() + ": invalid " + why);
                continue;
            }
            valid.put(p.projectCode().trim(), p);
        }
        if (valid.isEmpty()) {
            return;
        }
        Map<String, Object[]> existing = new HashMap<>();
        for (List<String> chunk : chunks(valid.keySet())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, id, name, address, community, admin_code, longitude, latitude, developer "
                    + "FROM est_estate WHERE project_code IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), (Double) rs.getObject(7, Double.class), (Double) rs.getObject(8, Double.class), rs.getString(9)});
                    }
                }
            }
        }
        if (pending != null) {
            for (String code : valid.keySet()) {
                Object[] row = pending.estates.get(code);
                if (row != null) {
                    existing.put(code, row);
                }
            }
        }
        try (SyncWrites.Stmt ins = w.prepare("INSERT INTO est_estate (id, project_code, name, address, community, admin_code, longitude, "
                + "latitude, developer, status, version, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,'ACTIVE',1,?,?,?,?)");
             SyncWrites.Stmt upd = w.prepare("UPDATE est_estate SET name = ?, address = ?, community = ?, admin_code = ?, longitude = ?, "
                     + "latitude = ?, developer = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
            boolean anyIns = false;
            boolean anyUpd = false;
            for (Map.Entry<String, ProjectRecord> e : valid.entrySet()) {
                ProjectRecord p = e.getValue();
                Object[] row = existing.get(e.getKey());
                String developer = blank(p.developer()) ? null : p.developer().trim();
                if (row == null) {
                    long id = ids.next("est_estate_seq", 50);
                    if (pending != null) {
                        pending.estates.put(e.getKey(), new Object[] {id, p.name().trim(), p.address().trim(), p.community().trim(),
                            p.adminCode().trim(), p.longitude(), p.latitude(), developer}, pending.page);
                    }
                    ins.setLong(1, id);
                    ins.setString(2, e.getKey());
                    ins.setString(3, p.name().trim());
                    ins.setString(4, p.address().trim());
                    ins.setString(5, p.community().trim());
                    ins.setString(6, p.adminCode().trim());
                    ins.setObject(7, p.longitude(), java.sql.Types.DOUBLE);
                    ins.setObject(8, p.latitude(), java.sql.Types.DOUBLE);
                    ins.setString(9, developer);
                    ins.setObject(10, now);
                    ins.setString(11, actor);
                    ins.setObject(12, now);
                    ins.setString(13, actor);
                    ins.addBatch();
                    anyIns = true;
                    n.created++;
                } else if (!Objects.equals(row[1], p.name().trim()) || !Objects.equals(row[2], p.address().trim())
                        || !Objects.equals(row[3], p.community().trim()) || !Objects.equals(row[4], p.adminCode().trim())
                        || !Objects.equals(row[5], p.longitude()) || !Objects.equals(row[6], p.latitude()) || !Objects.equals(row[7], developer)) {
                    upd.setString(1, p.name().trim());
                    upd.setString(2, p.address().trim());
                    upd.setString(3, p.community().trim());
                    upd.setString(4, p.adminCode().trim());
                    upd.setObject(5, p.longitude(), java.sql.Types.DOUBLE);
                    upd.setObject(6, p.latitude(), java.sql.Types.DOUBLE);
                    upd.setString(7, developer);
                    upd.setObject(8, now);
                    upd.setString(9, actor);
                    upd.setLong(10, (Long) row[0]);
                    upd.addBatch();
                    if (pending != null) {
                        pending.estates.put(e.getKey(), new Object[] {row[0], p.name().trim(), p.address().trim(), p.community().trim(),
                            p.adminCode().trim(), p.longitude(), p.latitude(), developer}, pending.page);
                    }
                    anyUpd = true;
                    n.updated++;
                }
            }
            if (anyIns) {
                ins.executeBatch();
            }
            if (anyUpd) {
                upd.executeBatch();
            }
        }
    }

    static Map<String, Long> estateIds(Connection c, Collection<String> codes) throws SQLException {
        return estateIds(c, codes, null);
    }

    static Map<String, Long> estateIds(Connection c, Collection<String> codes, SyncPending pending) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (pending != null) {
            for (String code : codes) {
                Object[] row = pending.estates.get(code);
                if (row != null) {
                    out.put(code, (Long) row[0]);
                }
            }
        }
        for (List<String> chunk : chunks(new TreeSet<>(codes))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, id FROM est_estate WHERE project_code IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ buildings

    static final String[] BUILDING_COLUMNS = {"id", "estate_id", "number", "name", "floors_above", "floors_below", "version", "created_at",
        "created_by", "updated_at", "updated_by"};
    static final int[] BUILDING_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    static final String[] UNIT_COLUMNS = {"id", "building_id", "name", "ordinal"};
    static final int[] UNIT_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER};

    /** A stored building with its units (name → id). */
    static final class BuildingRow {
        long id;
        String name;
        int floorsAbove;
        int floorsBelow;
        final Map<String, Long> units = new HashMap<>();
    }

    /** (estate id + '/' + number) → building, for all buildings of the given estates. */
    static Map<String, BuildingRow> buildingsOf(Connection c, Collection<Long> estateIds) throws SQLException {
        return buildingsOf(c, estateIds, null);
    }

    /** The same, with what pages not yet committed leave laid over what is stored. */
    static Map<String, BuildingRow> buildingsOf(Connection c, Collection<Long> estateIds, SyncPending pending) throws SQLException {
        Map<String, BuildingRow> out = new HashMap<>();
        Map<Long, BuildingRow> byId = new HashMap<>();
        for (List<Long> chunk : chunks(new TreeSet<>(estateIds))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, estate_id, number, name, floors_above, floors_below FROM est_building WHERE estate_id IN ("
                    + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BuildingRow b = new BuildingRow();
                        b.id = rs.getLong(1);
                        b.name = rs.getString(4);
                        b.floorsAbove = rs.getInt(5);
                        b.floorsBelow = rs.getInt(6);
                        out.put(rs.getLong(2) + "/" + rs.getString(3), b);
                        byId.put(b.id, b);
                    }
                }
            }
        }
        for (List<Long> chunk : chunks(new TreeSet<>(byId.keySet()))) {
            try (PreparedStatement ps = c.prepareStatement("SELECT building_id, name, id FROM est_building_unit WHERE building_id IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).units.put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
        }
        if (pending != null && pending.buildings.size() > 0) {
            Set<String> prefixes = new HashSet<>();
            estateIds.forEach(id -> prefixes.add(id + "/"));
            for (Map.Entry<String, BuildingRow> e : pending.buildings.entries()) {
                String k = e.getKey();
                if (prefixes.contains(k.substring(0, k.indexOf('/') + 1))) {
                    out.put(k, e.getValue());
                }
            }
        }
        return out;
    }

    static void buildings(Connection c, SyncWrites w, Ids ids, List<BuildingRecord> in, Counters n, OffsetDateTime now, String actor,
                          SyncPending pending) throws SQLException {
        if (in.isEmpty()) {
            return;
        }
        Map<String, Long> estates = estateIds(c, in.stream().filter(b -> b.projectCode() != null).map(b -> b.projectCode().trim()).toList(), pending);
        Map<String, BuildingRow> existing = buildingsOf(c, estates.values(), pending);
        // new buildings and units as rows (COPY on PostgreSQL, as the houses), changed buildings by UPDATE
        try (SyncRows ins = w.rows("est_building", BUILDING_COLUMNS, BUILDING_TYPES);
             SyncWrites.Stmt upd = w.prepare("UPDATE est_building SET name = ?, floors_above = ?, floors_below = ?, version = version + 1, "
                     + "updated_at = ?, updated_by = ? WHERE id = ?");
             SyncRows unit = w.rows("est_building_unit", UNIT_COLUMNS, UNIT_TYPES)) {
            boolean anyUpd = false;
            for (BuildingRecord b : in) {
                List<String> why = new ArrayList<>();
                Long estate = b.projectCode() == null ? null : estates.get(b.projectCode().trim());
                if (estate == null) {
                    why.add("project unknown");
                }
                if (blank(b.number()) || b.number().trim().length() > 32) {
                    why.add("number");
                }
                if (b.floorsAbove() == null || b.floorsAbove() < 1 || b.floorsAbove() > 200) {
                    why.add("floorsAbove");
                }
                if (b.floorsBelow() == null || b.floorsBelow() < 0 || b.floorsBelow() > 20) {
                    why.add("floorsBelow");
                }
                List<String> units = b.units() == null ? List.of() : b.units();
                if (units.stream().anyMatch(u -> blank(u) || u.trim().length() > 32) || new HashSet<>(units).size() != units.size()) {
                    why.add("units");
                }
                if (!why.isEmpty()) {
                    n.skip("building " + b.projectCode() + "/" + b.number() + ": invalid " + why);
                    continue;
                }
                String key = estate + "/" + b.number().trim();
                BuildingRow row = existing.get(key);
                String name = blank(b.name()) ? null : b.name().trim();
                boolean isNew = row == null;
                boolean changed = false;
                if (isNew) {
                    row = new BuildingRow();
                    row.id = ids.next("est_building_seq", 50);
                    row.name = name;
                    row.floorsAbove = b.floorsAbove();
                    row.floorsBelow = b.floorsBelow();
                    existing.put(key, row);
                    ins.add(row.id, estate, b.number().trim(), name, b.floorsAbove(), b.floorsBelow(), 1L, now, actor, now, actor);
                    n.created++;
                } else if (!Objects.equals(row.name, name) || row.floorsAbove != b.floorsAbove() || row.floorsBelow != b.floorsBelow()) {
                    row.name = name;
                    row.floorsAbove = b.floorsAbove();
                    row.floorsBelow = b.floorsBelow();
                    upd.setString(1, name);
                    upd.setInt(2, b.floorsAbove());
                    upd.setInt(3, b.floorsBelow());
                    upd.setObject(4, now);
                    upd.setString(5, actor);
                    upd.setLong(6, row.id);
                    upd.addBatch();
                    anyUpd = true;
                    changed = true;
                }
                boolean unitsAdded = false;
                for (int i = 0; i < units.size(); i++) {
                    String u = units.get(i).trim();
                    if (!row.units.containsKey(u)) {
                        unitsAdded = true;
                        long id = ids.next("est_building_unit_seq", 50);
                        row.units.put(u, id);
                        unit.add(id, row.id, u, row.units.size());
                        changed |= !isNew;
                    }
                }
                if (changed) {
                    n.updated++;
                }
                if (pending != null && (isNew || changed || unitsAdded)) {
                    pending.buildings.put(key, row, pending.page);
                }
            }
            ins.flush(); // buildings before their units (foreign key)
            if (anyUpd) {
                upd.executeBatch();
            }
            unit.flush();
        }
    }
}
