package org.smartproperty.tender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The evaluation result: per bidder the seats' totals and the final score by {@code method}; the winner; publicity. */
public record Result(String method, List<Entry> bidders, Long winnerCompanyId, String winnerName, Instant publishedAt, Instant publicityUntil) {

    public record Entry(long companyId, String companyName, List<BigDecimal> seatTotals, BigDecimal score, int rank) {
    }
}
