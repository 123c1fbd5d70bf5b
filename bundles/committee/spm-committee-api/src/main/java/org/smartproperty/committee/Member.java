package org.smartproperty.committee;

/**
 * A committee member: an owner (est_owner id) of the committee's estate (rule OC-1). Name and
 * phone are masked in public views (ID-2).
 */
public record Member(long ownerId, String name, String phone, Position position) {
}
