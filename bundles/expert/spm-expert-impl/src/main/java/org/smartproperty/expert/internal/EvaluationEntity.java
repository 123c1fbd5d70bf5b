package org.smartproperty.expert.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;


/** An evaluation an expert sat on ({@code exp_evaluation}; rows inserted by {@link ExpertProjectsImpl#published}), rated here. */
@Entity
@Table(name = "exp_evaluation")
public class EvaluationEntity {

    @Id Long id;
    @Column(name = "expert_id") long expertId;
    @Column(name = "project_id") long projectId;
    @Column(name = "draw_id") long drawId;
    @Column(name = "seat") int seat;
    @Column(name = "evaluated_at") Instant evaluatedAt;
    @Column(name = "rating") Integer rating;
    @Column(name = "rating_comment") String comment;
    @Column(name = "rated_by") String ratedBy;
    @Column(name = "rated_at") java.time.OffsetDateTime ratedAt; // nullable: OffsetDateTime, not a converted Instant
}
