package org.smartproperty.survey;

/** DRAFT (edited) → OPEN (answered) → CLOSED (no more answers, eligible owners counted) → PUBLISHED (public results). */
public enum SurveyStatus { DRAFT, OPEN, CLOSED, PUBLISHED }
