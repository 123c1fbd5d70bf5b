package org.smartproperty.committee.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read an owners' committee filing's materials (SUP-OC-2): the regulator's staff and the
 * committee itself. The rule is the review kernel's ({@code Reviews.mayReadMaterials}); this
 * component registers it for the owner kind.
 */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + CommitteeServiceImpl.FILING_FILES)
public class FilingMaterialsAccess implements FileAccessPolicy {

    @Reference
    private CommitteeInternals committees;

    public FilingMaterialsAccess() {
    }

    FilingMaterialsAccess(CommitteeInternals committees) {
        this.committees = committees;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return committees.mayReadFilingMaterials(caller, ownerRef);
    }
}
