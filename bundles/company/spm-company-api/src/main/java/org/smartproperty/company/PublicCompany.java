package org.smartproperty.company;

import java.util.List;

/**
 * A registered company as disclosed to the public (DIS-2): legal representative and phone masked
 * (ID-2), only the estates it currently manages.
 */
public record PublicCompany(long id, String name, String creditCode, String legalRepresentative,
                            String qualificationGrade, String certificateNumber, String phone, String officeAddress,
                            CompanyStatus status, List<Long> estateIds) {
}
