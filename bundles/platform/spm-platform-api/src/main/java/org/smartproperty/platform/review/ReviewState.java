package org.smartproperty.platform.review;

/**
 * The state of one review round. A round is SUBMITTED by the applicant, then APPROVED or RETURNED
 * (with a reason) by a reviewer; both decisions are final for that round. After a return the
 * applicant resubmits as a new round, so every round stays on record. The names are the ones the
 * company and committee filings have always stored and shown.
 */
public enum ReviewState {
    SUBMITTED, RETURNED, APPROVED
}
