package org.smartproperty.tender;

import java.util.List;

/** Body of POST /tenders/{id}/scores: one seat's points per bidder per criterion (0..weight). */
public record ScoreInput(Integer seat, List<Item> scores) {

    public record Item(Long companyId, String criterion, Integer points) {
    }
}
