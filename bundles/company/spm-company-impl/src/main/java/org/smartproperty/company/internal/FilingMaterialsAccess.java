package org.smartproperty.company.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a company filing's materials (SUP-CO-2): whoever may read companies and has the
 * filing's company in scope — the regulator's staff, and the company itself; nobody else. The rule
 * is the review kernel's ({@code Reviews.mayReadMaterials}); this component registers it for the owner kind.
 */
@Component(property = FileAccessPolicy.OWNER_KIND + "=" + CompanyServiceImpl.FILING_FILES)
public class FilingMaterialsAccess implements FileAccessPolicy {

    @Reference
    private CompanyInternals companies;

    public FilingMaterialsAccess() {
    }

    FilingMaterialsAccess(CompanyInternals companies) {
        this.companies = companies;
    }

    @Override
    public boolean mayRead(SpmPrincipal caller, String ownerRef) {
        return companies.mayReadFilingMaterials(caller, ownerRef);
    }
}
