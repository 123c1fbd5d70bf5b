package org.smartproperty.assessment.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/** Who may read a report's evidence: assessment:read and the report's company in the caller's scope (the regulator, the company itself). */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + AssessmentReports.FILES)
public class ReportFilesAccess implements FileAccessPolicy {

    @Reference
    private AssessmentInternals assessment;

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return assessment.mayReadFiles(caller, ownerRef);
    }
}
