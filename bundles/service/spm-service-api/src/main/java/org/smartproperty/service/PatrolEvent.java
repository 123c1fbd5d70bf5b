package org.smartproperty.service;

import java.time.Instant;

/** One step of a patrol task's timeline. */
public record PatrolEvent(long id, long taskId, String action, PatrolStatus fromStatus, PatrolStatus toStatus, String actor, Instant at,
                          String note) {
}
