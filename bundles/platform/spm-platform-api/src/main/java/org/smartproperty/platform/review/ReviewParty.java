package org.smartproperty.platform.review;

/** Who fires a transition: the applicant party of the subject (scoped) or a reviewer (by permission). */
public enum ReviewParty {
    /** The party the subject belongs to (a company, a committee, a tenderer…), within its data scope; needs {@link ReviewKind#applyPermission()}. */
    APPLICANT,
    /** The regulator's staff holding {@link ReviewKind#reviewPermission()}. */
    REVIEWER
}
