package org.smartproperty.inspection;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The double-random spot-check domain (双随机一公开; SUP-DR-1..4, DIS-5, rules DR-1..3). Every method takes the caller and
 * is one transaction; invalid input is a 400 with all field errors, an unknown id 404, a stale version 412, a move the
 * task's status does not allow 409 (naming the allowed ones). Writes are audited in the same transaction (object kinds
 * {@code inspection-library}, {@code inspection-task}).
 * <ul>
 * <li>Libraries (DR-1): check items, inspectable objects, inspectors with their conflicts of interest.</li>
 * <li>Tasks (SUP-DR-1): created PLANNED with a generated seed recorded at once; {@link #draw} snapshots the inputs and
 * draws objects per risk level and at least two conflict-free inspectors per object from the recorded seed (DR-2), the
 * list is frozen; {@link #replay} recomputes it. Results (SUP-DR-4) only while DRAWN, by an inspector drawn for the
 * object or the regulator; a FAIL reports a credit signal in the same transaction. {@link #finish} starts the DR-3
 * publication deadline, {@link #publish} completes it and shows the task on the public portal (DIS-5).</li>
 * </ul>
 */
@ProviderType
public interface InspectionService {

    Set<String> ITEM_SORT = Set.of("id", "code", "name", "target");
    Set<String> OBJECT_SORT = Set.of("id", "name", "kind", "riskLevel", "companyId");
    Set<String> INSPECTOR_SORT = Set.of("id", "name", "unit", "unitKind");
    Set<String> TASK_SORT = Set.of("id", "number", "name", "drawDate", "startDate", "endDate", "status", "statusChangedAt");

    // ---------------------------------------------------------------- libraries (DR-1, SUP-DR-2, SUP-DR-3)

    Page<CheckItem> items(SpmPrincipal caller, LibraryQuery query, PageRequest page);

    CheckItem item(SpmPrincipal caller, long id);

    /** 409 when the code is taken. */
    CheckItem createItem(SpmPrincipal caller, CheckItemInput input);

    CheckItem updateItem(SpmPrincipal caller, long id, long expectedVersion, CheckItemInput input);

    Page<InspectObject> objects(SpmPrincipal caller, LibraryQuery query, PageRequest page);

    InspectObject object(SpmPrincipal caller, long id);

    /** 409 when the (kind, refId) is in the library already. */
    InspectObject createObject(SpmPrincipal caller, InspectObjectInput input);

    InspectObject updateObject(SpmPrincipal caller, long id, long expectedVersion, InspectObjectInput input);

    Page<Inspector> inspectors(SpmPrincipal caller, LibraryQuery query, PageRequest page);

    Inspector inspector(SpmPrincipal caller, long id);

    /** 409 when the account name belongs to another inspector. */
    Inspector createInspector(SpmPrincipal caller, InspectorInput input);

    Inspector updateInspector(SpmPrincipal caller, long id, long expectedVersion, InspectorInput input);

    // ---------------------------------------------------------------- tasks (SUP-DR-1, DR-2, DR-3)

    Page<Task> tasks(SpmPrincipal caller, TaskStatus status, PageRequest page);

    Task task(SpmPrincipal caller, long id);

    /** PLANNED, number JC-yyyy-nnnnnn, the seed generated (SecureRandom, 128 bits) and recorded now. */
    Task createTask(SpmPrincipal caller, TaskInput input);

    List<TaskEvent> events(SpmPrincipal caller, long taskId);

    /** PLANNED → DRAWN: snapshot of the inputs, the draw from the recorded seed, the list stored and frozen (DR-2). */
    Task draw(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** The frozen list with seed and algorithm; 409 before the draw. */
    Draw drawList(SpmPrincipal caller, long id);

    /** The list recomputed from the recorded seed and inputs, with {@code identical}; 409 before the draw. */
    Draw replay(SpmPrincipal caller, long id);

    /** DRAWN → FINISHED: the publication deadline (DR-3) starts. */
    Task finish(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** FINISHED → PUBLISHED: the deadline completes, the results are public (DIS-5). */
    Task publish(SpmPrincipal caller, long id, long expectedVersion, String note);

    /** PLANNED or DRAWN → CANCELLED with a reason. */
    Task cancel(SpmPrincipal caller, long id, long expectedVersion, String reason);

    // ---------------------------------------------------------------- results (SUP-DR-4)

    List<Result> results(SpmPrincipal caller, long taskId);

    /**
     * Records one result while the task is DRAWN: by an inspector drawn for the object (account name = the caller's login)
     * or a planner ({@code inspection:plan}), else 403; 409 when the (object, item) has one (results are evidence).
     */
    Result recordResult(SpmPrincipal caller, long taskId, ResultInput input);

    // ---------------------------------------------------------------- public (DIS-5)

    /** Published tasks, newest first, without inspector data or notes. */
    Page<PublicInspection> published(PageRequest page);
}
