package org.smartproperty.complaint;

import org.smartproperty.platform.Messages;

/** Texts of the complaint domain (zh-CN base, en). */
public final class ComplaintMessages {

    public static final Messages TEXTS = Messages.of(ComplaintMessages.class, "org.smartproperty.complaint.messages");

    private ComplaintMessages() {
    }
}
