package org.smartproperty.company;

import org.smartproperty.platform.Messages;

/** Texts of the company domain (zh-CN base, en). */
public final class CompanyMessages {

    public static final Messages TEXTS = Messages.of(CompanyMessages.class, "org.smartproperty.company.messages");

    private CompanyMessages() {
    }
}
