package org.smartproperty.inspection.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * The deadline tracker as the task workflow sees it (DR-3). A task's publication deadline starts at {@code finish}, so a
 * task cancelled while PLANNED or DRAWN has none: the kernel's {@code cancel} step (which the table must declare for a
 * move into a final state) then has nothing to cancel, and this view answers it without asking the tracker (which
 * would say 404). Everything else goes to the deadline domain's tracker unchanged, in the caller's transaction.
 */
final class PublicationDeadline implements DeadlineTracker {

    private final DeadlineTracker tracker;

    PublicationDeadline(DeadlineTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public Deadline cancel(Connection sameTransaction, String domain, long itemId, Instant at) {
        Optional<Deadline> running = tracker.find(sameTransaction, domain, itemId);
        return running.isEmpty() ? null : tracker.cancel(sameTransaction, domain, itemId, at);
    }

    @Override
    public Deadline start(Connection sameTransaction, TrackedItem item) {
        return tracker.start(sameTransaction, item);
    }

    @Override
    public Deadline pause(Connection sameTransaction, String domain, long itemId, Instant at) {
        return tracker.pause(sameTransaction, domain, itemId, at);
    }

    @Override
    public Deadline resume(Connection sameTransaction, String domain, long itemId, Instant at) {
        return tracker.resume(sameTransaction, domain, itemId, at);
    }

    @Override
    public Deadline reassign(Connection sameTransaction, String domain, long itemId, Long assigneeAccountId, Long supervisorAccountId) {
        return tracker.reassign(sameTransaction, domain, itemId, assigneeAccountId, supervisorAccountId);
    }

    @Override
    public Deadline complete(Connection sameTransaction, String domain, long itemId, Instant at) {
        return tracker.complete(sameTransaction, domain, itemId, at);
    }

    @Override
    public Optional<Deadline> find(Connection sameTransaction, String domain, long itemId) {
        return tracker.find(sameTransaction, domain, itemId);
    }

    @Override
    public Deadline backdate(Connection sameTransaction, String domain, long itemId, Duration age) {
        return tracker.backdate(sameTransaction, domain, itemId, age);
    }

    @Override
    public Page<Deadline> monitoring(DataScope scope, DeadlineQuery query, PageRequest page) {
        return tracker.monitoring(scope, query, page);
    }
}
