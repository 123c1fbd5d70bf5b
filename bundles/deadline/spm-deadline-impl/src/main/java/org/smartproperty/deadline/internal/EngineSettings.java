package org.smartproperty.deadline.internal;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.smartproperty.deadline.OfficePeriod;

/**
 * The validated configuration of the engine. Validation (all problems reported at once):
 * interval 5..86400 s; office hours non-empty, each {@code HH:mm-HH:mm} with from &lt; to, ascending and
 * not overlapping; a known zone id; default warning ratio strictly between 0 and 1.
 */
record EngineSettings(int intervalSeconds, boolean monitorEnabled, List<OfficePeriod> officeHours, ZoneId zone, double warningRatio) {

    static final EngineSettings DEFAULTS = of(60, true, "09:00-12:00,14:00-18:00", "Asia/Shanghai", 0.75);

    static EngineSettings of(DeadlineConfig c) {
        return of(c.monitor_intervalSeconds(), c.monitor_enabled(), c.officeHours(), c.zone(), c.warningRatio());
    }

    static EngineSettings of(int intervalSeconds, boolean enabled, String officeHours, String zone, double ratio) {
        List<String> problems = new ArrayList<>();
        if (intervalSeconds < 5 || intervalSeconds > 86_400) {
            problems.add("monitor.intervalSeconds must be 5..86400, was " + intervalSeconds);
        }
        List<OfficePeriod> periods = new ArrayList<>();
        if (officeHours == null || officeHours.isBlank()) {
            problems.add("officeHours must list at least one period");
        } else {
            for (String part : officeHours.split(",")) {
                String[] ft = part.trim().split("-");
                try {
                    if (ft.length != 2) {
                        throw new DateTimeParseException("not HH:mm-HH:mm", part, 0);
                    }
                    OfficePeriod p = new OfficePeriod(LocalTime.parse(ft[0].trim()), LocalTime.parse(ft[1].trim()));
                    if (!p.from().isBefore(p.to())) {
                        problems.add("officeHours period " + part.trim() + " ends before it starts");
                    } else if (!periods.isEmpty() && p.from().isBefore(periods.get(periods.size() - 1).to())) {
                        problems.add("officeHours period " + part.trim() + " overlaps or precedes the previous one");
                    } else {
                        periods.add(p);
                    }
                } catch (DateTimeParseException e) {
                    problems.add("officeHours period '" + part.trim() + "' is not HH:mm-HH:mm");
                }
            }
        }
        ZoneId z = null;
        try {
            z = ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            problems.add("zone '" + zone + "' is not a time zone id");
        }
        if (!(ratio > 0 && ratio < 1)) {
            problems.add("warningRatio must be greater than 0 and less than 1, was " + ratio);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration org.smartproperty.deadline: " + String.join("; ", problems));
        }
        return new EngineSettings(intervalSeconds, enabled, List.copyOf(periods), z, ratio);
    }
}
