package org.smartproperty.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;
import org.smartproperty.publishing.PolicyLevel;
import org.smartproperty.publishing.PolicyStatus;

/** A row of {@code pub_policy} (PUB-1); its search terms are in {@code pub_term} ({@link Terms}). */
@Entity
@Table(name = "pub_policy")
public class PolicyEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "pub_policy_seq", sequenceName = "pub_policy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pub_policy_seq")
    Long id;

    @Enumerated(EnumType.STRING) @Column(name = "level") PolicyLevel level;
    @Column(name = "issuer") String issuer;
    @Column(name = "doc_number") String docNumber;
    @Column(name = "title") String title;
    @Column(name = "summary") String summary;
    @Column(name = "full_text") String fullText;
    @Column(name = "effective_date") LocalDate effectiveDate;
    @Column(name = "repeal_date") LocalDate repealDate;
    @Enumerated(EnumType.STRING) @Column(name = "status") PolicyStatus status;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "published_at") Instant publishedAt;
}
