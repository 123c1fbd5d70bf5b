package org.smartproperty.committee;

/** A member as the regulator or the committee records it; {@code ownerId} must own a house in the estate (OC-1). */
public record MemberInput(Long ownerId, String name, String phone, Position position) {
}
