package org.smartproperty.assessment;

/** A company's report in a round: NOT_SUBMITTED, then the review kernel's SUBMITTED, RETURNED (to be resubmitted) and APPROVED. */
public enum ReportStatus { NOT_SUBMITTED, SUBMITTED, RETURNED, APPROVED }
