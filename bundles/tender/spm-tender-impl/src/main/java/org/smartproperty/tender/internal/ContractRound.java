package org.smartproperty.tender.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A review round of the contract filing ({@code tnd_contract_round}, DEV-7) with the contract's terms. */
@Entity
@Table(name = "tnd_contract_round")
public class ContractRound extends TenderRound {

    @Column(name = "summary") String summary;
    @Column(name = "service_from") LocalDate serviceFrom;
    @Column(name = "service_to") LocalDate serviceTo;
    @Column(name = "monthly_fee") BigDecimal monthlyFee;
    @Column(name = "signed_at") LocalDate signedAt;
}
