package org.smartproperty.service;

/** Filters of the repair list; null means "any". */
public record RepairQuery(RepairStatus status, RepairCategory category, Long estateId, Long companyId) {

    public static RepairQuery all() {
        return new RepairQuery(null, null, null, null);
    }
}
