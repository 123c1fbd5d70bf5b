package org.smartproperty.service;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A repair as the caller may see it. A house repair names the house ({@code houseId},
 * {@code unitCode}); a common-area repair ({@code commonArea}) only the estate and {@code location}.
 * {@code requesterName}/{@code requesterPhone} are masked (ID-2) unless the caller is the requester
 * or the company handling it; {@code fullPersonalData} says which. {@code report} and
 * {@code reportPhotos} are what the company reported back; {@code completedAt} the latest
 * completion, {@code reopenUntil} the end of the requester's window to reopen (null before).
 * {@code version} is the ETag transitions carry in If-Match.
 */
public record Repair(long id, String number, long estateId, Long companyId, Long houseId, String unitCode, boolean commonArea,
                     String location, RepairCategory category, String description, List<Attachment> photos,
                     Long requesterAccountId, String requesterName, String requesterPhone, boolean fullPersonalData,
                     RepairStatus status, Long handlerAccountId, Instant appointmentAt, String report, List<Attachment> reportPhotos,
                     String reason, Instant requestedAt, Instant statusChangedAt, Instant completedAt, Instant reopenUntil,
                     Instant dueAt, long version) {
}
