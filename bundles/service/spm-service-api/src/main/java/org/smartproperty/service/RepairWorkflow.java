package org.smartproperty.service;

import static org.smartproperty.service.RepairStatus.ACCEPTED;
import static org.smartproperty.service.RepairStatus.COMPLETED;
import static org.smartproperty.service.RepairStatus.CONFIRMED;
import static org.smartproperty.service.RepairStatus.REJECTED;
import static org.smartproperty.service.RepairStatus.REOPENED;
import static org.smartproperty.service.RepairStatus.REQUESTED;
import static org.smartproperty.service.RepairStatus.SCHEDULED;

import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The repair workflow as the kernel's transition table (SVC-REP-1, OWN-4, COS-6, issue 10 item 2).
 * The parties: COMPANY a user of the company managing the repair's estate ({@code repair:handle}
 * in its scope), REPORTER the requester's own account. The rows' order gives the order of the
 * allowed states in a 409.
 */
public final class RepairWorkflow {

    /** At most this many photos with a request or a completion. */
    public static final int MAX_PHOTOS = 9;

    public static final TransitionTable<RepairStatus> TABLE = TransitionTable
            .builder(RepairStatus.class, ServiceMessages.TEXTS, "repair")
            .initial(REQUESTED).terminal(COMPLETED, CONFIRMED, REJECTED)
            .on("accept", REQUESTED, REOPENED).permission("repair:handle").by(Party.COMPANY).text("note").to(ACCEPTED)
            .on("schedule", ACCEPTED, SCHEDULED).permission("repair:handle").by(Party.COMPANY).text("note").to(SCHEDULED)
            .on("complete", SCHEDULED).permission("repair:handle").by(Party.COMPANY).requiredText("report", "report.required")
                    .photos("photos", MAX_PHOTOS).deadline(DeadlineStep.COMPLETE).to(COMPLETED)
            .on("confirm", COMPLETED).permission("repair:read").by(Party.REPORTER).denied("repair.notRequester").text("note")
                    .to(CONFIRMED)
            .on("reopen", COMPLETED, CONFIRMED).permission("repair:read").by(Party.REPORTER).denied("repair.notRequester")
                    .text("reason").deadline(DeadlineStep.START).to(REOPENED)
            .on("reject", REQUESTED, REOPENED, ACCEPTED, SCHEDULED).permission("repair:handle").by(Party.COMPANY)
                    .requiredText("reason", "reason.required").deadline(DeadlineStep.CANCEL).to(REJECTED)
            .on("autoConfirm", COMPLETED).by(Party.SYSTEM).to(CONFIRMED)
            .build();

    private RepairWorkflow() {
    }
}
