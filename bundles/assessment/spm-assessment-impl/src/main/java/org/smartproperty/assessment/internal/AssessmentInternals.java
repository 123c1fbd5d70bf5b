package org.smartproperty.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.security.SpmPrincipal;

/** What the bundle's own components need beyond the API (the report files' access policy, the due-date reminder job). */
public interface AssessmentInternals {

    /** Whether the caller may read the files of a report submission (assessment:read and the company in scope). */
    boolean mayReadFiles(SpmPrincipal caller, String submissionId);

    /** A company that has not submitted (or must resubmit) in an OPEN round due within {@code leadDays} of {@code today}. */
    record DueReport(long roundId, String roundName, LocalDate dueDate, long companyId) {
    }

    List<DueReport> dueReports(LocalDate today, int leadDays);

    /** The configured lead time of the reminders, in days. */
    int reminderLeadDays();
}
