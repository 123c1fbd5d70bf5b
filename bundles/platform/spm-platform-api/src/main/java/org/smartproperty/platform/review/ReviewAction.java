package org.smartproperty.platform.review;

/** What a party does to a review (the transitions' names; see {@link ReviewTransitions#TABLE}). */
public enum ReviewAction {
    /** The applicant's first round. */
    SUBMIT,
    /** The applicant's new round after the latest one was returned. */
    RESUBMIT,
    /** The reviewer accepts the submitted round. */
    APPROVE,
    /** The reviewer sends the submitted round back with a reason. */
    RETURN
}
