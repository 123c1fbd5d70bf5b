package org.smartproperty.service.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a patrol task's findings and fix photos (SVC-PAT-1): whoever may read patrols and
 * has the task in scope and, once the task is closed and its result published, anyone.
 */
@Component(property = {FileAccessPolicy.OWNER_KIND + "=" + PatrolServiceImpl.TASK_PHOTOS,
        FileAccessPolicy.OWNER_KIND + "=" + PatrolServiceImpl.FIX_PHOTOS})
public class PatrolTaskPhotosAccess implements FileAccessPolicy {

    @Reference
    private PatrolInternals patrols;

    public PatrolTaskPhotosAccess() {
    }

    PatrolTaskPhotosAccess(PatrolInternals patrols) {
        this.patrols = patrols;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        if (caller == null) {
            return false;
        }
        try {
            return patrols.mayReadTaskPhotos(caller, Long.parseLong(ownerRef));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
