package org.smartproperty.developer;

import java.time.Instant;
import java.util.List;

/**
 * A developer organisation (开发建设单位, DEV-1) as the registry shows it. {@code version} is also the HTTP ETag.
 * Personal data (legal representative, contact, phone) is shown in full to callers with {@code developer:read}
 * (the regulator's staff and the developer itself); nothing of it is public.
 *
 * @param estateIds the estates (projects) the developer built, linked by estate id, ascending
 */
public record Developer(long id, String name, String creditCode, String legalRepresentative, String contact, String phone,
                        String address, DeveloperStatus status, String revokedReason, List<Long> estateIds, long version,
                        Instant createdAt, Instant updatedAt) {

    /** Longest name (the column's width). */
    public static final int NAME_MAX = 200;
    public static final int PERSON_MAX = 100;
    public static final int ADDRESS_MAX = 400;
    public static final int REASON_MAX = 4000;

    public Developer {
        estateIds = estateIds == null ? List.of() : List.copyOf(estateIds);
    }
}
