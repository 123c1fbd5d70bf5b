package org.smartproperty.inspection;

import java.time.Instant;

/** One entry of a task's timeline (ins_task_event). */
public record TaskEvent(long id, long taskId, String action, TaskStatus from, TaskStatus to, String actor, Instant at, String note) {
}
