package org.smartproperty.tender.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

/** A review round of the tender's announcement ({@code tnd_announcement_round}). */
@Entity
@Table(name = "tnd_announcement_round")
public class AnnouncementRound extends TenderRound {
}
