package org.smartproperty.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An owners' committee as the registry shows it (SUP-OC-1, OCS-2). The head is the member in
 * position HEAD. {@code filingStatus} is the status of the latest filing round (null before the
 * first). {@code version} is also the HTTP ETag.
 */
public record Committee(long id, long estateId, String name, Long headOwnerId, String headName, String phone,
                        String address, Long companyId, LocalDate electedOn, LocalDate termStart, LocalDate termEnd,
                        CommitteeStatus status, FilingStatus filingStatus, List<Member> members, long version,
                        Instant createdAt, Instant updatedAt) {
}
