package org.smartproperty.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON summary of an audit record written by an operations command: key/value pairs, nulls left out. */
final class AuditSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSummary() {
    }

    /** {@code of("user", "zhang", "accounts", 1)} → {@code {"user":"zhang","accounts":1}}; null when every value is null. */
    static String of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        if (m.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
