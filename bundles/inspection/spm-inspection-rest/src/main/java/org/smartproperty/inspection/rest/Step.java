package org.smartproperty.inspection.rest;

/** Body of a task transition: {@code note} (draw, finish, publish; optional), {@code reason} (cancel; required). */
public record Step(String note, String reason) {
}
