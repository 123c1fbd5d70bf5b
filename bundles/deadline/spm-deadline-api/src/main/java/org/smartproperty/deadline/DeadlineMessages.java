package org.smartproperty.deadline;

import org.smartproperty.platform.Messages;

/** Texts of the deadline domain (zh-CN base, en). */
public final class DeadlineMessages {

    public static final Messages TEXTS = Messages.of(DeadlineMessages.class, "org.smartproperty.deadline.messages");

    private DeadlineMessages() {
    }
}
