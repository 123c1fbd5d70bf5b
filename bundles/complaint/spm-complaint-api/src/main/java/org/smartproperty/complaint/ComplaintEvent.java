package org.smartproperty.complaint;

import java.time.Instant;

/** One step of a complaint's timeline (the complainant follows progress online, OWN-5): every transition with who, when and the note. */
public record ComplaintEvent(long id, long complaintId, String action, ComplaintStatus fromStatus, ComplaintStatus toStatus,
                             String actor, Instant at, String note) {
}
