package org.smartproperty.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.persistence.EntityManager;

import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.ServiceMessages;

/** Helpers shared by the repair and patrol services: numbering, photos, texts. */
final class Workflows {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    static final int MAX_PHOTOS = 9;
    static final Messages T = ServiceMessages.TEXTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Workflows() {
    }

    static DataScope scope(SpmPrincipal p) {
        return p == null || p.scope() == null ? DataScope.NONE : p.scope();
    }

    /** PREFIX-yyyy-nnnnnn: a counter per kind and year (Asia/Shanghai), incremented under the row lock of the UPDATE. */
    static String nextNumber(EntityManager em, String kind, Instant now) {
        int year = now.atZone(ZONE).getYear();
        int updated = em.createNativeQuery("UPDATE svc_counter SET last_no = last_no + 1 WHERE kind = ? AND yr = ?")
                .setParameter(1, kind).setParameter(2, year).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO svc_counter (kind, yr, last_no) VALUES (?, ?, 1)").setParameter(1, kind).setParameter(2, year)
                    .executeUpdate();
        }
        Number n = (Number) em.createNativeQuery("SELECT last_no FROM svc_counter WHERE kind = ? AND yr = ?").setParameter(1, kind)
                .setParameter(2, year).getSingleResult();
        return String.format("%s-%d-%06d", kind, year, n.longValue());
    }

    /** Attaches photos in the caller's transaction; anything but an image is a field error (the transaction rolls back). */
    static List<Attachment> attachPhotos(FileStore files, Connection con, List<AttachmentInput> photos, String uploader, String kind,
                                         String ref, String field) {
        if (photos == null || photos.isEmpty()) {
            return List.of();
        }
        List<Attachment> attached = files.attach(con, photos, uploader, kind, ref, field + "[]");
        Validation pv = new Validation(T);
        for (int i = 0; i < attached.size(); i++) {
            String type = attached.get(i).contentType();
            if (type == null || !type.startsWith("image/")) {
                pv.error(field + "[" + i + "].fileId", "photos.notImage");
            }
        }
        pv.throwIfInvalid();
        return attached;
    }

    static void checkPhotoCount(Validation v, String field, List<AttachmentInput> photos, boolean required) {
        int n = photos == null ? 0 : photos.size();
        if (n > MAX_PHOTOS) {
            v.error(field, "photos.tooMany", MAX_PHOTOS);
        } else if (required && n == 0) {
            v.error(field, "photos.required");
        }
    }

    static void checkText(String text, String field) {
        Validation v = new Validation(T);
        v.maxLength(field, text, 4000);
        v.throwIfInvalid();
    }

    /** SMS parameters are at most 100 characters; a longer text is cut (the full text is online). */
    static String smsText(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            return "\"?\"";
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
