package org.smartproperty.publishing;

/**
 * A notice category (data, table pub_category): whether it needs a time window (water and power cuts) and whether the
 * regulator reviews it before publication when a company or a committee publishes it. {@code label} in the caller's language.
 */
public record NoticeCategory(String code, String label, boolean windowRequired, boolean reviewCompany, boolean reviewCommittee) {
}
