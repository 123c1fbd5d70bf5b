package org.smartproperty.service;

import java.time.Instant;

/** One step of a repair's timeline (the requester follows progress, OWN-4): every transition with who, when and the note. */
public record RepairEvent(long id, long repairId, String action, RepairStatus fromStatus, RepairStatus toStatus,
                          String actor, Instant at, String note) {
}
