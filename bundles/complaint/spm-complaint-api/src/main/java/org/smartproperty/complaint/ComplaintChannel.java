package org.smartproperty.complaint;

import java.util.Set;

/**
 * How a complaint reached the platform (SVC-CMP-1): filed online by the complainant (PORTAL,
 * MINI_PROGRAM) or registered by the regulator's staff for a caller (PHONE, HOTLINE_12345,
 * WALK_IN, LETTER).
 */
public enum ComplaintChannel {
    PORTAL, MINI_PROGRAM, PHONE, HOTLINE_12345, WALK_IN, LETTER;

    /** Channels of complaints the complainant files online with their own account. */
    public static final Set<ComplaintChannel> ONLINE = Set.of(PORTAL, MINI_PROGRAM);

    public boolean online() {
        return ONLINE.contains(this);
    }
}
