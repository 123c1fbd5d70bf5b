package org.smartproperty.complaint;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * A complaint as the caller may see it. {@code complainantName}/{@code complainantPhone} are
 * masked (ID-2) unless the caller is the complainant or the staff handling it (every such full
 * view is audited); {@code fullPersonalData} says which. {@code assigneeAccountId} is the officer
 * (or the company account) handling it; {@code forwardedToCompany} when the regulator forwarded
 * it to the company complained about. {@code resolvedAt} is when the latest result was recorded;
 * {@code reopenUntil} the end of the complainant's window to reopen (null before a result).
 * {@code upheld} is the verdict given with the latest result (issue 14: true = substantiated against the company,
 * false = not, null = none given or no result yet). {@code version} is the ETag transitions carry in If-Match.
 */
public record Complaint(long id, String number, ComplaintChannel channel, ComplaintCategory category, Long estateId, Long companyId,
                        Long complainantAccountId, String complainantName, String complainantPhone, boolean fullPersonalData,
                        String title, String content, List<Attachment> photos, ComplaintStatus status,
                        Long assigneeAccountId, boolean forwardedToCompany, String result, String reason,
                        Instant registeredAt, String registeredBy, Instant statusChangedAt, Instant resolvedAt, Instant reopenUntil,
                        Instant dueAt, long version, Boolean upheld) {

    /** Without a verdict (API 1.1). */
    public Complaint(long id, String number, ComplaintChannel channel, ComplaintCategory category, Long estateId, Long companyId,
                     Long complainantAccountId, String complainantName, String complainantPhone, boolean fullPersonalData,
                     String title, String content, List<Attachment> photos, ComplaintStatus status,
                     Long assigneeAccountId, boolean forwardedToCompany, String result, String reason,
                     Instant registeredAt, String registeredBy, Instant statusChangedAt, Instant resolvedAt, Instant reopenUntil,
                     Instant dueAt, long version) {
        this(id, number, channel, category, estateId, companyId, complainantAccountId, complainantName, complainantPhone, fullPersonalData,
                title, content, photos, status, assigneeAccountId, forwardedToCompany, result, reason, registeredAt, registeredBy,
                statusChangedAt, resolvedAt, reopenUntil, dueAt, version, null);
    }
}
