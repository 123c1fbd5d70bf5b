package org.smartproperty.assessment;

import org.smartproperty.platform.Messages;

/** Texts of the assessment domain (zh-CN base, zh-TW, pt, en). */
public final class AssessmentMessages {

    public static final Messages TEXTS = Messages.of(AssessmentMessages.class, "org.smartproperty.assessment.messages");

    private AssessmentMessages() {
    }
}
