package org.smartproperty.service.internal;

import org.smartproperty.notification.MessageKind;

/**
 * The message kinds this bundle sends; each is defined (number, parameters, zh-CN / zh-TW / pt / en templates) in
 * {@code META-INF/spm/service.contributions.properties}, which the platform collects (issue 10 item 1).
 */
final class ServiceMessageKinds {

    static final MessageKind REPAIR_RECEIVED = MessageKind.of("REPAIR_RECEIVED");
    static final MessageKind REPAIR_NEW = MessageKind.of("REPAIR_NEW");
    static final MessageKind REPAIR_DONE = MessageKind.of("REPAIR_DONE");
    static final MessageKind PATROL_RESULT = MessageKind.of("PATROL_RESULT");

    private ServiceMessageKinds() {
    }
}
