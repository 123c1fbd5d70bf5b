package org.smartproperty.service;

/** Filters of the patrol lists; null means "any". */
public record PatrolQuery(PatrolStatus status, Long estateId, Long companyId) {

    public static PatrolQuery all() {
        return new PatrolQuery(null, null, null);
    }
}
