package org.smartproperty.service.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a photo report's photos (SVC-PAT-1): whoever may read patrols and has the report in
 * scope — the reporter, the managing company, the committee of the estate, the regulator. They are
 * never published (they may show people).
 */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + PatrolServiceImpl.REPORT_PHOTOS)
public class PatrolReportPhotosAccess implements FileAccessPolicy {

    @Reference
    private PatrolInternals patrols;

    public PatrolReportPhotosAccess() {
    }

    PatrolReportPhotosAccess(PatrolInternals patrols) {
        this.patrols = patrols;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null || !caller.can("patrol:read")) {
            return false;
        }
        try {
            return patrols.mayReadReportPhotos(caller, Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
