package org.smartproperty.expert;

/** Filters of GET /experts: {@code q} part of the name, phone or employer; status; one specialty code. */
public record ExpertQuery(String q, ExpertStatus status, String specialty) {

    public static final ExpertQuery ALL = new ExpertQuery(null, null, null);
}
