package org.smartproperty.company;

import java.util.List;

/**
 * What the regulator writes about a company (create and full update, SUP-CO-1).
 *
 * @param creditCode     unified social credit code, 18 characters, GB 32100 check characters
 * @param servicePeriods estates managed; on update periods are matched by (estateId, from): new
 *                       ones are added, matching ones get the given end date, and periods left out
 *                       are kept (history is never deleted through an update)
 */
public record CompanyInput(String name, String creditCode, String legalRepresentative, String qualificationGrade,
                           String certificateNumber, String contact, String phone, String officeAddress,
                           List<ServicePeriod> servicePeriods) {
}
