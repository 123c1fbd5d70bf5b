package org.smartproperty.developer.rest;

/** Body of {@code POST /developers/{id}/revoke}: the reason, required. */
public record Revocation(String reason) {
}
