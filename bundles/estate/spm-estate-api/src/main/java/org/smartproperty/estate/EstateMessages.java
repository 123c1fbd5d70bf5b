package org.smartproperty.estate;

import org.smartproperty.platform.Messages;

/** Texts of the estate domain (zh-CN base, en). */
public final class EstateMessages {

    public static final Messages TEXTS = Messages.of(EstateMessages.class, "org.smartproperty.estate.messages");

    private EstateMessages() {
    }
}
