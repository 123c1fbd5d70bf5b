package org.smartproperty.credit.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read the credit domain's record files: credit:read and the company in the caller's scope (the regulator, the company itself). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + CreditServiceImpl.RECORD_FILES)
public class RecordFilesAccess implements FileAccessPolicy {

    @Reference
    private CreditInternals credit;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return credit.mayReadFiles(caller, CreditServiceImpl.RECORD_FILES, ownerRef);
    }
}
