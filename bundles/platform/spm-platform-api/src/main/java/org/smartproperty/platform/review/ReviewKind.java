package org.smartproperty.platform.review;

/**
 * One kind of review a domain runs and who may act on it.
 *
 * @param name             file-store owner kind of the rounds' materials and history kind, e.g. {@code company-filing}
 * @param auditObjectType  audit object type of the subject (the audit entries name the subject, e.g. {@code company})
 * @param auditPrefix      prefix of the audit actions: {@code filing} gives {@code filing.submit}, {@code filing.approve}, {@code filing.return}
 * @param readPermission   who may read rounds and materials (besides the subject being in the caller's scope)
 * @param applyPermission  who may submit and resubmit (and must be the applicant party of the subject, {@link ReviewParty#APPLICANT})
 * @param reviewPermission who may approve and return ({@link ReviewParty#REVIEWER})
 * @param texts            the domain's message keys
 */
public record ReviewKind(String name, String auditObjectType, String auditPrefix, String readPermission, String applyPermission,
                         String reviewPermission, ReviewTexts texts) {

    /** The permission the party of {@code t} needs. */
    public String permissionFor(ReviewTransition t) {
        return t.party() == ReviewParty.REVIEWER ? reviewPermission : applyPermission;
    }

    /** The audit action of a transition: {@code filing.submit} for SUBMIT and RESUBMIT, {@code filing.approve}, {@code filing.return}. */
    public String auditAction(ReviewAction action) {
        return auditPrefix + "." + switch (action) {
            case SUBMIT, RESUBMIT -> "submit";
            case APPROVE -> "approve";
            case RETURN -> "return";
        };
    }
}
