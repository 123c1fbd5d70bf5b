package org.smartproperty.service;

import org.smartproperty.platform.Messages;

/** Texts of the repair and patrol domain (zh-CN base, en). */
public final class ServiceMessages {

    public static final Messages TEXTS = Messages.of(ServiceMessages.class, "org.smartproperty.service.messages");

    private ServiceMessages() {
    }
}
