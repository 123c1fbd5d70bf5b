package org.smartproperty.tender;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a contract filing states (DEV-7). */
public record ContractTerms(String summary, LocalDate serviceFrom, LocalDate serviceTo, BigDecimal monthlyFee, LocalDate signedAt) {
}
