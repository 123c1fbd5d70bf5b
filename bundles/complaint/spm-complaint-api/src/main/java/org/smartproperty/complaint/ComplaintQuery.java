package org.smartproperty.complaint;

/** Filters of the complaint list; null means "any". */
public record ComplaintQuery(ComplaintStatus status, ComplaintCategory category, Long estateId, Long companyId) {

    public static ComplaintQuery all() {
        return new ComplaintQuery(null, null, null, null);
    }
}
