package org.smartproperty.complaint.internal;

import org.smartproperty.notification.MessageKind;

/**
 * The message kinds this bundle sends; each is defined (number, parameters, zh-CN / zh-TW / pt / en templates) in
 * {@code META-INF/spm/complaint.contributions.properties}, which the platform collects (issue 10 item 1).
 */
final class ComplaintMessageKinds {

    static final MessageKind COMPLAINT_RECEIVED = MessageKind.of("COMPLAINT_RECEIVED");
    static final MessageKind COMPLAINT_ASSIGNED = MessageKind.of("COMPLAINT_ASSIGNED");
    static final MessageKind COMPLAINT_RESULT = MessageKind.of("COMPLAINT_RESULT");

    private ComplaintMessageKinds() {
    }
}
