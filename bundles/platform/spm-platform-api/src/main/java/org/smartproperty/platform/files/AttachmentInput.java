package org.smartproperty.platform.files;

import java.util.List;

import org.smartproperty.platform.Validation;

/**
 * One attachment in a request: the id of a file uploaded to {@code /api/v1/files} and, where the
 * domain asks for it, what the document is ({@code title}, e.g. 营业执照, 选举结果公告).
 */
public record AttachmentInput(String title, String fileId) {

    /**
     * Checks a list of titled attachments before the transaction: at least one ({@code requiredKey}
     * on {@code field}), each with a title of at most 200 characters ({@code titleKey} on
     * {@code field[i].title}) and a file id ({@code field[i].fileId}). Keys are texts of the
     * validation's own message source. Whether the files exist and are the caller's is checked by
     * {@link FileStore#attach} in the transaction.
     */
    public static void validateTitled(Validation v, String field, List<AttachmentInput> items, String requiredKey, String titleKey) {
        List<AttachmentInput> list = items == null ? List.of() : items;
        if (list.isEmpty()) {
            v.error(field, requiredKey);
        }
        for (int i = 0; i < list.size(); i++) {
            AttachmentInput m = list.get(i);
            String f = field + "[" + i + "]";
            if (v.required(f, m)) {
                if (m.title() == null || m.title().isBlank()) {
                    v.error(f + ".title", titleKey);
                } else {
                    v.maxLength(f + ".title", m.title(), 200);
                }
                v.required(f + ".fileId", m.fileId());
            }
        }
    }
}
