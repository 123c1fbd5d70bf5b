package org.smartproperty.committee;

/** Filters of the committee list; null means "any". */
public record CommitteeQuery(Long estateId, CommitteeStatus status) {

    public static CommitteeQuery all() {
        return new CommitteeQuery(null, null);
    }
}
