package org.smartproperty.deadline.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.smartproperty.deadline.DayKind;
import org.smartproperty.deadline.OfficePeriod;

/**
 * Working-time arithmetic over a snapshot of the calendar exceptions (SLA-2): pure, no database.
 * Working days are Monday–Friday unless marked HOLIDAY, plus weekend days marked MAKEUP_WORKDAY;
 * working time is the office periods of working days in the zone.
 */
final class CalendarMath {

    /** No limit reaches further than this (45 working days are ~ 2.5 months); guards against an all-holiday calendar. */
    static final int MAX_DAYS = 3 * 366;

    private final Map<LocalDate, DayKind> exceptions;
    private final List<OfficePeriod> periods;
    private final ZoneId zone;

    CalendarMath(Map<LocalDate, DayKind> exceptions, List<OfficePeriod> periods, ZoneId zone) {
        this.exceptions = exceptions;
        this.periods = periods;
        this.zone = zone;
    }

    boolean isWorkingDay(LocalDate d) {
        DayKind k = exceptions.get(d);
        if (k == DayKind.HOLIDAY) {
            return false;
        }
        if (k == DayKind.MAKEUP_WORKDAY) {
            return true;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** End of the office hours of the {@code days}-th working day after the local date of {@code start}. */
    Instant addWorkingDays(Instant start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
        LocalDate d = start.atZone(zone).toLocalDate();
        int found = 0;
        for (int i = 1; i <= MAX_DAYS; i++) {
            LocalDate c = d.plusDays(i);
            if (isWorkingDay(c) && ++found == days) {
                return endOfOffice(c);
            }
        }
        throw new IllegalStateException("no " + days + " working days within " + MAX_DAYS + " days after " + d);
    }

    Instant endOfOffice(LocalDate d) {
        return ZonedDateTime.of(d, periods.get(periods.size() - 1).to(), zone).toInstant();
    }

    /** {@code start} plus {@code amount} of working time; the end of a period when it is used up exactly there. */
    Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative working time " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration left = amount;
        LocalDate d = start.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS; i++, d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficePeriod p : periods) {
                Instant from = ZonedDateTime.of(d, p.from(), zone).toInstant();
                Instant to = ZonedDateTime.of(d, p.to(), zone).toInstant();
                if (!to.isAfter(start)) {
                    continue;
                }
                Instant s = from.isBefore(start) ? start : from;
                Duration available = Duration.between(s, to);
                if (left.compareTo(available) <= 0) {
                    return s.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no " + amount + " of working time within " + MAX_DAYS + " days after " + start);
    }

    /** Working time in {@code [from, to)}, negative when reversed. */
    Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration sum = Duration.ZERO;
        LocalDate d = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficePeriod p : periods) {
                Instant a = ZonedDateTime.of(d, p.from(), zone).toInstant();
                Instant b = ZonedDateTime.of(d, p.to(), zone).toInstant();
                Instant s = a.isBefore(from) ? from : a;
                Instant e = b.isAfter(to) ? to : b;
                if (e.isAfter(s)) {
                    sum = sum.plus(Duration.between(s, e));
                }
            }
        }
        return sum;
    }
}
