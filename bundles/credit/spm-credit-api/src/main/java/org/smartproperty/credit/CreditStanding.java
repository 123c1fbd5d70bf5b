package org.smartproperty.credit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What other domains ask about a company's credit (CRD-5): tendering refuses a blacklisted company's bids (TND-7).
 * Reads in a transaction of its own; a company the credit domain knows nothing of is unrated and not blacklisted.
 */
@ProviderType
public interface CreditStanding {

    Standing standing(long companyId);

    /** @param grade null when the company has no verified declaration and no veto (unrated) */
    record Standing(long companyId, String grade, int score, boolean blacklisted) {
    }
}
