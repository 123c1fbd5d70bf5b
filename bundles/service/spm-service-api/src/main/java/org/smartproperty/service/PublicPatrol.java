package org.smartproperty.service;

import java.time.Instant;
import java.util.List;

/**
 * A closed patrol task as published (SVC-PAT-1, DIS-5): estate, company, findings, fix, dates and
 * the ids of its photos (thumbnails at /api/v1/public/patrols/{id}/photos/{fileId}); no personal
 * data (no reporter, no account).
 */
public record PublicPatrol(long id, String number, long estateId, String estateName, Long companyId, String companyName, String title,
                           String findings, String fix, Instant createdAt, Instant dueAt, Instant closedAt, List<String> photoIds) {
}
