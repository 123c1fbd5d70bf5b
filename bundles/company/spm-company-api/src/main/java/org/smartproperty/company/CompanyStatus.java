package org.smartproperty.company;

/**
 * APPLYING until the regulator approves a filing (then FILED, SUP-CO-2); SUSPENDED and REVOKED are
 * the regulator's sanctions. Companies are never deleted.
 */
public enum CompanyStatus {
    APPLYING, FILED, SUSPENDED, REVOKED
}
