package org.smartproperty.deadline;

import org.osgi.annotation.versioning.ProviderType;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * Deadlines of the items of other domains (complaints, repairs, patrol tasks). The write methods
 * run on the CALLER's connection, i.e. inside the domain's own transaction (from JPA:
 * {@code em.unwrap(java.sql.Connection.class)}): the deadline commits or rolls back with the item.
 * They never commit, roll back or close it. One deadline per (domain, itemId); {@code at} null means
 * now. Invalid input is a 400 {@code ApiException} with field errors; an untracked item 404; a
 * transition the state does not allow (pause a non-pausable category, resume a running one, ...) 409.
 */
@ProviderType
public interface DeadlineTracker {

    /** Sort keys of {@link #monitoring}. */
    Set<String> SORT = Set.of("id", "dueAt", "warnAt", "startedAt", "domain");

    /**
     * Starts (or restarts, when the previous one is finished) the deadline of an item with the time
     * limit of its category; 409 {@code deadline.alreadyRunning} while one is open.
     */
    Deadline start(Connection sameTransaction, TrackedItem item);

    /** Stops the clock (waiting for the complainant); only for pausable categories. */
    Deadline pause(Connection sameTransaction, String domain, long itemId, Instant at);

    /** Restarts the clock; the warning point and the deadline move by the working time of the pause. */
    Deadline resume(Connection sameTransaction, String domain, long itemId, Instant at);

    /** New assignee / supervisor (the next escalations notify them). */
    Deadline reassign(Connection sameTransaction, String domain, long itemId, Long assigneeAccountId, Long supervisorAccountId);

    Deadline complete(Connection sameTransaction, String domain, long itemId, Instant at);

    Deadline cancel(Connection sameTransaction, String domain, long itemId, Instant at);

    Optional<Deadline> find(Connection sameTransaction, String domain, long itemId);

    /**
     * Moves an item's deadline {@code age} back in time, for history recorded after the fact (the demo data's year
     * of cases, an import from an older system) whose item moved back by the same amount in its own domain. Start,
     * pauses and finish move by {@code age}; a running deadline that was never paused gets its warning point and due
     * time anew from the new start (working calendar and time limit of the deadline), any other moves them by
     * {@code age}. The monitor then warns or marks it overdue as for any other. 404 when the item has no deadline;
     * 409 {@code deadline.illegalState} once the monitor warned or marked it (those notices were sent for the old
     * times); 400 for a negative age. Since 1.1.
     */
    Deadline backdate(Connection sameTransaction, String domain, long itemId, java.time.Duration age);

    /**
     * Monitoring views (SVC-CMP-5, SVC-REP-2, SVC-PAT-2), in a transaction of their own: open
     * deadlines near (past the warning point) or past their due time. Scope: ALL everything,
     * COMPANY the items of its company, COMMITTEE the items of its estate, anything else nothing.
     */
    Page<Deadline> monitoring(DataScope scope, DeadlineQuery query, PageRequest page);
}
