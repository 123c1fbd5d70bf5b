package org.smartproperty.publishing.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read a policy's attachments ({@link PublishingInternals#mayReadPolicyFiles}). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + PublishingInternals.POLICY_FILES)
public class PolicyFilesAccess implements FileAccessPolicy {

    @Reference
    private PublishingInternals publishing;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return publishing.mayReadPolicyFiles(caller, ownerRef);
    }
}
