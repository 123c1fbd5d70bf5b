package org.smartproperty.platform.files;

import org.osgi.annotation.versioning.ConsumerType;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Whiteboard: the domain that owns attachments of one kind decides who may read them. Register
 * with the service property {@link #OWNER_KIND} (e.g. {@code company-filing}); the uploader may
 * always read their own file.
 */
@ConsumerType
public interface FileAccessPolicy {

    String OWNER_KIND = "spm.file.owner.kind";

    /** Whether {@code caller} may read the attachments of the object {@code ownerRef}. */
    boolean mayRead(SpmPrincipal caller, String ownerRef);
}
