package org.smartproperty.committee.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read an owners' committee filing's materials (SUP-OC-2): the regulator's staff and the committee itself. */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + CommitteeServiceImpl.FILING_FILES)
public class FilingMaterialsAccess implements FileAccessPolicy {

    @Reference
    private CommitteeServiceImpl committees;

    public FilingMaterialsAccess() {
    }

    FilingMaterialsAccess(CommitteeServiceImpl committees) {
        this.committees = committees;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null || !caller.can("committee:read")) {
            return false;
        }
        try {
            return committees.mayReadFiling(caller.scope(), Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
