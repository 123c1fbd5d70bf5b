package org.smartproperty.expert;

import java.time.Instant;

/**
 * One seat of a draw's panel, or one reserve. Before the project's results are published the name, expert id and
 * account name are masked ({@code masked} true: "专家 3") for everyone but the regulator's staff and the expert on it.
 *
 * @param origin DRAWN, RESERVE (took the seat from the reserves), SUPPLEMENTARY (drawn beyond the reserves),
 *               REPRESENTATIVE (the tenderer's)
 * @param status PENDING (to confirm by {@code confirmBy}), CONFIRMED, OPEN (no one left to draw), and for a reserve
 *               WAITING, CALLED, DECLINED, TIMED_OUT, SKIPPED
 */
public record DrawSeat(Integer seat, Integer rank, Long expertId, String name, String accountName, String origin, String status,
                       Instant confirmBy, Instant respondedAt, String reason, boolean representative, boolean masked) {
}
