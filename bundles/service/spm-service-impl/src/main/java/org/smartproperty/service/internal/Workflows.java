package org.smartproperty.service.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;


import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.ServiceMessages;

/** Helpers shared by the repair and patrol services (the workflow itself is the platform kernel's): scope, photo counts, texts. */
final class Workflows {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    static final int MAX_PHOTOS = 9;
    static final Messages T = ServiceMessages.TEXTS;

    private Workflows() {
    }

    static DataScope scope(SpmPrincipal p) {
        return p == null || p.scope() == null ? DataScope.NONE : p.scope();
    }

    static void checkPhotoCount(Validation v, String field, List<AttachmentInput> photos, boolean required) {
        int n = photos == null ? 0 : photos.size();
        if (n > MAX_PHOTOS) {
            v.error(field, "photos.tooMany", MAX_PHOTOS);
        } else if (required && n == 0) {
            v.error(field, "photos.required");
        }
    }

    /** SMS parameters are at most 100 characters; a longer text is cut (the full text is online). */
    static String smsText(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
