package org.smartproperty.committee;

import java.time.LocalDate;
import java.util.List;

/** An active committee as disclosed to the public (DIS-2): names and phones masked (ID-2), no owner ids. */
public record PublicCommittee(long id, long estateId, String name, String headName, String phone, String address,
                              Long companyId, LocalDate termStart, LocalDate termEnd, FilingStatus filingStatus,
                              List<PublicMember> members) {

    public record PublicMember(String name, Position position) {
    }
}
