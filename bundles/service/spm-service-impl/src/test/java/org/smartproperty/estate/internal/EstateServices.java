package org.smartproperty.estate.internal;

import javax.persistence.EntityManagerFactory;

import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.security.AuditTrail;

/** Test support only: the real estate service over a test persistence unit (its constructor is package-private). */
public final class EstateServices {

    private EstateServices() {
    }

    public static EstateService over(EntityManagerFactory emf, AuditTrail audit) {
        return new EstateServiceImpl(emf, audit);
    }
}
