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

    /**
     * Fields longer than their columns ({@code aud_event}) are cut, so attacker-chosen input (a
     * 100,000-character user name or User-Agent) is still recorded instead of failing the request
     * (issue 20 item 7). The chain hashes the stored values.
     */
    public AuditEvent {
        actor = cut(actor, 64);
        clientIp = cut(clientIp, 64);
        userAgent = cut(userAgent, 300);
        action = cut(action, 64);
        objectType = cut(objectType, 64);
        objectId = cut(objectId, 128);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public static AuditEvent of(String actor, String action, String objectType, Object objectId, String summary) {
        return new AuditEvent(actor, null, null, action, objectType, objectId == null ? null : String.valueOf(objectId), "OK", summary);
    }

    public AuditEvent from(String ip, String agent) {
        return new AuditEvent(actor, ip, agent, action, objectType, objectId, outcome, summary);
    }
}
