package org.smartproperty.platform.security.internal;

import javax.sql.DataSource;

import org.smartproperty.platform.security.AuditTrail;

/** Test support only: the real hash-chained audit trail over a migrated security schema (its constructor is package-private). */
public final class AuditTrails {

    private AuditTrails() {
    }

    public static AuditTrail over(DataSource ds) {
        return new AuditTrailImpl(ds);
    }
}
