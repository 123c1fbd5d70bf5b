package org.smartproperty.platform.files;

/**
 * A file as attached to a business object: its title there and what the file is (sniffed type,
 * size, image dimensions). The bytes are at {@code /api/v1/files/{fileId}/content}.
 */
public record Attachment(String title, String fileId, String name, String contentType, long size, Integer width, Integer height) {

    public static Attachment of(String title, StoredFile f) {
        return new Attachment(title, f.id(), f.name(), f.contentType(), f.size(), f.width(), f.height());
    }
}
