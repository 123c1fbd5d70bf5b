package org.smartproperty.estate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

import javax.persistence.EntityManager;

/**
 * The building and house counts stored on {@code est_estate} (issue 11 item 4): recounted from the
 * tables, in the transaction that wrote buildings or houses, for the estates it touched. Every
 * writer of {@code est_building} or {@code est_house} calls it: the building and house services
 * and the real-estate sync (a house moved to another estate recounts both).
 */
final class EstateCounts {

    static final String RECOUNT = "UPDATE est_estate SET building_count = (SELECT COUNT(*) FROM est_building b WHERE b.estate_id = est_estate.id),"
            + " house_count = (SELECT COUNT(*) FROM est_house h WHERE h.estate_id = est_estate.id) WHERE id = ?";

    private EstateCounts() {
    }

    /** In a JPA write transaction, after the entities are flushed. */
    static void refresh(EntityManager em, long estateId) {
        em.createNativeQuery(RECOUNT).setParameter(1, estateId).executeUpdate();
    }

    /** In a JDBC transaction (the sync). */
    static void refresh(Connection c, Collection<Long> estateIds) throws SQLException {
        if (estateIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(RECOUNT)) {
            for (long id : new TreeSet<>(estateIds)) { // a fixed order: two syncs never lock estates in opposite orders
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
