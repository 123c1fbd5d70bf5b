package org.smartproperty.inspection;

import java.time.LocalDate;

/** A conflict of interest of an inspector with a company (DR-2), as data: who, what kind, from when until when (either may be open). */
public record Tie(Long companyId, TieKind kind, LocalDate since, LocalDate until) {
}
