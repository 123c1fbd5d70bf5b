package org.smartproperty.tender;

import java.time.Instant;

/** A published tender for everyone (DIS-3): the announcement, and once published the result and the panel's names. */
public record PublicTender(long id, String number, String title, String estateName, String tendererName, TenderMethod method,
                           TenderStage stage, Announcement announcement, Instant bidDeadline, String winnerName, Result result,
                           PanelView panel) {
}
