package org.smartproperty.complaint;

import static org.smartproperty.complaint.ComplaintStatus.CLOSED;
import static org.smartproperty.complaint.ComplaintStatus.DISPATCHED;
import static org.smartproperty.complaint.ComplaintStatus.IN_PROGRESS;
import static org.smartproperty.complaint.ComplaintStatus.REGISTERED;
import static org.smartproperty.complaint.ComplaintStatus.REJECTED;
import static org.smartproperty.complaint.ComplaintStatus.REOPENED;
import static org.smartproperty.complaint.ComplaintStatus.RESOLVED;
import static org.smartproperty.complaint.ComplaintStatus.WAITING;

import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The complaint workflow as the kernel's transition table (SVC-CMP-2..4, issue 10 item 2). The
 * parties: ASSIGNEE the officer it was dispatched to or a user of the company it was forwarded to,
 * REGULATOR the regulator's staff who dispatch ({@code complaint:dispatch}), REPORTER the
 * complainant's own account. The rows' order gives the order of the allowed states in a 409.
 */
public final class ComplaintWorkflow {

    public static final TransitionTable<ComplaintStatus> TABLE = TransitionTable
            .builder(ComplaintStatus.class, ComplaintMessages.TEXTS, "complaint")
            .initial(REGISTERED).terminal(RESOLVED, CLOSED, REJECTED)
            .on("accept", DISPATCHED).permission("complaint:handle").by(Party.ASSIGNEE, Party.REGULATOR).text("note").to(IN_PROGRESS)
            .on("dispatch", REGISTERED, REOPENED, DISPATCHED).permission("complaint:dispatch").by(Party.REGULATOR).text("note")
                    .to(DISPATCHED)
            .on("wait", IN_PROGRESS).permission("complaint:handle").by(Party.ASSIGNEE, Party.REGULATOR).text("note")
                    .deadline(DeadlineStep.PAUSE).to(WAITING)
            .on("resume", WAITING).permission("complaint:handle").by(Party.ASSIGNEE, Party.REGULATOR).text("note")
                    .deadline(DeadlineStep.RESUME).to(IN_PROGRESS)
            .on("resolve", IN_PROGRESS).permission("complaint:handle").by(Party.ASSIGNEE, Party.REGULATOR)
                    .requiredText("result", "result.required").deadline(DeadlineStep.COMPLETE).to(RESOLVED)
            .on("close", RESOLVED).permission("complaint:read").by(Party.REPORTER, Party.REGULATOR).denied("complaint.notComplainant")
                    .text("note").to(CLOSED)
            .on("reopen", RESOLVED, CLOSED).permission("complaint:read").by(Party.REPORTER).denied("complaint.notComplainant")
                    .text("reason").deadline(DeadlineStep.START).to(REOPENED)
            .on("reject", REGISTERED, REOPENED, DISPATCHED, IN_PROGRESS, WAITING).permission("complaint:handle")
                    .by(Party.ASSIGNEE, Party.REGULATOR).requiredText("reason", "reason.required").deadline(DeadlineStep.CANCEL)
                    .to(REJECTED)
            .on("autoClose", RESOLVED).by(Party.SYSTEM).to(CLOSED)
            .build();

    private ComplaintWorkflow() {
    }
}
