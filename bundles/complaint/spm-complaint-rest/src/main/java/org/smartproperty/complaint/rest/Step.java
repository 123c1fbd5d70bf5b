package org.smartproperty.complaint.rest;

/**
 * Body of a transition: {@code note} (accept, wait, resume, close), {@code result} (resolve,
 * required), {@code reason} (reject, required; reopen, optional).
 */
public record Step(String note, String result, String reason) {
}
