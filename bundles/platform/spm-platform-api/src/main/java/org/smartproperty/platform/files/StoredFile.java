package org.smartproperty.platform.files;

import java.time.Instant;

/**
 * A stored file's metadata. {@code contentType} is what the content is (sniffed), never what the
 * uploader declared; {@code width}/{@code height} are set for images, which also have a thumbnail.
 */
public record StoredFile(String id, String name, String contentType, long size, String sha256, Integer width,
                         Integer height, String uploadedBy, Instant uploadedAt) {

    public boolean image() {
        return width != null;
    }
}
