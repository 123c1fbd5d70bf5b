package org.smartproperty.platform.workflow;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Per-year numbering of items: {@code PREFIX-yyyy-nnnnnn}, the year in the platform's time zone
 * (Asia/Shanghai), the counter starting at 1 every year. The counter itself is a row per (kind,
 * year) incremented under its row lock in the caller's transaction (kernel implementation).
 */
public final class CaseNumbers {

    /** The time zone of years, days and the times in texts. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseNumbers() {
    }

    public static int yearOf(Instant at) {
        return at.atZone(ZONE).getYear();
    }

    public static String format(String prefix, int year, long n) {
        if (n < 1 || n > 999_999) {
            throw new IllegalArgumentException("number " + n + " outside 1..999999 for " + prefix + "-" + year);
        }
        return String.format("%s-%d-%06d", prefix, year, n);
    }
}
