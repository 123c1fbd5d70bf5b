package org.smartproperty.survey;

/** Who a questionnaire evaluates: the property company of each targeted estate, or the estate's owners' committee. */
public enum SurveySubject { COMPANY, COMMITTEE }
