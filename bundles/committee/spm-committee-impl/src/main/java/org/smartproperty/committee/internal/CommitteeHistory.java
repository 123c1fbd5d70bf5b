package org.smartproperty.committee.internal;

import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.smartproperty.committee.Change;
import org.smartproperty.platform.security.DataScope;

/**
 * The change history of committees (OCS-2): each change written as JSON field changes, read back
 * newest first. Part of {@link CommitteeServiceImpl}, split along its duties (issue 10 item 5); transactions,
 * scope checks and audit through the service.
 */
final class CommitteeHistory {

    private final CommitteeServiceImpl owner;

    CommitteeHistory(CommitteeServiceImpl owner) {
        this.owner = owner;
    }

    void history(EntityManager em, long committeeId, String action, List<Change.FieldChange> changes, String actor) {
        ChangeEntity h = new ChangeEntity();
        h.committeeId = committeeId;
        h.action = action;
        try {
            h.changes = owner.json().writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.changedBy = actor;
        h.changedAt = Instant.now();
        em.persist(h);
        em.flush();
    }

    public List<Change> history(DataScope scope, long id) {
        return owner.tx().read(em -> {
            owner.findInScope(em, scope, id);
            return em.createQuery("SELECT h FROM ChangeEntity h WHERE h.committeeId = :c ORDER BY h.id DESC", ChangeEntity.class)
                    .setParameter("c", id).getResultList().stream()
                    .map(h -> new Change(h.id, h.committeeId, h.action, readChanges(h.changes), h.changedBy, h.changedAt)).toList();
        });
    }

    private List<Change.FieldChange> readChanges(String text) {
        try {
            return owner.json().readValue(text, new TypeReference<List<Change.FieldChange>>() { });
        } catch (JsonProcessingException e) {
            return List.of(); // written by us, always valid; never fail a read on it
        }
    }
}
