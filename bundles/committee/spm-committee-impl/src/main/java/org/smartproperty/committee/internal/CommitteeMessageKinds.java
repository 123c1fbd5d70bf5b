package org.smartproperty.committee.internal;

import org.smartproperty.notification.MessageKind;

/**
 * The message kinds this bundle sends; each is defined (number, parameters, zh-CN / zh-TW / pt / en templates) in
 * {@code META-INF/spm/committee.contributions.properties}, which the platform collects (issue 10 item 1).
 */
final class CommitteeMessageKinds {

    static final MessageKind COMMITTEE_TERM_ENDING = MessageKind.of("COMMITTEE_TERM_ENDING");

    private CommitteeMessageKinds() {
    }
}
