package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.smartproperty.estate.Owner;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.security.DataScope;

/**
 * Data scope (access control) of the estate service's queries, the lookups that answer 404 outside
 * the caller's scope, and the masked (ID-2) view of an owner.
 */
final class EstateScopes {

    private EstateScopes() {
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
                if (!s.houseIds().isEmpty()) {
                    // a real-name owner: the estates of the verified houses only (issue 12 item 1)
                    params.put("scopeHouses", List.copyOf(s.houseIds()));
                    return " AND " + e + ".id IN (SELECT sh.estateId FROM HouseEntity sh WHERE sh.id IN :scopeHouses)";
                }
                params.put("scopeOwner", s.ownerId());
                return " AND " + e + ".id IN (SELECT sh.estateId FROM HouseEntity sh, HouseOwnerEntity sho WHERE sho.houseId = sh.id AND sho.ownerId = :scopeOwner)";
            case DEVELOPER:
                if (s.estateIds().isEmpty()) {
                    return " AND 1 = 0";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND " + e + ".id IN :scopeEstates";
            default:
                return " AND 1 = 0";
        }
    }

    /** The estate if it exists AND lies in the scope; 404 otherwise (never reveal which). */
    static EstateEntity findInScope(EntityManager em, DataScope scope, long id) {
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
        if (scope != null && scope.kind() == DataScope.Kind.OWNER && !scope.houseIds().isEmpty()) {
            params.put("scopeHousesH", List.copyOf(scope.houseIds()));
            return " AND " + h + ".id IN :scopeHousesH";
        }
        if (scope != null && scope.kind() == DataScope.Kind.OWNER) {
            params.put("scopeOwnerH", scope.ownerId());
            return " AND " + h + ".id IN (SELECT so.houseId FROM HouseOwnerEntity so WHERE so.ownerId = :scopeOwnerH)";
        }
        return "";
    }

    static EstateEntity find(EntityManager em, long id) {
        EstateEntity e = em.find(EstateEntity.class, id);
        if (e == null) {
            throw ApiException.notFound("objects.estate", id);
        }
        return e;
    }

    static HouseEntity findHouseInScope(EntityManager em, DataScope scope, String code) {
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

    static HouseEntity findHouse(EntityManager em, String code) {
        List<HouseEntity> hs = em.createQuery("SELECT h FROM HouseEntity h WHERE h.unitCode = :c", HouseEntity.class)
                .setParameter("c", code).getResultList();
        if (hs.isEmpty()) {
            throw ApiException.notFound("objects.house", code);
        }
        return hs.get(0);
    }

    /** ID-2: masked view of an owner. */
    static Owner masked(OwnerEntity o, BigDecimal share) {
        return new Owner(o.id, PersonalData.maskName(o.name), o.idType, PersonalData.maskIdNumber(o.idNumber),
                PersonalData.maskPhone(o.phone), share, true);
    }
}
