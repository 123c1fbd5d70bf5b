package org.smartproperty.tender.internal;

import javax.persistence.Entity;
import javax.persistence.Table;

/** A review round of the tender's project ({@code tnd_project_round}). */
@Entity
@Table(name = "tnd_project_round")
public class ProjectRound extends TenderRound {
}
