package org.smartproperty.company;

import java.time.LocalDate;

/**
 * An estate a company manages, from {@code from} until {@code to} (inclusive; null while it
 * still manages it). Ended periods stay on record (history of SUP-CO-1).
 */
public record ServicePeriod(long estateId, LocalDate from, LocalDate to) {
}
