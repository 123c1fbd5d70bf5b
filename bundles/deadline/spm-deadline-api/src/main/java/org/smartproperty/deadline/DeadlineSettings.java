package org.smartproperty.deadline;

import org.osgi.annotation.versioning.ProviderType;
import java.time.LocalDate;
import java.util.List;

/**
 * The data behind the calendar and the limits, edited by the regulator: exception days
 * (holidays, make-up working days) and the time limit of each category. Each method is one
 * transaction; every write is audited in it. Updates of an existing record need its version
 * (428 without, 412 stale); a create passes null.
 */
@ProviderType
public interface DeadlineSettings {

    /** Exception days of a year, by date. */
    List<CalendarDay> days(int year);

    CalendarDay putDay(LocalDate date, Long expectedVersion, CalendarDayInput input, String actor);

    /** Removes an exception: the day becomes an ordinary weekday / weekend day again. 404 when none. */
    void deleteDay(LocalDate date, String actor);

    /** Every time limit, by domain and category. */
    List<TimeLimit> timeLimits();

    TimeLimit timeLimit(String domain, String category);

    /** Creates or changes the limit of a category (deadlines already started keep theirs). */
    TimeLimit putTimeLimit(String domain, String category, Long expectedVersion, TimeLimitInput input, String actor);
}
