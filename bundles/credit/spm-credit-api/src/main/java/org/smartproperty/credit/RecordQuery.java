package org.smartproperty.credit;

/** Filters of the record list. */
public record RecordQuery(Long companyId, RecordKind kind, RecordSource source, RecordStatus status) {
}
