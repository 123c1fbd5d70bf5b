package org.smartproperty.estate.internal;

import static org.smartproperty.estate.internal.RealEstateSyncImpl.*;
import static org.smartproperty.estate.internal.SyncJdbc.*;
import static org.smartproperty.estate.internal.SyncChecks.*;
import static org.smartproperty.estate.internal.SyncEstates.*;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.OwnerRecord;

/** INT-RE sync, part of {@link RealEstateSyncImpl}: house records → houses, owners and their shares (validated with their owners before anything is written). */
final class SyncHouses {

    private SyncHouses() {
    }


    static final String[] OWNER_COLUMNS = {"id", "name", "id_type", "id_number", "phone", "version", "created_at", "created_by",
        "updated_at", "updated_by"};
    static final int[] OWNER_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    static final String[] HOUSE_COLUMNS = {"id", "estate_id", "building_id", "unit_id", "unit_code", "floor_no", "room_no", "house_use",
        "planned_area", "measured_area", "status", "version", "created_at", "created_by", "updated_at", "updated_by"};
    static final int[] HOUSE_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
        Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};
    static final String[] LINK_COLUMNS = {"id", "house_id", "owner_id", "share", "created_at"};
    static final int[] LINK_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.TIMESTAMP_WITH_TIMEZONE};

    /** A stored house as far as the sync compares it. */
    static final class HouseRow {
        long id;
        long estateId;
        long buildingId;
        Long unitId;
        int floor;
        String roomNo;
        String use;
        BigDecimal planned;
        BigDecimal measured;
        String status;
        final Set<String> owners = new TreeSet<>();
    }

    /**
     * @param c where what is stored is read (the page's connection, or the preparing thread's own)
     * @param w where the writes go
     * @param pending what pages not yet committed leave (pipelined sync), or null
     */
    static void houses(Connection c, SyncWrites w, Ids ids, List<HouseRecord> in, Counters n, OffsetDateTime now, String actor,
                       SyncPending pending) throws SQLException {
        if (in.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        // the latest record of each unit code wins
        Map<String, HouseRecord> latest = new LinkedHashMap<>();
        for (HouseRecord h : in) {
            String code = unitCode(h.unitCode());
            if (code != null && UnitCode.isValid(code)) {
                latest.put(code, h);
            }
        }
        Map<String, Long> estates = estateIds(c, in.stream().filter(h -> h.projectCode() != null).map(h -> h.projectCode().trim()).toList(), pending);
        Map<String, BuildingRow> buildings = buildingsOf(c, estates.values(), pending);

        Map<String, HouseRecord> valid = new LinkedHashMap<>();
        for (HouseRecord h : in) {
            String code = unitCode(h.unitCode());
            List<String> pre = ids.prechecked == null ? null : ids.prechecked.get(h);
            List<String> why = validate(h, pre != null ? pre : precheck(h), estates, buildings);
            if (!why.isEmpty()) {
                n.skip("house " + h.unitCode() + ": " + String.join("; ", why));
            } else if (latest.get(code) == h) {
                valid.put(code, h);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        long t1 = System.nanoTime();
        ids.nanos[1] += t1 - t0;
        // what is stored
        Map<String, HouseRow> existing = new HashMap<>();
        Map<Long, HouseRow> byId = new HashMap<>();
        {
            // one array parameter: one statement (and plan) whatever the size of the page
            try (PreparedStatement ps = c.prepareStatement("SELECT unit_code, id, estate_id, building_id, unit_id, floor_no, room_no, house_use, planned_area, "
                    + "measured_area, status FROM est_house WHERE unit_code = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("VARCHAR", valid.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HouseRow r = new HouseRow();
                        r.id = rs.getLong(2);
                        r.estateId = rs.getLong(3);
                        r.buildingId = rs.getLong(4);
                        long u = rs.getLong(5);
                        r.unitId = rs.wasNull() ? null : u;
                        r.floor = rs.getInt(6);
                        r.roomNo = rs.getString(7);
                        r.use = rs.getString(8);
                        r.planned = rs.getBigDecimal(9);
                        r.measured = rs.getBigDecimal(10);
                        r.status = rs.getString(11);
                        existing.put(rs.getString(1), r);
                        byId.put(r.id, r);
                    }
                }
            }
        }
        if (!byId.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ho.house_id, o.id_type, o.id_number, ho.share FROM est_house_owner ho "
                    + "JOIN est_owner o ON o.id = ho.owner_id WHERE ho.house_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("BIGINT", byId.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).owners.add(ownerSig(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                    }
                }
            }
        }
        if (pending != null) {
            for (String code : valid.keySet()) {
                HouseRow r = pending.houses.get(code);
                if (r != null) {
                    existing.put(code, r);
                }
            }
        }
        existing.values().forEach(r -> n.storedEstates.add(r.estateId)); // the estates a house may leave: their counts are refreshed
        Map<String, Object[]> owners = new HashMap<>(); // type:number → {id, name, phone}
        Map<String, Set<String>> numbersByType = new HashMap<>(); // by type, so that the (id_type, id_number) index is used
        valid.values().forEach(h -> h.owners().forEach(o -> numbersByType.computeIfAbsent(o.idType().trim(), k -> new TreeSet<>())
                .add(idNumber(o.idNumber()))));
        for (Map.Entry<String, Set<String>> t : numbersByType.entrySet()) {
            // one array parameter: the same statement (and plan) whatever the number of owners
            try (PreparedStatement ps = c.prepareStatement("SELECT id, id_type, id_number, name, phone FROM est_owner WHERE id_type = ? AND id_number = ANY (?)")) {
                ps.setString(1, t.getKey());
                ps.setArray(2, c.createArrayOf("VARCHAR", t.getValue().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(2) + ":" + rs.getString(3), new Object[] {rs.getLong(1), rs.getString(4), rs.getString(5)});
                    }
                }
            }
        }
        if (pending != null) {
            for (Map.Entry<String, Set<String>> t : numbersByType.entrySet()) {
                for (String number : t.getValue()) {
                    Object[] row = pending.owners.get(t.getKey() + ":" + number);
                    if (row != null) {
                        owners.put(t.getKey() + ":" + number, row);
                    }
                }
            }
        }

        long t2 = System.nanoTime();
        ids.nanos[2] += t2 - t1;
        try (SyncRows insOwner = w.rows("est_owner", OWNER_COLUMNS, OWNER_TYPES);
             SyncWrites.Stmt updOwner = w.prepare("UPDATE est_owner SET name = ?, phone = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
             SyncRows insHouse = w.rows("est_house", HOUSE_COLUMNS, HOUSE_TYPES);
             SyncWrites.Stmt updHouse = w.prepare("UPDATE est_house SET estate_id = ?, building_id = ?, unit_id = ?, floor_no = ?, room_no = ?, "
                     + "house_use = ?, planned_area = ?, measured_area = ?, status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?");
             SyncWrites.Stmt delLinks = w.prepare("DELETE FROM est_house_owner WHERE house_id = ?");
             SyncRows insLink = w.rows("est_house_owner", LINK_COLUMNS, LINK_TYPES)) {
            int nUpdOwner = 0;
            int nUpdHouse = 0;
            int nDel = 0;
            for (Map.Entry<String, HouseRecord> e : valid.entrySet()) {
                HouseRecord h = e.getValue();
                long estate = estates.get(h.projectCode().trim());
                BuildingRow b = buildings.get(estate + "/" + h.buildingNumber().trim());
                Long unitId = blank(h.unitName()) ? null : b.units.get(h.unitName().trim());
                String status = h.status() != null ? h.status().trim() : h.owners().isEmpty() ? HouseStatus.UNSOLD.name() : HouseStatus.SOLD.name();
                String use = h.use().trim();
                Set<String> sig = new TreeSet<>();
                for (OwnerRecord o : h.owners()) {
                    sig.add(ownerSig(o.idType().trim(), idNumber(o.idNumber()), o.share()));
                }
                // owners (shared between houses): insert the new, update changed names / phones
                List<long[]> links = new ArrayList<>();
                for (OwnerRecord o : h.owners()) {
                    String number = idNumber(o.idNumber());
                    String key = o.idType().trim() + ":" + number;
                    String phone = blank(o.phone()) ? null : phone(o.phone());
                    Object[] row = owners.get(key);
                    if (row == null) {
                        long id = ids.next("est_owner_seq", 500);
                        row = new Object[] {id, o.name().trim(), phone};
                        owners.put(key, row);
                        if (pending != null) {
                            pending.owners.put(key, row, pending.page);
                        }
                        insOwner.add(id, o.name().trim(), o.idType().trim(), number, phone, 1L, now, actor, now, actor);
                    } else if (!Objects.equals(row[1], o.name().trim()) || !Objects.equals(row[2], phone)) {
                        row[1] = o.name().trim();
                        row[2] = phone;
                        updOwner.setString(1, o.name().trim());
                        updOwner.setString(2, phone);
                        updOwner.setObject(3, now);
                        updOwner.setString(4, actor);
                        updOwner.setLong(5, (Long) row[0]);
                        updOwner.addBatch();
                        nUpdOwner++;
                        if (pending != null) {
                            pending.owners.put(key, row, pending.page);
                        }
                    }
                    links.add(new long[] {(Long) row[0]});
                }
                HouseRow r = existing.get(e.getKey());
                long updatedBefore = n.updated;
                long houseId;
                boolean relink;
                if (r == null) {
                    houseId = ids.next("est_house_seq", 500);
                    insHouse.add(houseId, estate, b.id, unitId, e.getKey(), h.floor(), h.roomNo().trim(), use, h.plannedArea(), h.measuredArea(),
                            status, 1L, now, actor, now, actor);
                    n.created++;
                    relink = true;
                } else {
                    houseId = r.id;
                    relink = !r.owners.equals(sig);
                    boolean changed = relink || r.estateId != estate || r.buildingId != b.id || !Objects.equals(r.unitId, unitId)
                            || r.floor != h.floor() || !r.roomNo.equals(h.roomNo().trim()) || !r.use.equals(use) || !r.status.equals(status)
                            || !sameAmount(r.planned, h.plannedArea()) || !sameAmount(r.measured, h.measuredArea());
                    if (changed) {
                        updHouse.setLong(1, estate);
                        updHouse.setLong(2, b.id);
                        updHouse.setObject(3, unitId, Types.BIGINT);
                        updHouse.setInt(4, h.floor());
                        updHouse.setString(5, h.roomNo().trim());
                        updHouse.setString(6, use);
                        updHouse.setBigDecimal(7, h.plannedArea());
                        updHouse.setBigDecimal(8, h.measuredArea());
                        updHouse.setString(9, status);
                        updHouse.setObject(10, now);
                        updHouse.setString(11, actor);
                        updHouse.setLong(12, houseId);
                        updHouse.addBatch();
                        nUpdHouse++;
                        n.updated++;
                    }
                    if (relink) {
                        delLinks.setLong(1, houseId);
                        delLinks.addBatch();
                        nDel++;
                    }
                }
                if (pending != null && (r == null || relink || n.updated > updatedBefore)) {
                    HouseRow now2 = new HouseRow();
                    now2.id = houseId;
                    now2.estateId = estate;
                    now2.buildingId = b.id;
                    now2.unitId = unitId;
                    now2.floor = h.floor();
                    now2.roomNo = h.roomNo().trim();
                    now2.use = use;
                    now2.planned = h.plannedArea();
                    now2.measured = h.measuredArea();
                    now2.status = status;
                    now2.owners.addAll(sig);
                    pending.houses.put(e.getKey(), now2, pending.page);
                }
                if (relink) {
                    for (int i = 0; i < links.size(); i++) {
                        insLink.add(ids.next("est_house_owner_seq", 500), houseId, links.get(i)[0], h.owners().get(i).share(), now);
                    }
                }
            }
            long t3 = System.nanoTime();
            ids.nanos[3] += t3 - t2;
            // in the order of the foreign keys: owners and houses before their links
            insOwner.flush();
            if (nUpdOwner > 0) {
                updOwner.executeBatch();
            }
            insHouse.flush();
            if (nUpdHouse > 0) {
                updHouse.executeBatch();
            }
            if (nDel > 0) {
                delLinks.executeBatch();
            }
            insLink.flush();
            ids.nanos[4] += System.nanoTime() - t3;
        }
    }
}
