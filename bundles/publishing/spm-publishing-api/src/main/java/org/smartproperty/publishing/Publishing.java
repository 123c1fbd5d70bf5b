package org.smartproperty.publishing;

import java.time.Instant;

/** One Publishing (the JSON the REST layer serialises; no JPA here). {@code version} is the ETag. */
public record Publishing(Long id, String title, String createdBy, Instant createdAt, long version) {

    /** Longest title (the column's width). */
    public static final int TITLE_MAX = 200;
}
