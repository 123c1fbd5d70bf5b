package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;

import org.smartproperty.estate.VotingRegister;

/**
 * {@link org.smartproperty.estate.EstateService#votingRegister}: the view {@code est_verified_ownership} (VOTE-1: the
 * exclusive area from the register) and the UNSOLD houses nobody holds a verified title to (VOTE-5), in three indexed queries.
 */
final class VotingRegisters {

    private VotingRegisters() {
    }

    static VotingRegister read(EntityManager em, long estateId) {
        List<VotingRegister.Title> titles = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> verified = em.createNativeQuery("SELECT v.house_id, h.unit_code, v.owner_id, v.exclusive_area FROM est_verified_ownership v"
                + " JOIN est_house h ON h.id = v.house_id WHERE v.estate_id = ?1 ORDER BY v.house_id, v.owner_id").setParameter(1, estateId).getResultList();
        for (Object[] r : verified) {
            titles.add(new VotingRegister.Title(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), decimal(r[3]), false));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> unsold = em.createNativeQuery("SELECT h.id, h.unit_code, COALESCE(h.measured_area, h.planned_area, 0) FROM est_house h"
                + " WHERE h.estate_id = ?1 AND h.status = 'UNSOLD' AND NOT EXISTS (SELECT 1 FROM est_verified_ownership v WHERE v.house_id = h.id)"
                + " ORDER BY h.id").setParameter(1, estateId).getResultList();
        for (Object[] r : unsold) {
            titles.add(new VotingRegister.Title(((Number) r[0]).longValue(), (String) r[1], null, decimal(r[2]), true));
        }
        Number unverified = (Number) em.createNativeQuery("SELECT COUNT(*) FROM est_house h WHERE h.estate_id = ?1 AND h.status <> 'UNSOLD'"
                + " AND NOT EXISTS (SELECT 1 FROM est_verified_ownership v WHERE v.house_id = h.id)").setParameter(1, estateId).getSingleResult();
        return new VotingRegister(estateId, titles, unverified.intValue());
    }

    private static BigDecimal decimal(Object o) {
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
