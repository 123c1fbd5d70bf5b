package org.smartproperty.tender;

import java.util.List;

import org.smartproperty.platform.review.ReviewEvent;

/** GET /tenders/{id}/announcement: the draft, its review rounds (newest first) and history (oldest first). */
public record AnnouncementView(Announcement draft, List<Round> rounds, List<ReviewEvent> history) {
}
