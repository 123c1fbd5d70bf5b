package org.smartproperty.complaint.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a complaint's photos (SVC-CMP-1, OWN-5): whoever may read complaints and has the
 * complaint in scope — the regulator's staff, the company complained about, the committee of the
 * estate, the complainant; nobody else.
 */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + ComplaintServiceImpl.DOMAIN)
public class ComplaintPhotosAccess implements FileAccessPolicy {

    @Reference
    private ComplaintInternals complaints;

    public ComplaintPhotosAccess() {
    }

    ComplaintPhotosAccess(ComplaintInternals complaints) {
        this.complaints = complaints;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null || !caller.can("complaint:read")) {
            return false;
        }
        try {
            return complaints.mayReadPhotos(caller, Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
