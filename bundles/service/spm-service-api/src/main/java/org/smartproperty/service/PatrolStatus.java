package org.smartproperty.service;

import java.util.List;

/**
 * A patrol task (SVC-PAT-1, COS-5): OPEN (created from photo reports, deadline running) →
 * INSPECTED (findings recorded; may be recorded again) → CLOSED (the fix recorded with photos; the
 * reporters are told, the result is published).
 */
public enum PatrolStatus {
    OPEN, INSPECTED, CLOSED;

    public List<PatrolStatus> next() {
        switch (this) {
            case OPEN:
                return List.of(INSPECTED);
            case INSPECTED:
                return List.of(INSPECTED, CLOSED);
            default:
                return List.of();
        }
    }
}
