package org.smartproperty.tender;

/** Where a tender stands (docs/tendering-contract.md "Tenders"). */
public enum TenderStage {
    DRAFT, PROJECT_REVIEW, ANNOUNCEMENT, ANNOUNCEMENT_REVIEW, SCHEDULED, BIDDING, FAILED, EVALUATION, PUBLICITY, AWARD, AWARD_REVIEW,
    CONTRACT, CONTRACT_REVIEW, CONTRACTED, CANCELLED
}
