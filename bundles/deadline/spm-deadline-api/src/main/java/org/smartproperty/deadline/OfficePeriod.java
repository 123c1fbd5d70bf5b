package org.smartproperty.deadline;

import java.time.LocalTime;

/** One block of office hours of a working day, {@code [from, to)} local time, e.g. 09:00–12:00. */
public record OfficePeriod(LocalTime from, LocalTime to) {

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
