package org.smartproperty.tender;

import java.util.List;

/**
 * Body of POST /tenders and PUT /tenders/{id} (DEV-2, OCS-5). DIRECT needs {@code directGrounds} and {@code directCompanyId}
 * (TND-1); INVITATION at least MIN_INVITED {@code invitedCompanyIds} (TND-2); OPEN and INVITATION need criteria whose weights sum to 100.
 */
public record TenderInput(Long estateId, String title, TenderMethod method, String directGrounds, Long directCompanyId,
                          List<Long> invitedCompanyIds, Integer serviceMonths, List<Criterion> criteria) {
}
