package org.smartproperty.tender;

import java.util.List;

/** The evaluation panel as the caller may see it (names masked before publication, TND-5). */
public record PanelView(long drawId, int size, boolean complete, List<Seat> seats) {

    /** expertId/accountName null and name "专家 n" where masked. */
    public record Seat(int seat, Long expertId, String accountName, String name, boolean representative, boolean confirmed) {
    }
}
