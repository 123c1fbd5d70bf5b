package org.smartproperty.survey.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code svy_response}: an anonymous answer sheet (no account, no owner, no time), OWNER or COMMITTEE. */
@Entity
@Table(name = "svy_response")
public class ResponseEntity {

    @Id
    @SequenceGenerator(name = "svy_response_seq", sequenceName = "svy_response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svy_response_seq")
    Long id;

    @Column(name = "survey_id") long surveyId;
    @Column(name = "estate_id") long estateId;
    @Column(name = "respondent_kind") String respondentKind;
}
