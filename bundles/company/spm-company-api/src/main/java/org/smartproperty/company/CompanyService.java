package org.smartproperty.company;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.DataScope;

/**
 * The property company registry (SUP-CO-1), its filing review (SUP-CO-2, COS-2) and the public
 * company list (DIS-2). Every method is one transaction; invalid input throws a 400
 * {@code ApiException} with all field errors, unknown ids 404, duplicates and illegal transitions
 * 409, stale versions 412. Reads take the caller's {@link DataScope}: ALL sees every company,
 * COMPANY only its own, everyone else none (404, as if it did not exist). Every write is audited
 * in the same transaction.
 */
@ProviderType
public interface CompanyService {

    /** Properties the company list can be sorted by. */
    Set<String> SORT = Set.of("id", "name", "creditCode", "status", "createdAt", "updatedAt");

    Page<Company> list(DataScope scope, CompanyQuery query, PageRequest page);

    Company get(DataScope scope, long id);

    /** The regulator registers a company (status APPLYING); 409 when the credit code is taken. */
    Company create(CompanyInput input, String actor);

    Company update(long id, long expectedVersion, CompanyInput input, String actor);

    /**
     * A company user submits a filing for its own company (COS-2). 409 while another filing of the
     * company awaits review, or when the company is not APPLYING.
     */
    Filing submitFiling(DataScope scope, long companyId, FilingInput input, String actor);

    /** The regulator approves a SUBMITTED filing; the company becomes FILED (SUP-CO-2). */
    Filing approve(long companyId, long filingId, long expectedVersion, String reason, String actor);

    /** The regulator returns a SUBMITTED filing; the reason is required (400 without). */
    Filing returnFiling(long companyId, long filingId, long expectedVersion, String reason, String actor);

    /**
     * The regulator's sanctions and their end (SUP-CO-1): FILED → SUSPENDED, SUSPENDED → FILED
     * (reinstated), FILED or SUSPENDED → REVOKED (final). A reason is required; any other
     * transition is 409 naming the allowed ones.
     */
    Company changeStatus(long id, long expectedVersion, CompanyStatus target, String reason, String actor);

    /** Every filing of the company, newest first (the company follows its progress, COS-2). */
    List<Filing> filings(DataScope scope, long companyId);

    /**
     * The review history of the company's filings, oldest first: every submission, resubmission,
     * approval and return with who, when, from which status to which, the reason and details
     * (the submitted materials). Same visibility as {@link #filings}.
     */
    List<ReviewEvent> filingHistory(DataScope scope, long companyId);

    /**
     * Issue 15 (DEV-7, SUP-CO-1: the registry is fed from tendering results): a filed contract makes the company the estate's
     * manager from {@code from} to {@code to} (null = open), written on the caller's connection inside its transaction. Another
     * company's period of the estate still running on {@code from} ends the day before it; audited {@code company.appoint} (and
     * {@code company.period.end} for each period ended). 404 for an unknown company, 400 when {@code to} is before {@code from}.
     *
     * @return the new service period
     */
    ServicePeriod appoint(java.sql.Connection sameTransaction, long companyId, long estateId, java.time.LocalDate from,
                          java.time.LocalDate to, String actor);

    /** Registered (not APPLYING) companies for public disclosure, personal data masked (DIS-2, ID-2). */
    Page<PublicCompany> publicList(PageRequest page);

    /**
     * COS-1 / SUP-CO-2 (issue 12 item 2): a legal person whose unified social credit code is not in
     * the registry applies: the company is registered APPLYING under the credit code of the caller's
     * real-name identity (a code in the body must be the same, 400 otherwise) and the account is
     * bound to it at once, so it can submit its filing; 409 when the code is already registered.
     * The company's estates (service periods) stay the regulator's to record.
     */
    default Company apply(String creditCode, CompanyInput input, String actor) {
        throw new UnsupportedOperationException("company application not implemented by " + getClass().getName());
    }
}
