package org.smartproperty.expert;

import org.smartproperty.platform.Messages;

/** Texts of the expert domain (zh-CN base, en). */
public final class ExpertMessages {

    public static final Messages TEXTS = Messages.of(ExpertMessages.class, "org.smartproperty.expert.messages");

    private ExpertMessages() {
    }
}
