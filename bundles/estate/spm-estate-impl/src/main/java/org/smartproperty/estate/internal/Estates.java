package org.smartproperty.estate.internal;

import static org.smartproperty.platform.persistence.Jpql.likeEscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.EstatePoint;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;

/** SUP-EST-1 (estates) and the building table of SUP-EST-2, for {@link EstateServiceImpl}; one transaction per method. */
final class Estates {

    private final Transactions tx;
    private final EstateSupport support;
    private final ObjectMapper json;

    Estates(Transactions tx, EstateSupport support) {
        this.tx = tx;
        this.support = support;
        this.json = support.json();
    }

    // ---------------------------------------------------------------- estates (SUP-EST-1)

    Page<Estate> list(DataScope scope, EstateQuery q, PageRequest page) {
        return tx.read(em -> {
            Map<String, Object> params = new HashMap<>();
            String where = where(scope, q, params);
            Jpql.Rows<EstateEntity> found = Jpql.page(em, EstateEntity.class, "e", where, params, page);
            List<Estate> items = found.rows().stream().map(e -> toDto(e, e.buildingCount, e.houseCount)).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    /** MAP-1: the located estates of the query as light points by id, at most {@code limit}; one query, no count. */
    List<EstatePoint> points(DataScope scope, EstateQuery q, int limit) {
        return tx.read(em -> {
            Map<String, Object> params = new HashMap<>();
            String where = where(scope, q, params) + " AND e.longitude IS NOT NULL AND e.latitude IS NOT NULL";
            javax.persistence.TypedQuery<Object[]> query = em.createQuery("SELECT e.id, e.name, e.community, e.companyId, "
                    + "e.companyName, e.houseCount, e.longitude, e.latitude FROM EstateEntity e" + where + " ORDER BY e.id",
                    Object[].class);
            params.forEach(query::setParameter);
            List<EstatePoint> out = new ArrayList<>();
            for (Object[] r : query.setMaxResults(Math.max(0, limit)).getResultList()) {
                out.add(new EstatePoint(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).longValue(),
                        ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue()));
            }
            return out;
        });
    }

    /** The WHERE clause of the estate list and points (alias {@code e}): scope, name, community, company, status, bbox. */
    private static String where(DataScope scope, EstateQuery q, Map<String, Object> params) {
        EstateQuery query = q == null ? EstateQuery.all() : q;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        where.append(EstateScopes.estateScope(scope, "e", params));
        if (query.name() != null && !query.name().isBlank()) {
            where.append(" AND LOWER(e.name) LIKE :name ESCAPE '\\'");
            params.put("name", "%" + likeEscape(query.name().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.community() != null && !query.community().isBlank()) {
            where.append(" AND e.community = :community");
            params.put("community", query.community().trim());
        }
        if (query.companyId() != null) {
            where.append(" AND e.companyId = :companyId");
            params.put("companyId", query.companyId());
        }
        if (query.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", query.status());
        }
        if (query.bbox() != null) {
            double[] b = query.bbox();
            where.append(" AND e.longitude BETWEEN :minLon AND :maxLon AND e.latitude BETWEEN :minLat AND :maxLat");
            params.put("minLon", b[0]);
            params.put("minLat", b[1]);
            params.put("maxLon", b[2]);
            params.put("maxLat", b[3]);
        }
        return where.toString();
    }

    Estate get(DataScope scope, long id) {
        return tx.read(em -> toDto(em, EstateScopes.findInScope(em, scope, id)));
    }

    Estate create(EstateInput input, String actor) {
        Validation v = EstateValidation.newValidation();
        EstateValidation.estate(input, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            checkProjectCode(em, input.projectCode(), null);
            EstateEntity e = new EstateEntity();
            apply(e, input);
            e.status = EstateStatus.ACTIVE;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            support.audit(em, actor, "estate.create", "estate", e.id, AuditEvent.summary("name", e.name));
            return toDto(e, 0, 0);
        });
    }

    Estate update(long id, long expectedVersion, EstateInput input, String actor) {
        Validation v = EstateValidation.newValidation();
        EstateValidation.estate(input, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            EstateEntity e = EstateScopes.find(em, id);
            EstateSupport.checkVersion(e.getVersion(), expectedVersion);
            if (e.status == EstateStatus.ARCHIVED) {
                throw ApiException.conflict(EstateMessages.TEXTS, "estate.archived", e.name);
            }
            checkProjectCode(em, input.projectCode(), e.id);
            List<Object> before = Arrays.asList(e.name, e.getVersion());
            apply(e, input);
            e.touchedBy(actor);
            em.flush();
            support.audit(em, actor, "estate.update", "estate", e.id,
                    AuditEvent.summary("before", before, "after", Arrays.asList(e.name, e.getVersion())));
            return toDto(em, e);
        });
    }

    Estate archive(long id, long expectedVersion, String actor) {
        return tx.write(em -> {
            EstateEntity e = EstateScopes.find(em, id);
            EstateSupport.checkVersion(e.getVersion(), expectedVersion);
            if (e.status == EstateStatus.ARCHIVED) {
                throw ApiException.conflict(EstateMessages.TEXTS, "estate.alreadyArchived", e.name);
            }
            e.status = EstateStatus.ARCHIVED;
            e.touchedBy(actor);
            em.flush();
            support.audit(em, actor, "estate.archive", "estate", e.id, AuditEvent.summary("status", EstateStatus.ARCHIVED.name()));
            return toDto(em, e);
        });
    }

    private void checkProjectCode(EntityManager em, String projectCode, Long self) {
        if (projectCode == null || projectCode.isBlank()) {
            return;
        }
        List<Long> ids = em.createQuery("SELECT e.id FROM EstateEntity e WHERE e.projectCode = :p", Long.class)
                .setParameter("p", projectCode.trim()).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(EstateMessages.TEXTS, "estate.projectCodeDuplicate", projectCode.trim());
        }
    }

    private void apply(EstateEntity e, EstateInput in) {
        e.projectCode = EstateSupport.blankToNull(in.projectCode());
        e.name = in.name().trim();
        e.address = in.address().trim();
        e.community = in.community().trim();
        e.adminCode = in.adminCode().trim();
        e.longitude = in.location() == null ? null : in.location().longitude();
        e.latitude = in.location() == null ? null : in.location().latitude();
        try {
            e.boundary = in.boundary() == null ? null : json.writeValueAsString(in.boundary());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.developer = EstateSupport.blankToNull(in.developer());
        e.companyId = in.companyId();
        e.companyName = EstateSupport.blankToNull(in.companyName());
        e.feeStandard = in.feeStandard();
        e.overview = EstateSupport.blankToNull(in.overview());
    }

    /** The estate as read in this transaction, with its stored counts (issue 11 item 4: one indexed query per estate read). */
    private Estate toDto(EntityManager em, EstateEntity e) {
        return toDto(e, e.buildingCount, e.houseCount);
    }

    private Estate toDto(EstateEntity e, long buildings, long houses) {
        Map<String, Object> boundary = null;
        if (e.boundary != null) {
            try {
                boundary = json.readValue(e.boundary, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (JsonProcessingException ex) {
                boundary = null; // stored by us, always valid; never fail a read on it
            }
        }
        GeoPoint location = e.longitude == null ? null : new GeoPoint(e.longitude, e.latitude);
        return new Estate(e.id, e.projectCode, e.name, e.address, e.community, e.adminCode, location, boundary, e.developer,
                e.companyId, e.companyName, e.feeStandard, e.overview, e.status, buildings, houses, e.getVersion(),
                e.getCreatedAt(), e.getUpdatedAt());
    }

    // ---------------------------------------------------------------- building table (SUP-EST-2)

    List<Building> buildings(DataScope scope, long estateId) {
        return tx.read(em -> {
            EstateScopes.findInScope(em, scope, estateId);
            List<BuildingEntity> bs = em.createQuery("SELECT b FROM BuildingEntity b WHERE b.estateId = :e ORDER BY b.id", BuildingEntity.class)
                    .setParameter("e", estateId).getResultList();
            List<Long> ids = bs.stream().map(b -> b.id).toList();
            Map<Long, List<BuildingUnitEntity>> units = new HashMap<>();
            // unit id 0 collects houses without a unit
            Map<Long, Map<Long, TreeMap<Integer, Long>>> floors = new HashMap<>();
            Map<Long, Long> houseCounts = new HashMap<>();
            if (!ids.isEmpty()) {
                for (BuildingUnitEntity u : em.createQuery("SELECT u FROM BuildingUnitEntity u WHERE u.buildingId IN :ids ORDER BY u.ordinal", BuildingUnitEntity.class)
                        .setParameter("ids", ids).getResultList()) {
                    units.computeIfAbsent(u.buildingId, k -> new ArrayList<>()).add(u);
                }
                for (Object[] r : em.createQuery("SELECT h.buildingId, h.unitId, h.floor, COUNT(h) FROM HouseEntity h WHERE h.estateId = :e "
                        + "GROUP BY h.buildingId, h.unitId, h.floor", Object[].class).setParameter("e", estateId).getResultList()) {
                    long bId = ((Number) r[0]).longValue();
                    long uId = r[1] == null ? 0L : ((Number) r[1]).longValue();
                    int floor = ((Number) r[2]).intValue();
                    long n = ((Number) r[3]).longValue();
                    floors.computeIfAbsent(bId, k -> new HashMap<>()).computeIfAbsent(uId, k -> new TreeMap<>()).merge(floor, n, Long::sum);
                    houseCounts.merge(bId, n, Long::sum);
                }
            }
            List<Building> out = new ArrayList<>();
            for (BuildingEntity b : bs) {
                Map<Long, TreeMap<Integer, Long>> byUnit = floors.getOrDefault(b.id, Map.of());
                List<Building.BuildingUnit> us = new ArrayList<>();
                for (BuildingUnitEntity u : units.getOrDefault(b.id, List.of())) {
                    us.add(new Building.BuildingUnit(u.id, u.name, floorList(byUnit.get(u.id))));
                }
                if (byUnit.containsKey(0L)) {
                    us.add(new Building.BuildingUnit(0, "", floorList(byUnit.get(0L))));
                }
                out.add(new Building(b.id, b.estateId, b.number, b.name, b.floorsAbove, b.floorsBelow, us,
                        houseCounts.getOrDefault(b.id, 0L), b.getVersion()));
            }
            return out;
        });
    }

    private static List<Building.Floor> floorList(TreeMap<Integer, Long> m) {
        if (m == null) {
            return List.of();
        }
        return m.descendingMap().entrySet().stream().map(en -> new Building.Floor(en.getKey(), en.getValue())).toList();
    }

    Building createBuilding(long estateId, BuildingInput in, String actor) {
        Validation v = EstateValidation.newValidation();
        if (in == null) {
            v.required("$", null);
        } else {
            if (v.required("number", in.number())) {
                v.maxLength("number", in.number(), 32);
            }
            v.maxLength("name", in.name(), 100);
            if (v.required("floorsAbove", in.floorsAbove()) && (in.floorsAbove() < 1 || in.floorsAbove() > 200)) {
                v.error(Messages.PLATFORM, "floorsAbove", "field.range", 1, 200);
            }
            if (in.floorsBelow() != null && (in.floorsBelow() < 0 || in.floorsBelow() > 20)) {
                v.error(Messages.PLATFORM, "floorsBelow", "field.range", 0, 20);
            }
            if (in.units() != null) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < in.units().size(); i++) {
                    String u = in.units().get(i);
                    if (v.required("units[" + i + "]", u) && v.maxLength("units[" + i + "]", u, 32) && !seen.add(u.trim())) {
                        v.error("units[" + i + "]", "building.duplicate", u);
                    }
                }
            }
        }
        v.throwIfInvalid();
        return tx.write(em -> {
            EstateEntity e = EstateScopes.find(em, estateId);
            if (e.status == EstateStatus.ARCHIVED) {
                throw ApiException.conflict(EstateMessages.TEXTS, "estate.archived", e.name);
            }
            String number = in.number().trim();
            if (!em.createQuery("SELECT b.id FROM BuildingEntity b WHERE b.estateId = :e AND b.number = :n", Long.class)
                    .setParameter("e", estateId).setParameter("n", number).getResultList().isEmpty()) {
                throw ApiException.conflict(EstateMessages.TEXTS, "building.duplicate", number);
            }
            BuildingEntity b = new BuildingEntity();
            b.estateId = estateId;
            b.number = number;
            b.name = EstateSupport.blankToNull(in.name());
            b.floorsAbove = in.floorsAbove();
            b.floorsBelow = in.floorsBelow() == null ? 0 : in.floorsBelow();
            b.touchedBy(actor);
            em.persist(b);
            em.flush();
            List<Building.BuildingUnit> us = new ArrayList<>();
            int ordinal = 0;
            for (String name : in.units() == null ? List.<String>of() : in.units()) {
                BuildingUnitEntity u = new BuildingUnitEntity();
                u.buildingId = b.id;
                u.name = name.trim();
                u.ordinal = ordinal++;
                em.persist(u);
                em.flush();
                us.add(new Building.BuildingUnit(u.id, u.name, List.of()));
            }
            EstateCounts.refresh(em, estateId);
            support.audit(em, actor, "building.create", "building", b.id, AuditEvent.summary("estate", estateId, "number", b.number));
            return new Building(b.id, estateId, b.number, b.name, b.floorsAbove, b.floorsBelow, us, 0, b.getVersion());
        });
    }
}
