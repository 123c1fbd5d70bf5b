package org.smartproperty.tender;

import org.smartproperty.platform.Messages;

/** Texts of the tender domain (zh-CN base, en). */
public final class TenderMessages {

    public static final Messages TEXTS = Messages.of(TenderMessages.class, "org.smartproperty.tender.messages");

    private TenderMessages() {
    }
}
