package org.smartproperty.expert;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The project library (SUP-EX-2) as tendering feeds it, and the panel it reads back (SUP-EX-3/4, TND-5). The writes run on
 * the caller's connection, inside its transaction, so a tender step and its project row commit or roll back together.
 * {@code source} names the feeding domain ({@code "tender"}), {@code sourceId} its object.
 */
@ProviderType
public interface ExpertProjects {

    /** Records, or updates by (source, sourceId), a project that needs an evaluation panel; returns the project id. */
    long record(Connection c, ProjectRecord project, String actor);

    /** The bidders of the project, for the conflict exclusion (TND-5); replaces the list; 409 once a draw exists. */
    void bidders(Connection c, String source, long sourceId, Set<Long> companyIds, String actor);

    /** The results are published: the drawn experts' names become public (TND-5). */
    void published(Connection c, String source, long sourceId, String actor);

    /** The panel of the project's current draw, in seat order (empty seats list when there is no draw). Own read transaction. */
    Panel panel(String source, long sourceId);

    /**
     * A project as the feeding domain describes it.
     *
     * @param tendererKind DEVELOPER or COMMITTEE
     * @param tendererId   the developer organisation's id, or the committee's estate id
     */
    record ProjectRecord(String source, long sourceId, String number, String title, long estateId,
                         String tendererKind, long tendererId, Instant evaluationAt) {
    }

    /**
     * The panel: the drawn experts' seats, then the tenderer's representatives'.
     *
     * @param complete every seat is confirmed
     */
    record Panel(long drawId, int size, boolean complete, List<Seat> seats) {

        public static Panel none() {
            return new Panel(0, 0, false, List.of());
        }
    }

    /**
     * One seat of the panel.
     *
     * @param expertId    null for a representative of the tenderer
     * @param accountName the expert's login (who may score for the seat), null for a representative
     * @param confirmed   the expert confirmed attendance (a representative always is)
     */
    record Seat(int seat, Long expertId, String accountName, String name, boolean representative, boolean confirmed) {
    }
}
