package org.smartproperty.estate.internal;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;

/** What the estate service's parts share: the audit trail (in the caller's transaction), the JSON mapper, small helpers. */
final class EstateSupport {

    /** Largest IN list per query. */
    static final int IN_CHUNK = 1000;

    private final ObjectMapper json = new ObjectMapper();
    private final AuditTrail audit;

    EstateSupport(AuditTrail audit) {
        this.audit = audit;
    }

    ObjectMapper json() {
        return json;
    }

    void audit(EntityManager em, String actor, String action, String type, Object id, String summary) {
        if (audit != null) {
            audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, type, id, summary));
        }
    }

    static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
