package org.smartproperty.credit.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A company's current credit (crd_company), recomputed in the transaction of every change (and by the expiry job). */
@Entity
@Table(name = "crd_company")
public class ProfileEntity extends AuditedEntity {
    /** The company's id (the list sorts and pages by {@code id}). */
    @Id @Column(name = "company_id") Long id;
    @Column(name = "company_name") String companyName;
    @Column(name = "score") int score;
    @Column(name = "grade") String grade;
    @Column(name = "blacklisted") boolean blacklisted;
    @Column(name = "base_score") int baseScore;
    @Column(name = "good_points") int goodPoints;
    @Column(name = "bad_points") int badPoints;
    @Column(name = "veto") boolean veto;
}
