package org.smartproperty.survey;

import org.smartproperty.platform.Messages;

/** Texts of the survey domain (zh-CN base, en). */
public final class SurveyMessages {

    public static final Messages TEXTS = Messages.of(SurveyMessages.class, "org.smartproperty.survey.messages");

    private SurveyMessages() {
    }
}
