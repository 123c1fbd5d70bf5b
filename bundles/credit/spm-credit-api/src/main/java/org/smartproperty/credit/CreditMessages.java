package org.smartproperty.credit;

import org.smartproperty.platform.Messages;

/** Texts of the credit domain (zh-CN base, en). */
public final class CreditMessages {

    public static final Messages TEXTS = Messages.of(CreditMessages.class, "org.smartproperty.credit.messages");

    private CreditMessages() {
    }
}
