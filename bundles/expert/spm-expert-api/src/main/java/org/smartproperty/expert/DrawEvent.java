package org.smartproperty.expert;

import java.time.Instant;

/**
 * One entry of a draw's log (exp_draw_event): DRAWN, NOTIFIED, CONFIRMED, DECLINED, TIMED_OUT, REPLACED (a reserve took
 * the seat), SUPPLEMENTARY (drawn beyond the reserves), SKIPPED (no longer active), SEAT_OPEN, PUBLISHED. The expert id is
 * masked like the seats.
 */
public record DrawEvent(long id, String kind, Integer seat, Long expertId, String actor, Instant at, String reason) {
}
