package org.smartproperty.publishing.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read a notice's attachments ({@link PublishingInternals#mayReadNoticeFiles}). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + PublishingInternals.NOTICE_FILES)
public class NoticeFilesAccess implements FileAccessPolicy {

    @Reference
    private PublishingInternals publishing;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return publishing.mayReadNoticeFiles(caller, ownerRef);
    }
}
