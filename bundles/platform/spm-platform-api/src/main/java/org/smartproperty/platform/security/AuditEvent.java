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

    /**
     * The summary of a record as JSON written by Jackson (never by string concatenation, so a quote in a
     * user name cannot break or forge it): {@code summary("user", "zhang", "accounts", 1)} →
     * {@code {"user":"zhang","accounts":1}}; pairs with a null value are left out; null when all are.
     * Collections become JSON arrays.
     */
    public static String summary(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected, got " + keyValues.length + " items");
        }
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        if (m.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("audit summary not serializable: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public AuditEvent from(String ip, String agent) {
        return new AuditEvent(actor, ip, agent, action, objectType, objectId, outcome, summary);
    }
}
