package org.smartproperty.survey.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code svy_survey} (changeset svy-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "svy_survey")
public class SurveyEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "svy_survey_seq", sequenceName = "svy_survey_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svy_survey_seq")
    Long id;

    @Column(name = "title") String title;
}
