package org.smartproperty.service;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Patrols from owners' photo reports (SVC-PAT-1..2, COS-5). One transaction per method; 400 with
 * all field errors, 404 outside the scope, 409 for transitions the status does not allow naming the
 * allowed ones, 412 stale. Scope: ALL everything; COMPANY the reports and tasks of the estates it
 * manages; COMMITTEE those of its estate; OWNER the reports they posted and the tasks made of them.
 * A task's deadline (domain {@code patrol}, category TASK) starts when it is created and completes
 * when it is closed; closing tells every reporting owner (in-app and SMS PATROL_RESULT) and
 * publishes the result without personal data.
 */
@ProviderType
public interface PatrolService {

    Set<String> REPORT_SORT = Set.of("id", "status", "reportedAt");
    Set<String> TASK_SORT = Set.of("id", "number", "status", "dueAt", "createdAt", "statusChangedAt");

    /** An owner posts a photo report. */
    PhotoReport report(SpmPrincipal caller, PhotoReportInput input);

    Page<PhotoReport> reports(SpmPrincipal caller, PatrolQuery query, PageRequest page);

    PhotoReport getReport(SpmPrincipal caller, long id);

    /** The company turns photo reports of one estate it manages into a task with a due date. */
    PatrolTask createTask(SpmPrincipal caller, PatrolTaskInput input);

    Page<PatrolTask> tasks(SpmPrincipal caller, PatrolQuery query, PageRequest page);

    PatrolTask getTask(SpmPrincipal caller, long id);

    List<PatrolEvent> events(SpmPrincipal caller, long taskId);

    /** OPEN / INSPECTED → INSPECTED: the findings (required) with photos. */
    PatrolTask inspect(SpmPrincipal caller, long id, long expectedVersion, PatrolResult findings);

    /** INSPECTED → CLOSED: the fix (required) with at least one photo; the reporters are told, the result published. */
    PatrolTask close(SpmPrincipal caller, long id, long expectedVersion, PatrolResult fix);

    /** Closed tasks for the public portal, newest first: no personal data. */
    Page<PublicPatrol> published(Long estateId, Long companyId, PageRequest page);

    /** Whether a file is a photo of a published (closed) task's findings or fix (the public thumbnail). */
    boolean publishedPhoto(long taskId, String fileId);
}
