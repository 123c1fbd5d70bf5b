package org.smartproperty.survey.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code svy_question}; options one per line. */
@Entity
@Table(name = "svy_question")
public class QuestionEntity {

    @Id
    @SequenceGenerator(name = "svy_question_seq", sequenceName = "svy_question_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "svy_question_seq")
    Long id;

    @Column(name = "survey_id") long surveyId;
    @Column(name = "ordinal") int ordinal;
    @Column(name = "kind") String kind;
    @Column(name = "text") String text;
    @Column(name = "options") String options;
    @Column(name = "indicator_code") String indicatorCode;
    @Column(name = "required") boolean required;
}
