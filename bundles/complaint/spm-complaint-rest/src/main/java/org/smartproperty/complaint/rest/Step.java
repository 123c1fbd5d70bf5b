package org.smartproperty.complaint.rest;

/**
 * Body of a transition: {@code note} (accept, wait, resume, close), {@code reason} (reject, required; reopen, optional).
 * Resolve's body is the API's {@link org.smartproperty.complaint.Resolution} ({@code result}, {@code upheld}), dispatch's
 * {@link org.smartproperty.complaint.Dispatch}.
 */
public record Step(String note, String reason) {
}
