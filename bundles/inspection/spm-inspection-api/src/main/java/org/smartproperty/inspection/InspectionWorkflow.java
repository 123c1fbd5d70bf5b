package org.smartproperty.inspection;

import static org.smartproperty.inspection.TaskStatus.CANCELLED;
import static org.smartproperty.inspection.TaskStatus.DRAWN;
import static org.smartproperty.inspection.TaskStatus.FINISHED;
import static org.smartproperty.inspection.TaskStatus.PLANNED;
import static org.smartproperty.inspection.TaskStatus.PUBLISHED;

import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The spot-check task workflow as the kernel's transition table (SUP-DR-1, DR-2, DR-3; issue 14). Every row is the
 * regulator's ({@code inspection:plan}, party REGULATOR = a caller whose data scope is ALL). {@code draw} freezes the drawn
 * list (a second draw is this table's 409); {@code finish} starts the publication deadline (domain {@code inspection},
 * category PUBLISH, DR-3), {@code publish} completes it; {@code cancel} before the work is finished (no deadline runs yet).
 */
public final class InspectionWorkflow {

    public static final TransitionTable<TaskStatus> TABLE = TransitionTable
            .builder(TaskStatus.class, InspectionMessages.TEXTS, "inspection")
            .initial(PLANNED).terminal(PUBLISHED, CANCELLED).denied("inspection.notPlanner")
            .on("draw", PLANNED).permission("inspection:plan").by(Party.REGULATOR).text("note").to(DRAWN)
            .on("finish", DRAWN).permission("inspection:plan").by(Party.REGULATOR).text("note").deadline(DeadlineStep.START).to(FINISHED)
            .on("publish", FINISHED).permission("inspection:plan").by(Party.REGULATOR).text("note").deadline(DeadlineStep.COMPLETE)
                    .to(PUBLISHED)
            .on("cancel", PLANNED, DRAWN).permission("inspection:plan").by(Party.REGULATOR).requiredText("reason", "reason.required")
                    .deadline(DeadlineStep.CANCEL).to(CANCELLED)
            .build();

    private InspectionWorkflow() {
    }
}
