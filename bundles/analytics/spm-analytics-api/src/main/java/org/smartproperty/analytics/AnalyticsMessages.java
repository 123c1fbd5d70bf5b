package org.smartproperty.analytics;

import org.smartproperty.platform.Messages;

/** Texts of the analytics domain (zh-CN base, en). */
public final class AnalyticsMessages {

    public static final Messages TEXTS = Messages.of(AnalyticsMessages.class, "org.smartproperty.analytics.messages");

    private AnalyticsMessages() {
    }
}
