package org.smartproperty.inspection;

import org.smartproperty.platform.Messages;

/** Texts of the inspection domain (zh-CN base, zh-TW, pt, en). */
public final class InspectionMessages {

    public static final Messages TEXTS = Messages.of(InspectionMessages.class, "org.smartproperty.inspection.messages");

    private InspectionMessages() {
    }
}
