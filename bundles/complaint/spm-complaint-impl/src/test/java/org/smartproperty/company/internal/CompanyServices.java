package org.smartproperty.company.internal;

import javax.persistence.EntityManagerFactory;

import org.smartproperty.company.CompanyService;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.AuditTrail;

/** Test support only: the real company service over a test persistence unit (its constructor is package-private). */
public final class CompanyServices {

    private CompanyServices() {
    }

    public static CompanyService over(EntityManagerFactory emf, AuditTrail audit, FileStore files) {
        return new CompanyServiceImpl(emf, audit, files);
    }
}
