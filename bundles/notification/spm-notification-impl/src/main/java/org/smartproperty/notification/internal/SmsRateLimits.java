package org.smartproperty.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-number SMS limits (INT-SMS: per minute / hour / day, counted over the calls in
 * {@code ntf_sms_attempt}). Part of {@link SmsDispatcher}, split along its duties (issue 10 item 5).
 */
final class SmsRateLimits {

    private SmsRateLimits() {
    }

    /** The earliest moment {@code phone} may get another SMS under the per-number limits. */
    static Instant allowedAt(Connection c, String phone, Instant now, DispatchSettings st) throws SQLException {
        Map<Duration, Integer> limits = new LinkedHashMap<>();
        limits.put(Duration.ofMinutes(1), st.perMinute());
        limits.put(Duration.ofHours(1), st.perHour());
        limits.put(Duration.ofDays(1), st.perDay());
        if (limits.values().stream().allMatch(n -> n <= 0)) {
            return now;
        }
        List<Instant> recent = new ArrayList<>(); // newest first
        try (PreparedStatement ps = c.prepareStatement("SELECT at FROM ntf_sms_attempt WHERE phone = ? AND at > ?"
                + " AND outcome IN ('SENDING','ACCEPTED','UNKNOWN') ORDER BY at DESC")) {
            ps.setString(1, phone);
            ps.setObject(2, Db.ts(now.minus(Duration.ofDays(1))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recent.add(Db.instant(rs, "at"));
                }
            }
        }
        Instant allowed = now;
        for (Map.Entry<Duration, Integer> l : limits.entrySet()) {
            int n = l.getValue();
            if (n <= 0) {
                continue;
            }
            Instant from = now.minus(l.getKey());
            List<Instant> inWindow = recent.stream().filter(t -> t.isAfter(from)).toList();
            if (inWindow.size() >= n) {
                Instant free = inWindow.get(n - 1).plus(l.getKey()).plusMillis(1);
                if (free.isAfter(allowed)) {
                    allowed = free;
                }
            }
        }
        return allowed;
    }
}
