package org.smartproperty.estate;

import java.math.BigDecimal;
import java.util.List;

/**
 * An estate's register as owners' votes count it (VOTE-1, VOTE-5), read when a vote opens and frozen by the vote domain.
 *
 * @param titles           per house and verified owner the exclusive area from the register ({@code est_verified_ownership},
 *                         OWN-2), then every UNSOLD house without a verified owner (held by the developer: {@code ownerId}
 *                         null, area = measured area, else planned area), ordered by house id and owner id
 * @param unverifiedHouses houses neither verified nor UNSOLD (an owner whose title is not verified): not in the electorate
 */
public record VotingRegister(long estateId, List<Title> titles, int unverifiedHouses) {

    public VotingRegister {
        titles = List.copyOf(titles);
    }

    /** One line: a verified title ({@code ownerId} set) or an unsold house ({@code unsold}, {@code ownerId} null). Area in m², 2 decimals. */
    public record Title(long houseId, String unitCode, Long ownerId, BigDecimal exclusiveArea, boolean unsold) {
    }
}
