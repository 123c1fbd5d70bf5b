package org.smartproperty.platform.files;

import org.osgi.annotation.versioning.ProviderType;
import java.io.InputStream;
import java.sql.Connection;
import java.util.List;

import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Upload, attach and read files. Errors are {@code ApiException}s: 400 {@code file} field errors
 * for an unsupported or broken content, 413 for a file over the size limit, 404 for an unknown
 * file or one the caller may not read.
 */
@ProviderType
public interface FileStore {

    /**
     * Stores an upload as a pending file of {@code uploader}. The content type is sniffed; the
     * declared one is ignored except for the error message. Pending files not attached within the
     * configured time are purged.
     */
    StoredFile upload(InputStream in, String name, String uploader);

    /**
     * Attaches files of {@code uploader} (pending or attached elsewhere) with their titles to a business object, in the
     * caller's transaction ({@code c}, e.g. {@code em.unwrap(Connection.class)}). Invalid ids are
     * reported as field errors: {@code field} {@code materials[]} gives {@code materials[2].fileId}.
     */
    List<Attachment> attach(Connection c, List<AttachmentInput> items, String uploader, String ownerKind, String ownerRef,
                            String field);

    /**
     * The files attached to a business object, in attach order, read on {@code c} (to see links of
     * the caller's open transaction) or, when {@code c} is null, on a connection of its own.
     */
    List<Attachment> attached(Connection c, String ownerKind, String ownerRef);

    /** Metadata of a file the caller may read (uploader or the owning domain's policy), else 404. */
    StoredFile get(SpmPrincipal caller, String id);

    /** The content (or the thumbnail of an image) of a file the caller may read, else 404. */
    FileContent open(SpmPrincipal caller, String id, boolean thumbnail);
}
