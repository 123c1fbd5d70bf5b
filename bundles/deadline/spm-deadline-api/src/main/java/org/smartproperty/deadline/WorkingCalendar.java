package org.smartproperty.deadline;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The working calendar of SLA-2: Monday–Friday are working days unless the calendar data marks a
 * HOLIDAY; a weekend day marked MAKEUP_WORKDAY is a working day. Working time is the office hours
 * (configurable, default 09:00–12:00 and 14:00–18:00) of working days in the configured zone
 * (default Asia/Shanghai). Every call reads the calendar data as it is now, so an edit by the
 * regulator changes every later computation (deadlines already computed keep their due time).
 */
@ProviderType
public interface WorkingCalendar {

    ZoneId zone();

    List<OfficePeriod> officeHours();

    boolean isWorkingDay(LocalDate day);

    /**
     * The deadline of a limit of {@code days} working days started at {@code start}: the end of the
     * office hours of the {@code days}-th working day after the start's local date (the start day does
     * not count, as for administrative time limits). {@code days} ≥ 1.
     */
    Instant addWorkingDays(Instant start, int days);

    /** {@code start} plus {@code workingTime} of office hours on working days. */
    Instant addWorkingHours(Instant start, Duration workingTime);

    /** Office hours on working days in {@code [from, to)}; negative when {@code to} is before {@code from}. */
    Duration workingTimeBetween(Instant from, Instant to);
}
