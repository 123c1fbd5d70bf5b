package org.smartproperty.estate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded check of an owner's title to a house against the real-estate registration system
 * (OWN-2, INT-REG; table {@code est_title_verification}). {@link #HELD} results are what owner
 * votes count (VOTE-1: exclusive area from the register); a {@link #NOT_HELD} result is kept as
 * evidence but verifies nothing.
 *
 * @param ownerName         masked (ID-2)
 * @param verified          whether this is the owner's current verified title to the house (latest result, HELD)
 * @param reason            the registry's reason when NOT_HELD
 */
public record TitleVerification(long id, String unitCode, long houseId, long ownerId, String ownerName, Instant verifiedAt,
                                String result, String reason, BigDecimal exclusiveArea, BigDecimal share,
                                String certificateNumber, LocalDate registeredOn, String registrySource,
                                String registryReference, String verifiedBy, boolean verified) {

    public static final String HELD = "HELD";
    public static final String NOT_HELD = "NOT_HELD";
}
