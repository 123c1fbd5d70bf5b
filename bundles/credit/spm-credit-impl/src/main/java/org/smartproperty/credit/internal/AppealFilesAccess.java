package org.smartproperty.credit.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read the credit domain's appeal files: credit:read and the company in the caller's scope (the regulator, the company itself). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + CreditReviews.APPEAL_FILES)
public class AppealFilesAccess implements FileAccessPolicy {

    @Reference
    private CreditInternals credit;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return credit.mayReadFiles(caller, CreditReviews.APPEAL_FILES, ownerRef);
    }
}
