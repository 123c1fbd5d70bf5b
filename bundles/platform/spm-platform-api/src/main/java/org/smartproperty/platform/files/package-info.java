/**
 * The file store shared by every domain: filing materials (SUP-CO-2, SUP-OC-2), photos of
 * complaints, repairs and patrols. Uploads are checked by content (PDF, JPEG, PNG by their magic
 * bytes and, for images, by decoding them), size-limited, stored content-addressed under the data
 * directory (so backups include them) and attached to a business object in the caller's own
 * transaction. Who may read an attached file is decided by the owning domain's
 * {@link org.smartproperty.platform.files.FileAccessPolicy}.
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
