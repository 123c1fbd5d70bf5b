package org.smartproperty.tender;

import java.time.Instant;
import java.util.List;

/** Body of PUT /tenders/{id}/announcement; {@code invitedCompanyIds} replaces the invitation list of an INVITATION tender when given. */
public record AnnouncementInput(String text, Instant publishAt, Instant documentsFrom, Instant bidDeadline, Instant openingAt,
                                List<Long> invitedCompanyIds) {
}
