package org.smartproperty.developer.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code dvl_developer_estate}: an estate (by its id in the estate registry) and the developer that built it. */
@Entity
@Table(name = "dvl_developer_estate")
public class DeveloperEstateEntity {

    /** How the link came about. */
    static final String MATCHED = "MATCHED";
    static final String LISTED = "LISTED";

    @Id
    @Column(name = "estate_id") Long estateId;
    @Column(name = "developer_id") Long developerId;
    @Column(name = "source") String source;
    @Column(name = "linked_at") Instant linkedAt;
    @Column(name = "linked_by") String linkedBy;
}
