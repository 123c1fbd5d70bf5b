package org.smartproperty.publishing;

import org.smartproperty.platform.Messages;

/** Texts of the publishing domain (zh-CN base, en). */
public final class PublishingMessages {

    public static final Messages TEXTS = Messages.of(PublishingMessages.class, "org.smartproperty.publishing.messages");

    private PublishingMessages() {
    }
}
