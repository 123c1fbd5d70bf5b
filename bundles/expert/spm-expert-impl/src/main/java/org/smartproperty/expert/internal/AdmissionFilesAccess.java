package org.smartproperty.expert.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read an admission round's materials: expert:read and the round's expert readable (the regulator's staff, the applicant). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + Admissions.FILES)
public class AdmissionFilesAccess implements FileAccessPolicy {

    @Reference
    private ExpertService experts;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null || !caller.can("expert:read")) {
            return false;
        }
        try {
            return experts.mayReadAdmission(caller, Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
