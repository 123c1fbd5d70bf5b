package org.smartproperty.service;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A patrol task of a company (SVC-PAT-1, COS-5) made of owners' photo reports. {@code dueAt} is
 * the due date the company set (at most {@code limitDueAt}, the time limit of the deadline engine,
 * domain {@code patrol}, category TASK); {@code findings}/{@code findingPhotos} what the patrol
 * found, {@code fix}/{@code fixPhotos} what was done; {@code closedAt} when it was closed.
 */
public record PatrolTask(long id, String number, long estateId, Long companyId, String title, List<Long> reportIds,
                         PatrolStatus status, Instant dueAt, Instant limitDueAt, String findings, List<Attachment> findingPhotos,
                         String fix, List<Attachment> fixPhotos, String createdBy, Instant createdAt, Instant statusChangedAt,
                         Instant closedAt, long version) {
}
