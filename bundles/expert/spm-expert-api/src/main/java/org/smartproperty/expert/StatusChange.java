package org.smartproperty.expert;

/** POST /experts/{id}/status: ACTIVE, SUSPENDED or REMOVED (final), with a reason. */
public record StatusChange(ExpertStatus status, String reason) {
}
