package org.smartproperty.tender.internal;

import java.time.Instant;
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
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderStage;

/** A row of {@code tnd_tender} (changesets tnd-1, tnd-2). Lists (invited companies, criteria) are JSON text written by Jackson. */
@Entity
@Table(name = "tnd_tender")
public class TenderEntity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "tnd_tender_seq", sequenceName = "tnd_tender_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tnd_tender_seq")
    Long id;

    @Column(name = "title") String title;
    @Column(name = "number") String number;
    @Column(name = "estate_id") long estateId;
    @Column(name = "estate_name") String estateName;
    @Column(name = "tenderer_kind") String tendererKind;
    @Column(name = "tenderer_id") long tendererId;
    @Column(name = "tenderer_name") String tendererName;
    @Enumerated(EnumType.STRING) @Column(name = "method") TenderMethod method;
    @Column(name = "direct_grounds") String directGrounds;
    @Column(name = "direct_company_id") Long directCompanyId;
    @Column(name = "invited_ids") String invitedIds;
    @Column(name = "service_months") int serviceMonths;
    @Column(name = "criteria") String criteria;
    @Enumerated(EnumType.STRING) @Column(name = "stage") TenderStage stage;
    @Column(name = "project_status") String projectStatus;
    @Column(name = "ann_text") String annText;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "publish_at") Instant publishAt;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "documents_from") Instant documentsFrom;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "bid_deadline") Instant bidDeadline;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "opening_at") Instant openingAt;
    @Column(name = "ann_status") String annStatus;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "published_at") Instant publishedAt;
    @Column(name = "winner_company_id") Long winnerCompanyId;
    @Column(name = "winner_name") String winnerName;
    @Column(name = "result_method") String resultMethod;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "result_published_at") Instant resultPublishedAt;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "publicity_until") Instant publicityUntil;
    @Column(name = "retender_of") Long retenderOf;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "award_due_at") Instant awardDueAt;
    @Convert(converter = NullableInstantConverter.class) @Column(name = "contract_due_at") Instant contractDueAt;
}
