package org.smartproperty.credit;

import java.util.List;

/** The regulator's item-by-item verification: every item of the round, 0 ≤ verified ≤ claimed. */
public record Verification(List<Item> items, String reason) {

    public record Item(Long itemId, Integer verifiedPoints, String note) {
    }
}
