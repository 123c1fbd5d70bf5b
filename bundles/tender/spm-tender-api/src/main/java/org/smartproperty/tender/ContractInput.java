package org.smartproperty.tender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** Body of POST /tenders/{id}/contract (DEV-7): the summary, the service period, the signed contract file (required). */
public record ContractInput(String summary, LocalDate serviceFrom, LocalDate serviceTo, BigDecimal monthlyFee, LocalDate signedAt,
                            List<AttachmentInput> materials) {
}
