package org.smartproperty.committee;

import java.time.LocalDate;
import java.util.List;

/**
 * What the regulator writes about a committee. On create the members are required (OC-1); on
 * update of the details ({@code PUT /committees/{id}}) {@code estateId} and {@code members} are
 * ignored (members change through {@code PUT /committees/{id}/members}).
 *
 * @param electedOn the election date; the filing is due within the configured days after it (OC-2)
 */
public record CommitteeInput(Long estateId, String name, String phone, String address, Long companyId,
                             LocalDate electedOn, LocalDate termStart, LocalDate termEnd, List<MemberInput> members) {
}
