package org.smartproperty.estate.internal;

import static org.smartproperty.platform.persistence.Jpql.orderBy;
import static org.smartproperty.platform.persistence.Jpql.likeEscape;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.Owner;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.estate.registration.RegistryUnavailableException;
import org.smartproperty.estate.registration.TitleAnswer;
import org.smartproperty.estate.registration.TitleRegistry;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-EST-1 (estates) and SUP-EST-2 (building table, houses, owners) on JPA. Owners are always
 * returned masked (ID-2) until the security issue adds the full-view permission and its audit.
 */
@Component(service = EstateService.class)
public class EstateServiceImpl implements EstateService {

    static final String UNIT = "estate";
    private static final int IN_CHUNK = 1000;
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.estate.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    /** INT-REG: the registration system adapter; absent = verification answers 503, nothing else is affected. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TitleRegistry registry;

    private static final Logger LOG = LoggerFactory.getLogger(EstateServiceImpl.class);

    private final ObjectMapper json = new ObjectMapper();
    private EntityManagerFactory emf;
    private Transactions tx;

    public EstateServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    EstateServiceImpl(EntityManagerFactory emf, AuditTrail audit) {
        this(emf, audit, null);
    }

    /** Outside OSGi with a registration system (tests). */
    EstateServiceImpl(EntityManagerFactory emf, AuditTrail audit, TitleRegistry registry) {
        this.emf = emf;
        this.audit = audit;
        this.registry = registry;
        this.tx = new Transactions(emf);
    }

    @Activate
    void activate() {
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf);
    }

    @Deactivate
    void deactivate() {
        if (emf != null) {
            emf.close();
        }
    }

    // ---------------------------------------------------------------- estates (SUP-EST-1)

    @Override
    public Page<Estate> list(DataScope scope, EstateQuery q, PageRequest page) {
        EstateQuery query = q == null ? EstateQuery.all() : q;
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            where.append(estateScope(scope, "e", params));
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
            Jpql.Rows<EstateEntity> found = Jpql.page(em, EstateEntity.class, "e", where.toString(), params, page);
            long total = found.total();
            List<EstateEntity> rows = found.rows();
            Map<Long, Long> buildings = countBy(em, "SELECT b.estateId, COUNT(b) FROM BuildingEntity b WHERE b.estateId IN :ids GROUP BY b.estateId", rows);
            Map<Long, Long> houses = countBy(em, "SELECT h.estateId, COUNT(h) FROM HouseEntity h WHERE h.estateId IN :ids GROUP BY h.estateId", rows);
            List<Estate> items = rows.stream().map(e -> toDto(e, buildings.getOrDefault(e.id, 0L), houses.getOrDefault(e.id, 0L))).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static Map<Long, Long> countBy(EntityManager em, String jpql, List<EstateEntity> rows) {
        Map<Long, Long> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<Object[]> counts = em.createQuery(jpql, Object[].class).setParameter("ids", rows.stream().map(e -> e.id).toList()).getResultList();
        for (Object[] r : counts) {
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return out;
    }

    @Override
    public Estate get(DataScope scope, long id) {
        return tx.read(em -> toDto(em, findInScope(em, scope, id)));
    }

    /**
     * JPQL condition limiting estates (alias {@code e}) to the caller's scope: ALL — every estate;
     * COMPANY — the estates it manages; COMMITTEE — its estate; OWNER — estates where it owns a house.
     */
    static String estateScope(DataScope scope, String e, Map<String, Object> params) {
        DataScope s = scope == null ? DataScope.NONE : scope;
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + e + ".companyId = :scopeCompany";
            case COMMITTEE:
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND " + e + ".id IN :scopeEstates";
            case OWNER:
                params.put("scopeOwner", s.ownerId());
                return " AND " + e + ".id IN (SELECT sh.estateId FROM HouseEntity sh, HouseOwnerEntity sho WHERE sho.houseId = sh.id AND sho.ownerId = :scopeOwner)";
            default:
                return " AND 1 = 0";
        }
    }

    /** The estate if it exists AND lies in the scope; 404 otherwise (never reveal which). */
    private static EstateEntity findInScope(EntityManager em, DataScope scope, long id) {
        EstateEntity e = find(em, id);
        if (scope != null && scope.all()) {
            return e;
        }
        Map<String, Object> params = new HashMap<>();
        String clause = estateScope(scope, "e", params);
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM EstateEntity e WHERE e.id = :id" + clause, Long.class).setParameter("id", id);
        params.forEach(q::setParameter);
        if (q.getSingleResult() == 0) {
            throw ApiException.notFound("objects.estate", id);
        }
        return e;
    }

    /** For OWNER scopes: only the own houses (alias {@code h}). */
    static String houseScope(DataScope scope, String h, Map<String, Object> params) {
        if (scope != null && scope.kind() == DataScope.Kind.OWNER) {
            params.put("scopeOwnerH", scope.ownerId());
            return " AND " + h + ".id IN (SELECT so.houseId FROM HouseOwnerEntity so WHERE so.ownerId = :scopeOwnerH)";
        }
        return "";
    }

    private void audit(EntityManager em, String actor, String action, String type, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, type, id, summary));
        }
    }

    @Override
    public Estate create(EstateInput input, String actor) {
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
            audit(em, actor, "estate.create", "estate", e.id, "{\"name\":" + quote(e.name) + "}");
            return toDto(e, 0, 0);
        });
    }

    @Override
    public Estate update(long id, long expectedVersion, EstateInput input, String actor) {
        Validation v = EstateValidation.newValidation();
        EstateValidation.estate(input, v);
        v.throwIfInvalid();
        return tx.write(em -> {
            EstateEntity e = find(em, id);
            checkVersion(e.getVersion(), expectedVersion);
            if (e.status == EstateStatus.ARCHIVED) {
                throw ApiException.conflict(EstateMessages.TEXTS, "estate.archived", e.name);
            }
            checkProjectCode(em, input.projectCode(), e.id);
            String before = quote(e.name) + "," + e.getVersion();
            apply(e, input);
            e.touchedBy(actor);
            em.flush();
            audit(em, actor, "estate.update", "estate", e.id, "{\"before\":[" + before + "],\"after\":[" + quote(e.name) + "," + e.getVersion() + "]}");
            return toDto(em, e);
        });
    }

    @Override
    public Estate archive(long id, long expectedVersion, String actor) {
        return tx.write(em -> {
            EstateEntity e = find(em, id);
            checkVersion(e.getVersion(), expectedVersion);
            if (e.status == EstateStatus.ARCHIVED) {
                throw ApiException.conflict(EstateMessages.TEXTS, "estate.alreadyArchived", e.name);
            }
            e.status = EstateStatus.ARCHIVED;
            e.touchedBy(actor);
            em.flush();
            audit(em, actor, "estate.archive", "estate", e.id, "{\"status\":\"ARCHIVED\"}");
            return toDto(em, e);
        });
    }

    private static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
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
        e.projectCode = blankToNull(in.projectCode());
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
        e.developer = blankToNull(in.developer());
        e.companyId = in.companyId();
        e.companyName = blankToNull(in.companyName());
        e.feeStandard = in.feeStandard();
        e.overview = blankToNull(in.overview());
    }

    private static EstateEntity find(EntityManager em, long id) {
        EstateEntity e = em.find(EstateEntity.class, id);
        if (e == null) {
            throw ApiException.notFound("objects.estate", id);
        }
        return e;
    }

    private Estate toDto(EntityManager em, EstateEntity e) {
        long b = em.createQuery("SELECT COUNT(b) FROM BuildingEntity b WHERE b.estateId = :id", Long.class).setParameter("id", e.id).getSingleResult();
        long h = em.createQuery("SELECT COUNT(h) FROM HouseEntity h WHERE h.estateId = :id", Long.class).setParameter("id", e.id).getSingleResult();
        return toDto(e, b, h);
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

    @Override
    public List<Building> buildings(DataScope scope, long estateId) {
        return tx.read(em -> {
            findInScope(em, scope, estateId);
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

    @Override
    public Building createBuilding(long estateId, BuildingInput in, String actor) {
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
            EstateEntity e = find(em, estateId);
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
            b.name = blankToNull(in.name());
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
            audit(em, actor, "building.create", "building", b.id, "{\"estate\":" + estateId + ",\"number\":" + quote(b.number) + "}");
            return new Building(b.id, estateId, b.number, b.name, b.floorsAbove, b.floorsBelow, us, 0, b.getVersion());
        });
    }

    // ---------------------------------------------------------------- houses and owners

    @Override
    public Page<House> houses(DataScope scope, long estateId, HouseQuery q, PageRequest page) {
        HouseQuery query = q == null ? new HouseQuery(null, null, null, null) : q;
        return tx.read(em -> {
            findInScope(em, scope, estateId);
            StringBuilder where = new StringBuilder(" WHERE h.estateId = :e");
            Map<String, Object> params = new HashMap<>();
            params.put("e", estateId);
            where.append(houseScope(scope, "h", params));
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

    @Override
    public House house(DataScope scope, String unitCode) {
        String code = UnitCode.normalize(unitCode);
        return tx.read(em -> toHouses(em, List.of(findHouseInScope(em, scope, code)), false).get(0));
    }

    @Override
    public House houseUnmasked(DataScope scope, String unitCode, String actor) {
        String code = UnitCode.normalize(unitCode);
        return tx.write(em -> {
            HouseEntity h = findHouseInScope(em, scope, code);
            House house = toHouses(em, List.of(h), true).get(0);
            audit(em, actor, "owner.view-full", "house", code, "{\"owners\":" + house.owners().size() + "}");
            return house;
        });
    }

    private static HouseEntity findHouseInScope(EntityManager em, DataScope scope, String code) {
        HouseEntity h = findHouse(em, code);
        if (scope != null && scope.all()) {
            return h;
        }
        Map<String, Object> params = new HashMap<>();
        String clause = estateScope(scope, "e", params) + houseScope(scope, "h", params);
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(h) FROM HouseEntity h, EstateEntity e WHERE h.id = :id AND e.id = h.estateId" + clause, Long.class)
                .setParameter("id", h.id);
        params.forEach(q::setParameter);
        if (q.getSingleResult() == 0) {
            throw ApiException.notFound("objects.house", code);
        }
        return h;
    }

    private static HouseEntity findHouse(EntityManager em, String code) {
        List<HouseEntity> hs = em.createQuery("SELECT h FROM HouseEntity h WHERE h.unitCode = :c", HouseEntity.class)
                .setParameter("c", code).getResultList();
        if (hs.isEmpty()) {
            throw ApiException.notFound("objects.house", code);
        }
        return hs.get(0);
    }

    @Override
    public House createHouse(long estateId, HouseInput input, String actor) {
        return tx.write(em -> {
            List<HouseEntity> created = insertHouses(em, estateId, List.of(input), false, actor);
            audit(em, actor, "house.create", "house", created.get(0).unitCode, "{\"estate\":" + estateId + "}");
            return toHouses(em, created, false).get(0);
        });
    }

    @Override
    public int createHouses(long estateId, List<HouseInput> inputs, String actor) {
        if (inputs == null || inputs.isEmpty()) {
            return 0;
        }
        return tx.write(em -> {
            int n = insertHouses(em, estateId, inputs, true, actor).size();
            audit(em, actor, "house.import", "estate", estateId, "{\"houses\":" + n + "}");
            return n;
        });
    }

    /** Validates everything first (all field errors at once), then writes; the caller's transaction makes it all-or-nothing. */
    private List<HouseEntity> insertHouses(EntityManager em, long estateId, List<HouseInput> inputs, boolean indexed, String actor) {
        EstateEntity estate = find(em, estateId);
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
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> existing = em.createQuery("SELECT h.unitCode FROM HouseEntity h WHERE h.unitCode IN :c", String.class)
                    .setParameter("c", all.subList(i, Math.min(all.size(), i + IN_CHUNK))).getResultList();
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
        for (int i = 0; i < numbers.size(); i += IN_CHUNK) {
            for (OwnerEntity o : em.createQuery("SELECT o FROM OwnerEntity o WHERE o.idNumber IN :n", OwnerEntity.class)
                    .setParameter("n", numbers.subList(i, Math.min(numbers.size(), i + IN_CHUNK))).getResultList()) {
                out.put(ownerKey(o.idType, o.idNumber), o);
            }
        }
        return out;
    }

    @Override
    public House addOwner(String unitCode, OwnerInput owner, String actor) {
        Validation v = EstateValidation.newValidation();
        EstateValidation.owner(owner, "", v);
        v.throwIfInvalid();
        String code = UnitCode.normalize(unitCode);
        return tx.write(em -> {
            HouseEntity h = findHouse(em, code);
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
            audit(em, actor, "owner.add", "house", h.unitCode, "{\"owner\":" + oe.id + "}");
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
        for (TitleVerificationEntity v : latestVerifications(em, houseIds)) {
            if (TitleVerification.HELD.equals(v.result)) {
                titles.put(v.houseId + ":" + v.ownerId, v);
            }
        }
        for (Object[] r : em.createQuery("SELECT ho.houseId, ho.share, o FROM HouseOwnerEntity ho, OwnerEntity o "
                + "WHERE ho.ownerId = o.id AND ho.houseId IN :ids ORDER BY ho.id", Object[].class).setParameter("ids", houseIds).getResultList()) {
            OwnerEntity o = (OwnerEntity) r[2];
            Long houseId = (Long) r[0];
            TitleVerificationEntity v = titles.get(houseId + ":" + o.id);
            TitleVerification title = v == null ? null : toDto(v, codes.get(houseId), o, true);
            owners.computeIfAbsent(houseId, k -> new ArrayList<>()).add(unmasked
                    ? new Owner(o.id, o.name, o.idType, o.idNumber, o.phone, (BigDecimal) r[1], false, title)
                    : new Owner(o.id, PersonalData.maskName(o.name), o.idType, PersonalData.maskIdNumber(o.idNumber),
                            PersonalData.maskPhone(o.phone), (BigDecimal) r[1], true, title));
        }
        return rows.stream().map(h -> new House(h.id, h.unitCode, h.estateId, h.buildingId, numbers.get(h.buildingId),
                h.unitId == null ? null : unitNames.get(h.unitId), h.floor, h.roomNo, h.use, h.plannedArea, h.measuredArea,
                h.status, owners.getOrDefault(h.id, List.of()), h.getVersion())).toList();
    }

    /** ID-2: masked view of an owner. */
    static Owner masked(OwnerEntity o, BigDecimal share) {
        return new Owner(o.id, PersonalData.maskName(o.name), o.idType, PersonalData.maskIdNumber(o.idNumber),
                PersonalData.maskPhone(o.phone), share, true);
    }

    // ---------------------------------------------------------------- title verification (OWN-2, INT-REG)

    /** The owner of a house as the registry is asked about it. */
    private record Subject(long houseId, String unitCode, long ownerId, IdType idType, String idNumber, String name) {
    }

    /**
     * {@inheritDoc}
     *
     * <p>The registry is asked between a read and the one write transaction, so no database
     * connection is held during the remote call; the write re-checks that the owner still owns the house.
     */
    @Override
    public TitleVerification verifyTitle(DataScope scope, String unitCode, long ownerId, String actor) {
        String code = UnitCode.normalize(unitCode);
        Subject who = tx.read(em -> subject(em, scope, code, ownerId));
        TitleRegistry r = registry;
        if (r == null) {
            throw new ApiException(503, "registry.notConnected", EstateMessages.TEXTS, null);
        }
        TitleAnswer answer;
        try {
            answer = r.lookup(who.unitCode(), who.idType(), who.idNumber(), who.name());
        } catch (RegistryUnavailableException e) {
            LOG.warn("Title verification of {} for owner {} not possible: {}", who.unitCode(), who.ownerId(), e.getMessage());
            throw new ApiException(503, "registry.unavailable", EstateMessages.TEXTS, null);
        }
        if (answer == null) {
            throw new ApiException(503, "registry.unavailable", EstateMessages.TEXTS, null);
        }
        return tx.write(em -> {
            Subject again = subject(em, scope, code, ownerId);
            TitleVerificationEntity v = new TitleVerificationEntity();
            v.houseId = again.houseId();
            v.ownerId = again.ownerId();
            v.verifiedAt = Instant.now();
            v.result = answer.held() ? TitleVerification.HELD : TitleVerification.NOT_HELD;
            v.reason = answer.held() ? null : cut(answer.reason(), 64);
            v.exclusiveArea = answer.held() ? answer.exclusiveArea() : null;
            v.share = answer.held() ? answer.share() : null;
            v.certificateNumber = answer.held() ? cut(answer.certificateNumber(), 64) : null;
            v.registeredOn = answer.held() ? answer.registeredOn() : null;
            v.registrySource = answer.source() == null ? "unknown" : cut(answer.source(), 32);
            v.registryReference = cut(answer.reference(), 100);
            v.verifiedBy = actor;
            em.persist(v);
            em.flush();
            audit(em, actor, "title.verify", "house", again.unitCode(), "{\"owner\":" + again.ownerId() + ",\"result\":\"" + v.result
                    + "\",\"exclusiveArea\":" + v.exclusiveArea + ",\"certificate\":" + (v.certificateNumber == null ? "null" : quote(v.certificateNumber))
                    + ",\"source\":" + quote(v.registrySource) + ",\"reference\":" + (v.registryReference == null ? "null" : quote(v.registryReference)) + "}");
            OwnerEntity o = em.find(OwnerEntity.class, again.ownerId());
            return toDto(v, again.unitCode(), o, answer.held());
        });
    }

    /** The house (in scope) and one of its owners (an OWNER scope: only itself); 404 otherwise. */
    private static Subject subject(EntityManager em, DataScope scope, String code, long ownerId) {
        HouseEntity h = findHouseInScope(em, scope, code);
        if (scope != null && scope.kind() == DataScope.Kind.OWNER && !Long.valueOf(ownerId).equals(scope.ownerId())) {
            throw ownerNotFound(ownerId);
        }
        List<OwnerEntity> os = em.createQuery("SELECT o FROM OwnerEntity o, HouseOwnerEntity ho WHERE ho.ownerId = o.id "
                + "AND ho.houseId = :h AND o.id = :o", OwnerEntity.class).setParameter("h", h.id).setParameter("o", ownerId).getResultList();
        if (os.isEmpty()) {
            throw ownerNotFound(ownerId);
        }
        OwnerEntity o = os.get(0);
        return new Subject(h.id, h.unitCode, o.id, o.idType, o.idNumber, o.name);
    }

    private static ApiException ownerNotFound(long ownerId) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, EstateMessages.TEXTS.text("objects.owner"), String.valueOf(ownerId));
    }

    @Override
    public List<TitleVerification> titleVerifications(DataScope scope, String unitCode) {
        String code = UnitCode.normalize(unitCode);
        return tx.read(em -> {
            HouseEntity h = findHouseInScope(em, scope, code);
            Set<Long> current = new HashSet<>(em.createQuery("SELECT ho.ownerId FROM HouseOwnerEntity ho WHERE ho.houseId = :h", Long.class)
                    .setParameter("h", h.id).getResultList());
            List<TitleVerificationEntity> latest = new ArrayList<>(latestVerifications(em, List.of(h.id)));
            if (scope != null && scope.kind() == DataScope.Kind.OWNER) {
                latest.removeIf(v -> !Long.valueOf(v.ownerId).equals(scope.ownerId()));
            }
            latest.sort(java.util.Comparator.comparing((TitleVerificationEntity v) -> v.verifiedAt).thenComparing(v -> v.id).reversed());
            List<TitleVerification> out = new ArrayList<>();
            for (TitleVerificationEntity v : latest) {
                OwnerEntity o = em.find(OwnerEntity.class, v.ownerId);
                out.add(toDto(v, h.unitCode, o, TitleVerification.HELD.equals(v.result) && current.contains(v.ownerId)));
            }
            return out;
        });
    }

    /** Per house and owner the latest check (the same rule as the view est_verified_ownership, without the ownership join). */
    private static List<TitleVerificationEntity> latestVerifications(EntityManager em, List<Long> houseIds) {
        List<TitleVerificationEntity> out = new ArrayList<>();
        for (int i = 0; i < houseIds.size(); i += IN_CHUNK) {
            out.addAll(em.createQuery("SELECT v FROM TitleVerificationEntity v WHERE v.houseId IN :ids AND NOT EXISTS ("
                    + "SELECT n FROM TitleVerificationEntity n WHERE n.houseId = v.houseId AND n.ownerId = v.ownerId "
                    + "AND (n.verifiedAt > v.verifiedAt OR (n.verifiedAt = v.verifiedAt AND n.id > v.id)))", TitleVerificationEntity.class)
                    .setParameter("ids", houseIds.subList(i, Math.min(houseIds.size(), i + IN_CHUNK))).getResultList());
        }
        return out;
    }

    private static TitleVerification toDto(TitleVerificationEntity v, String unitCode, OwnerEntity o, boolean verified) {
        return new TitleVerification(v.id, unitCode, v.houseId, v.ownerId, o == null ? null : PersonalData.maskName(o.name), v.verifiedAt,
                v.result, v.reason, v.exclusiveArea, v.share, v.certificateNumber, v.registeredOn, v.registrySource,
                v.registryReference, v.verifiedBy, verified);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---------------------------------------------------------------- helpers


    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            return "\"?\"";
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
