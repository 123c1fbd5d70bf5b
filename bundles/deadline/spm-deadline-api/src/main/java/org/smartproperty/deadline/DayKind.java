package org.smartproperty.deadline;

/** An exception to the Monday–Friday week: a public holiday, or a weekend day that is a make-up working day (调休上班). */
public enum DayKind { HOLIDAY, MAKEUP_WORKDAY }
