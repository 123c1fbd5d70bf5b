package org.smartproperty.estate.registration;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the registration system answered for one unit and person (INT-REG).
 *
 * @param held              whether the person holds title to the unit
 * @param reason            when not held: why ({@code NOT_OWNER}, {@code NAME_MISMATCH}, {@code UNIT_UNKNOWN}, …); null when held
 * @param exclusiveArea     registered exclusive-part area (专有部分面积), m²; null when not held
 * @param share             the person's share in percent (100 for sole ownership); null when not held
 * @param certificateNumber 不动产权证号; null when not held
 * @param registeredOn      date of registration of the title; null when not held
 * @param source            which registry answered (e.g. {@code ZH-BDC})
 * @param reference         the registry's reference of this query (for audits and disputes)
 */
public record TitleAnswer(boolean held, String reason, BigDecimal exclusiveArea, BigDecimal share, String certificateNumber,
                          LocalDate registeredOn, String source, String reference) {

    public static TitleAnswer notHeld(String reason, String source, String reference) {
        return new TitleAnswer(false, reason, null, null, null, null, source, reference);
    }
}
