package org.smartproperty.tender.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

/** A review round of the tender's award ({@code tnd_award_round}). */
@Entity
@Table(name = "tnd_award_round")
public class AwardRound extends TenderRound {
}
