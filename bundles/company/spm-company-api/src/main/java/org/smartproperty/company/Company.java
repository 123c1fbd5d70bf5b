package org.smartproperty.company;

import java.time.Instant;
import java.util.List;

/**
 * A property company as the registry shows it (SUP-CO-1). {@code version} is also the HTTP ETag.
 * Personal data (legal representative, phone) is shown in full only to callers with
 * {@code company:read}; the public list ({@link PublicCompany}) masks it (ID-2, DIS-2).
 */
public record Company(long id, String name, String creditCode, String legalRepresentative, String qualificationGrade,
                      String certificateNumber, String contact, String phone, String officeAddress, CompanyStatus status,
                      List<ServicePeriod> servicePeriods, long version, Instant createdAt, Instant updatedAt) {
}
