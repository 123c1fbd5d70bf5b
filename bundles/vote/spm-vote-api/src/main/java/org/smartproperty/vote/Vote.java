package org.smartproperty.vote;

import java.time.Instant;

/** One Owner votes (the JSON the REST layer serialises; no JPA here). {@code version} is the ETag. */
public record Vote(Long id, String title, String createdBy, Instant createdAt, long version) {

    /** Longest title (the column's width). */
    public static final int TITLE_MAX = 200;
}
