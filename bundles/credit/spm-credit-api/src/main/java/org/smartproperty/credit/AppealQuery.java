package org.smartproperty.credit;

/** Filters of the appeal list. */
public record AppealQuery(Long companyId, AppealStatus status) {
}
