package org.smartproperty.tender;

import java.time.Instant;

/** Points one seat gave one bidder on one criterion. */
public record Score(int seat, long companyId, String criterion, int points, String scoredBy, Instant scoredAt) {
}
