package org.smartproperty.survey.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code svy_survey} (changesets svy-1, svy-2); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "svy_survey")
public class SurveyEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "svy_survey_seq", sequenceName = "svy_survey_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svy_survey_seq")
    Long id;

    @Column(name = "title") String title;
    @Column(name = "description") String description;
    @Column(name = "subject") String subject;
    @Column(name = "status") String status;
    @Column(name = "period_from") LocalDate periodFrom;
    @Column(name = "period_to") LocalDate periodTo;
    @Column(name = "all_estates") boolean allEstates;
    /** Explicit target estate ids, comma-separated (empty with allEstates). */
    @Column(name = "estate_ids") String estateIds;
    @Column(name = "indicator_set_id") Long indicatorSetId;
}
