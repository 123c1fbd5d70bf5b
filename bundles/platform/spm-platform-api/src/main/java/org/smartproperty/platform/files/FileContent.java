package org.smartproperty.platform.files;

import org.osgi.annotation.versioning.ProviderType;
import java.io.IOException;
import java.io.InputStream;

/** The bytes of a stored file (or of its thumbnail) with the metadata to serve them. */
@ProviderType
public interface FileContent {

    StoredFile file();

    /** {@code image/jpeg} for thumbnails, the file's own type otherwise. */
    String contentType();

    long length();

    InputStream open() throws IOException;
}
