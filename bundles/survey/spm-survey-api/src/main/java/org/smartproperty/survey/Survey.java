package org.smartproperty.survey;

import java.time.Instant;

/** One Satisfaction surveys (the JSON the REST layer serialises; no JPA here). {@code version} is the ETag. */
public record Survey(Long id, String title, String createdBy, Instant createdAt, long version) {

    /** Longest title (the column's width). */
    public static final int TITLE_MAX = 200;
}
