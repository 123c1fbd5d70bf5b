package org.smartproperty.expert.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;


/** A project of the library ({@code exp_project}, SUP-EX-2): written only by {@link ExpertProjectsImpl} (JDBC), read here. */
@Entity
@Table(name = "exp_project")
public class ProjectEntity {

    @Id Long id;
    @Column(name = "source") String source;
    @Column(name = "source_id") long sourceId;
    @Column(name = "number") String number;
    @Column(name = "title") String title;
    @Column(name = "estate_id") long estateId;
    @Column(name = "tenderer_kind") String tendererKind;
    @Column(name = "tenderer_id") long tendererId;
    @Column(name = "evaluation_at") Instant evaluationAt;
    @Column(name = "published_at") Instant publishedAt;
    @Column(name = "published_by") String publishedBy;
    @Column(name = "created_at") Instant createdAt;
}
