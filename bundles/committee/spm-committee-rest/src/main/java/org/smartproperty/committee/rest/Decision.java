package org.smartproperty.committee.rest;

/** Body of a filing decision: the regulator's reason (required to return a filing, optional to approve). */
public record Decision(String reason) {
}
