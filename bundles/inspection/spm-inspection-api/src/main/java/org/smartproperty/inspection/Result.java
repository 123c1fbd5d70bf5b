package org.smartproperty.inspection;

import java.time.Instant;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/** One recorded result (SUP-DR-4): a check item at a drawn object, by whom and when, with its photos. Evidence: never replaced. */
public record Result(long id, long taskId, long objectId, long itemId, Outcome outcome, String note, String inspector, Instant recordedAt,
                     List<Attachment> photos) {

    public static final int NOTE_MAX = 2000;
    public static final int PHOTOS_MAX = 9;
}
