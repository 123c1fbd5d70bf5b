package org.smartproperty.publishing;

/** What one run of the job {@code publishing.schedule} did: notices published and expired. */
public record ScheduleRun(int published, int expired) {
}
