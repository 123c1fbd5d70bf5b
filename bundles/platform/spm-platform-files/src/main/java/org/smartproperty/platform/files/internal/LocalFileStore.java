package org.smartproperty.platform.files.internal;

import org.smartproperty.platform.files.FileStore;

/**
 * The file store as this bundle's REST resource uses it: {@link FileStore} plus the configured
 * name limit for {@code Content-Disposition}. A bundle-private service type, so that
 * {@link FileStoreImpl} is never registered or referenced as its class (issue 10 item 4).
 */
interface LocalFileStore extends FileStore {

    /** The longest file name the store accepts ({@code maxNameLength}). */
    int maxNameLength();
}
