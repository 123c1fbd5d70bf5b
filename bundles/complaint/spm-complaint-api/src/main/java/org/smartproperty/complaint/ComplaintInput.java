package org.smartproperty.complaint;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * A new complaint (SVC-CMP-1, OWN-5, OCS-8). Filed online by an owner or a committee: channel
 * PORTAL (default) or MINI_PROGRAM, the complainant is the caller's account (name and phone
 * default to the account's); its SMS go to the account's own phone only, a complainantPhone given
 * here is kept as a contact number but never texted (issue 20 item 5). Registered by the regulator
 * for a caller: channel PHONE, HOTLINE_12345, WALK_IN or LETTER, complainantName and
 * complainantPhone required, the SMS go to that phone.
 * {@code companyId} null addresses the regulator; otherwise the complaint is against that company.
 * {@code photos}: files the caller uploaded to {@code /api/v1/files} (JPEG or PNG), at most 9.
 */
public record ComplaintInput(ComplaintChannel channel, ComplaintCategory category, Long estateId, Long companyId,
                             String complainantName, String complainantPhone, String title, String content,
                             List<AttachmentInput> photos) {
}
