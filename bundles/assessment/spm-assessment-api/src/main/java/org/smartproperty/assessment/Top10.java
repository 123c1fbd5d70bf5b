package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public TOP 10 (DIS-6): the latest published round's companies ranked 1..10 (ties at rank 10 are all shown) with their
 * scores; no personal data. {@code roundId} null and no items while no round is published.
 */
public record Top10(Long roundId, String roundName, LocalDate periodFrom, LocalDate periodTo, Instant publishedAt, List<Item> items) {

    public record Item(int rank, long companyId, String companyName, BigDecimal score) {
    }
}
