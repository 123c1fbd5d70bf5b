package org.smartproperty.deadline.internal;

import org.smartproperty.notification.MessageKind;

/**
 * The message kinds this bundle sends; each is defined (number, parameters, zh-CN / zh-TW / pt / en templates) in
 * {@code META-INF/spm/deadline.contributions.properties}, which the platform collects (issue 10 item 1).
 */
final class DeadlineMessageKinds {

    static final MessageKind DEADLINE_WARNING = MessageKind.of("DEADLINE_WARNING");
    static final MessageKind DEADLINE_OVERDUE = MessageKind.of("DEADLINE_OVERDUE");

    private DeadlineMessageKinds() {
    }
}
