package org.smartproperty.deadline;

/** The regulator's edit of one calendar day; {@code provisional} defaults to false (confirmed). */
public record CalendarDayInput(DayKind kind, String name, Boolean provisional, String note) {
}
