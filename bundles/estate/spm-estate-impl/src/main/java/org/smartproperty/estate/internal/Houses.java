package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.Owner;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-EST-2 houses and owners for {@link EstateServiceImpl}: lists and single houses (owners masked,
 * ID-2, unless the full view is asked for and audited), house import, owners; one transaction per method.
 */
final class Houses {

    private static final BigDecimal MAX_AREA = new BigDecimal("100000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Transactions tx;
    private final EstateSupport support;

    Houses(Transactions tx, EstateSupport support) {
        this.tx = tx;
        this.support = support;
    }

    Page<House> houses(DataScope scope, long estateId, HouseQuery q, PageRequest page) {
        HouseQuery query = q == null ? new HouseQuery(null, null, null, null) : q;
        return tx.read(em -> {
            EstateScopes.findInScope(em, scope, estateId);
            StringBuilder where = new StringBuilder(" WHERE h.estateId = :e");
            Map<String, Object> params = new HashMap<>();
            params.put("e", estateId);
            where.append(EstateScopes.houseScope(scope, "h", params));
            if (query.buildingId() != null) {
                where.append(" AND h.buildingId = :b");
                params.put("b", query.buildingId());
            }
            if (query.floor() != null) {
                where.append(" AND h.floor = :f");
                params.put("f", query.floor());
            }
            if (query.status() != null) {
                where.append(" AND h.status = :s");
                params.put("s", query.status());
            }
            if (query.use() != null) {
                where.append(" AND h.use = :u");
                params.put("u", query.use());
            }
            Jpql.Rows<HouseEntity> found = Jpql.page(em, HouseEntity.class, "h", where.toString(), params, page);
            long total = found.total();
            List<HouseEntity> rows = found.rows();
            return new Page<>(toHouses(em, rows, false), page.page(), page.size(), total);
        });
    }

    House house(DataScope scope, String unitCode) {
        String code = UnitCode.normalize(unitCode);
        return tx.read(em -> toHouses(em, List.of(EstateScopes.findHouseInScope(em, scope, code)), false).get(0));
    }

    House houseUnmasked(DataScope scope, String unitCode, String actor) {
        String code = UnitCode.normalize(unitCode);
        return tx.write(em -> {
            HouseEntity h = EstateScopes.findHouseInScope(em, scope, code);
            House house = toHouses(em, List.of(h), true).get(0);
            support.audit(em, actor, "owner.view-full", "house", code, AuditEvent.summary("owners", house.owners().size()));
            return house;
        });
    }

    House createHouse(long estateId, HouseInput input, String actor) {
        return tx.write(em -> {
            List<HouseEntity> created = insertHouses(em, estateId, List.of(input), false, actor);
            support.audit(em, actor, "house.create", "house", created.get(0).unitCode, AuditEvent.summary("estate", estateId));
            return toHouses(em, created, false).get(0);
        });
    }

    int createHouses(long estateId, List<HouseInput> inputs, String actor) {
        if (inputs == null || inputs.isEmpty()) {
            return 0;
        }
        return tx.write(em -> {
            int n = insertHouses(em, estateId, inputs, true, actor).size();
            support.audit(em, actor, "house.import", "estate", estateId, AuditEvent.summary("houses", n));
            return n;
        });
    }

    /** Validates everything first (all field errors at once), then writes; the caller's transaction makes it all-or-nothing. */
    private List<HouseEntity> insertHouses(EntityManager em, long estateId, List<HouseInput> inputs, boolean indexed, String actor) {
        EstateEntity estate = EstateScopes.find(em, estateId);
        if (estate.status == EstateStatus.ARCHIVED) {
            throw ApiException.conflict(EstateMessages.TEXTS, "estate.archived", estate.name);
        }
        Map<Long, BuildingEntity> buildings = new HashMap<>();
        for (BuildingEntity b : em.createQuery("SELECT b FROM BuildingEntity b WHERE b.estateId = :e", BuildingEntity.class)
                .setParameter("e", estateId).getResultList()) {
            buildings.put(b.id, b);
        }
        Map<Long, Map<String, Long>> unitIds = new HashMap<>();
        if (!buildings.isEmpty()) {
            for (BuildingUnitEntity u : em.createQuery("SELECT u FROM BuildingUnitEntity u WHERE u.buildingId IN :ids", BuildingUnitEntity.class)
                    .setParameter("ids", buildings.keySet()).getResultList()) {
                unitIds.computeIfAbsent(u.buildingId, k -> new HashMap<>()).put(u.name, u.id);
            }
        }
        Validation v = EstateValidation.newValidation();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String p = indexed ? "houses[" + i + "]." : "";
            HouseInput h = inputs.get(i);
            if (h == null) {
                v.required(indexed ? "houses[" + i + "]" : "$", null);
                continue;
            }
            List<String> codeErrors = UnitCode.violations(h.unitCode());
            if (!codeErrors.isEmpty()) {
                codeErrors.forEach(k -> v.error(p + "unitCode", k));
            } else if (!codes.add(UnitCode.normalize(h.unitCode()))) {
                v.error(p + "unitCode", "unitCode.duplicateInRequest", UnitCode.normalize(h.unitCode()));
            }
            BuildingEntity b = null;
            if (v.required(p + "buildingId", h.buildingId())) {
                b = buildings.get(h.buildingId());
                if (b == null) {
                    v.error(p + "buildingId", "building.notInEstate", h.buildingId());
                }
            }
            if (b != null && h.unitName() != null && !h.unitName().isBlank()
                    && !unitIds.getOrDefault(b.id, Map.of()).containsKey(h.unitName().trim())) {
                v.error(p + "unitName", "building.unitUnknown", h.unitName());
            }
            if (v.required(p + "floor", h.floor()) && b != null && (h.floor() == 0 || h.floor() > b.floorsAbove || h.floor() < -b.floorsBelow)) {
                v.error(p + "floor", "building.floorRange", b.floorsBelow, b.floorsAbove);
            }
            if (v.required(p + "roomNo", h.roomNo())) {
                v.maxLength(p + "roomNo", h.roomNo(), 32);
            }
            v.required(p + "use", h.use());
            area(v, p + "plannedArea", h.plannedArea());
            area(v, p + "measuredArea", h.measuredArea());
            if (h.owners() != null) {
                BigDecimal total = BigDecimal.ZERO;
                for (int j = 0; j < h.owners().size(); j++) {
                    OwnerInput o = h.owners().get(j);
                    EstateValidation.owner(o, p + "owners[" + j + "].", v);
                    if (o != null && o.share() != null) {
                        total = total.add(o.share());
                    }
                }
                if (total.compareTo(HUNDRED) > 0) {
                    v.error(p + "owners", "owner.sharesTotal");
                }
            }
        }
        v.throwIfInvalid();

        // duplicates against what is stored: 409 naming the first code
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += EstateSupport.IN_CHUNK) {
            List<String> existing = em.createQuery("SELECT h.unitCode FROM HouseEntity h WHERE h.unitCode IN :c", String.class)
                    .setParameter("c", all.subList(i, Math.min(all.size(), i + EstateSupport.IN_CHUNK))).getResultList();
            if (!existing.isEmpty()) {
                throw ApiException.conflict(EstateMessages.TEXTS, "unitCode.duplicate", existing.get(0));
            }
        }
        Map<String, OwnerEntity> owners = findOwners(em, inputs.stream().filter(h -> h.owners() != null).flatMap(h -> h.owners().stream()).toList());
        List<HouseEntity> created = new ArrayList<>(inputs.size());
        List<Object[]> links = new ArrayList<>();
        for (HouseInput h : inputs) {
            HouseEntity e = new HouseEntity();
            e.estateId = estateId;
            e.buildingId = h.buildingId();
            e.unitId = h.unitName() == null || h.unitName().isBlank() ? null : unitIds.get(h.buildingId()).get(h.unitName().trim());
            e.unitCode = UnitCode.normalize(h.unitCode());
            e.floor = h.floor();
            e.roomNo = h.roomNo().trim();
            e.use = h.use();
            e.plannedArea = h.plannedArea();
            e.measuredArea = h.measuredArea();
            e.status = h.status() != null ? h.status() : (h.owners() == null || h.owners().isEmpty() ? HouseStatus.UNSOLD : HouseStatus.SOLD);
            e.touchedBy(actor);
            em.persist(e);
            created.add(e);
            if (h.owners() != null) {
                for (OwnerInput o : h.owners()) {
                    OwnerEntity oe = owners.computeIfAbsent(ownerKey(o.idType(), o.idNumber()), k -> newOwner(em, o, actor));
                    links.add(new Object[] {e, oe, o.share()});
                }
            }
        }
        em.flush();
        for (Object[] l : links) {
            HouseOwnerEntity ho = new HouseOwnerEntity();
            ho.houseId = ((HouseEntity) l[0]).id;
            ho.ownerId = ((OwnerEntity) l[1]).id;
            ho.share = (BigDecimal) l[2];
            em.persist(ho);
        }
        em.flush();
        EstateCounts.refresh(em, estateId);
        return created;
    }

    private static void area(Validation v, String field, BigDecimal a) {
        if (a != null && (a.signum() <= 0 || a.compareTo(MAX_AREA) > 0)) {
            v.error(field, "house.area");
        }
    }

    private static String ownerKey(IdType type, String number) {
        return type.name() + ":" + IdDocuments.normalize(number);
    }

    private static OwnerEntity newOwner(EntityManager em, OwnerInput o, String actor) {
        OwnerEntity oe = new OwnerEntity();
        oe.name = o.name().trim();
        oe.idType = o.idType();
        oe.idNumber = IdDocuments.normalize(o.idNumber());
        oe.phone = o.phone() == null || o.phone().isBlank() ? null : EstateValidation.normalizePhone(o.phone());
        oe.touchedBy(actor);
        em.persist(oe);
        return oe;
    }

    /** Existing owners for the given documents, keyed by type:number. */
    private static Map<String, OwnerEntity> findOwners(EntityManager em, Collection<OwnerInput> inputs) {
        Map<String, OwnerEntity> out = new HashMap<>();
        List<String> numbers = inputs.stream().map(o -> IdDocuments.normalize(o.idNumber())).distinct().toList();
        for (int i = 0; i < numbers.size(); i += EstateSupport.IN_CHUNK) {
            for (OwnerEntity o : em.createQuery("SELECT o FROM OwnerEntity o WHERE o.idNumber IN :n", OwnerEntity.class)
                    .setParameter("n", numbers.subList(i, Math.min(numbers.size(), i + EstateSupport.IN_CHUNK))).getResultList()) {
                out.put(ownerKey(o.idType, o.idNumber), o);
            }
        }
        return out;
    }

    House addOwner(String unitCode, OwnerInput owner, String actor) {
        Validation v = EstateValidation.newValidation();
        EstateValidation.owner(owner, "", v);
        v.throwIfInvalid();
        String code = UnitCode.normalize(unitCode);
        return tx.write(em -> {
            HouseEntity h = EstateScopes.findHouse(em, code);
            OwnerEntity o = findOwners(em, List.of(owner)).get(ownerKey(owner.idType(), owner.idNumber()));
            List<HouseOwnerEntity> links = em.createQuery("SELECT ho FROM HouseOwnerEntity ho WHERE ho.houseId = :h", HouseOwnerEntity.class)
                    .setParameter("h", h.id).getResultList();
            if (o != null && links.stream().anyMatch(l -> l.ownerId == o.id)) {
                throw ApiException.conflict(EstateMessages.TEXTS, "owner.already");
            }
            BigDecimal total = links.stream().map(l -> l.share == null ? HUNDRED : l.share).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(owner.share() == null ? HUNDRED : owner.share());
            if (!links.isEmpty() && total.compareTo(HUNDRED) > 0) {
                throw ApiException.conflict(EstateMessages.TEXTS, "owner.sharesTotal");
            }
            OwnerEntity oe = o != null ? o : newOwner(em, owner, actor);
            em.flush();
            HouseOwnerEntity ho = new HouseOwnerEntity();
            ho.houseId = h.id;
            ho.ownerId = oe.id;
            ho.share = owner.share();
            em.persist(ho);
            if (h.status == HouseStatus.UNSOLD) {
                h.status = HouseStatus.SOLD;
            }
            h.touchedBy(actor);
            em.flush();
            support.audit(em, actor, "owner.add", "house", h.unitCode, AuditEvent.summary("owner", oe.id));
            return toHouses(em, List.of(h), false).get(0);
        });
    }

    private List<House> toHouses(EntityManager em, List<HouseEntity> rows, boolean unmasked) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> buildingIds = new HashSet<>();
        rows.forEach(h -> buildingIds.add(h.buildingId));
        Map<Long, String> numbers = new HashMap<>();
        for (BuildingEntity b : em.createQuery("SELECT b FROM BuildingEntity b WHERE b.id IN :ids", BuildingEntity.class)
                .setParameter("ids", buildingIds).getResultList()) {
            numbers.put(b.id, b.number);
        }
        Map<Long, String> unitNames = new HashMap<>();
        for (BuildingUnitEntity u : em.createQuery("SELECT u FROM BuildingUnitEntity u WHERE u.buildingId IN :ids", BuildingUnitEntity.class)
                .setParameter("ids", buildingIds).getResultList()) {
            unitNames.put(u.id, u.name);
        }
        Map<Long, List<Owner>> owners = new HashMap<>();
        List<Long> houseIds = rows.stream().map(h -> h.id).toList();
        Map<Long, String> codes = new HashMap<>();
        rows.forEach(h -> codes.put(h.id, h.unitCode));
        Map<String, TitleVerificationEntity> titles = new HashMap<>();
        for (TitleVerificationEntity v : TitleChecks.latestVerifications(em, houseIds)) {
            if (TitleVerification.HELD.equals(v.result)) {
                titles.put(v.houseId + ":" + v.ownerId, v);
            }
        }
        for (Object[] r : em.createQuery("SELECT ho.houseId, ho.share, o FROM HouseOwnerEntity ho, OwnerEntity o "
                + "WHERE ho.ownerId = o.id AND ho.houseId IN :ids ORDER BY ho.id", Object[].class).setParameter("ids", houseIds).getResultList()) {
            OwnerEntity o = (OwnerEntity) r[2];
            Long houseId = (Long) r[0];
            TitleVerificationEntity v = titles.get(houseId + ":" + o.id);
            TitleVerification title = v == null ? null : TitleChecks.toDto(v, codes.get(houseId), o, true);
            owners.computeIfAbsent(houseId, k -> new ArrayList<>()).add(unmasked
                    ? new Owner(o.id, o.name, o.idType, o.idNumber, o.phone, (BigDecimal) r[1], false, title)
                    : new Owner(o.id, PersonalData.maskName(o.name), o.idType, PersonalData.maskIdNumber(o.idNumber),
                            PersonalData.maskPhone(o.phone), (BigDecimal) r[1], true, title));
        }
        return rows.stream().map(h -> new House(h.id, h.unitCode, h.estateId, h.buildingId, numbers.get(h.buildingId),
                h.unitId == null ? null : unitNames.get(h.unitId), h.floor, h.roomNo, h.use, h.plannedArea, h.measuredArea,
                h.status, owners.getOrDefault(h.id, List.of()), h.getVersion())).toList();
    }
}
