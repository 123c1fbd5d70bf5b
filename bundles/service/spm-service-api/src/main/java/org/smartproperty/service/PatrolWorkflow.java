package org.smartproperty.service;

import static org.smartproperty.service.PatrolStatus.CLOSED;
import static org.smartproperty.service.PatrolStatus.INSPECTED;
import static org.smartproperty.service.PatrolStatus.OPEN;

import org.smartproperty.platform.workflow.DeadlineStep;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The patrol task workflow as the kernel's transition table (SVC-PAT-1, COS-5, issue 10 item 2):
 * only the company managing the task's estate ({@code patrol:handle} in its scope) moves it.
 */
public final class PatrolWorkflow {

    public static final TransitionTable<PatrolStatus> TABLE = TransitionTable
            .builder(PatrolStatus.class, ServiceMessages.TEXTS, "patrol")
            .initial(OPEN).terminal(CLOSED)
            .on("inspect", OPEN, INSPECTED).permission("patrol:handle").by(Party.COMPANY).requiredText("text", "findings.required")
                    .photos("photos", RepairWorkflow.MAX_PHOTOS).to(INSPECTED)
            .on("close", INSPECTED).permission("patrol:handle").by(Party.COMPANY).requiredText("text", "fix.required")
                    .requiredPhotos("photos", RepairWorkflow.MAX_PHOTOS, "photos.required").deadline(DeadlineStep.COMPLETE).to(CLOSED)
            .build();

    private PatrolWorkflow() {
    }
}
