package org.smartproperty.service.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a repair's photos, those of the request and those the company reported back with
 * (SVC-REP-1, OWN-4): whoever may read repairs and has the repair in scope — the regulator's
 * staff, the managing company, the committee of the estate, the requester; nobody else.
 */
@Component(property = {FileAccessPolicy.OWNER_KIND + "=" + RepairServiceImpl.DOMAIN,
        FileAccessPolicy.OWNER_KIND + "=" + RepairServiceImpl.RESULT_PHOTOS})
public class RepairPhotosAccess implements FileAccessPolicy {

    @Reference
    private RepairInternals repairs;

    public RepairPhotosAccess() {
    }

    RepairPhotosAccess(RepairInternals repairs) {
        this.repairs = repairs;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null || !caller.can("repair:read")) {
            return false;
        }
        try {
            return repairs.mayReadPhotos(caller, Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
