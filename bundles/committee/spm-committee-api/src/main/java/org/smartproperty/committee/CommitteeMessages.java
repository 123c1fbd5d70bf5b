package org.smartproperty.committee;

import org.smartproperty.platform.Messages;

/** Texts of the committee domain (zh-CN base, en). */
public final class CommitteeMessages {

    public static final Messages TEXTS = Messages.of(CommitteeMessages.class, "org.smartproperty.committee.messages");

    private CommitteeMessages() {
    }
}
