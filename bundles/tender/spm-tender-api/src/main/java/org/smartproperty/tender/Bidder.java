package org.smartproperty.tender;

import java.time.Instant;

/** A company registered as bidder (DEV-4, COS-3). */
public record Bidder(long id, long tenderId, long companyId, String companyName, String registeredBy, Instant registeredAt) {
}
