package org.smartproperty.developer;

import org.smartproperty.platform.Messages;

/** Texts of the developer domain (zh-CN base, en). */
public final class DeveloperMessages {

    public static final Messages TEXTS = Messages.of(DeveloperMessages.class, "org.smartproperty.developer.messages");

    private DeveloperMessages() {
    }
}
