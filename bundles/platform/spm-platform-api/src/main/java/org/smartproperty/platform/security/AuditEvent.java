package org.smartproperty.platform.security;

/**
 * One audit record: who did what to which object, with a short before/after summary (JSON text,
 * never full personal data).
 *
 * @param action  e.g. {@code login.success}, {@code estate.update}, {@code owner.view-full}
 * @param outcome {@code OK}, {@code DENIED} or {@code FAILED}
 */
public record AuditEvent(String actor, String clientIp, String userAgent, String action, String objectType,
                         String objectId, String outcome, String summary) {

    public static AuditEvent of(String actor, String action, String objectType, Object objectId, String summary) {
        return new AuditEvent(actor, null, null, action, objectType, objectId == null ? null : String.valueOf(objectId), "OK", summary);
    }

    public AuditEvent from(String ip, String agent) {
        return new AuditEvent(actor, ip, agent, action, objectType, objectId, outcome, summary);
    }
}
