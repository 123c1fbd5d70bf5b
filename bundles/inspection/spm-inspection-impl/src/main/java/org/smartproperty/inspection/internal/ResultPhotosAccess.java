package org.smartproperty.inspection.internal;

import org.osgi.service.component.annotations.Component;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read the photos of an inspection result (SUP-DR-4): whoever may read the inspections ({@code inspection:read},
 * the regulator's staff and the inspectors; the domain has no narrower scope). The public view (DIS-5) shows no photos.
 * Decides by the caller alone, so it binds no service (no reference cycle with the file store).
 */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + InspectionServiceImpl.RESULT_PHOTOS)
public class ResultPhotosAccess implements FileAccessPolicy {

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return caller != null && caller.can("inspection:read");
    }
}
