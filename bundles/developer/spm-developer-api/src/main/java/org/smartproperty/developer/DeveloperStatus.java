package org.smartproperty.developer;

/** ACTIVE from registration; REVOKED (final) when the regulator revokes it: it then binds no login (DEV-1). Never deleted. */
public enum DeveloperStatus {
    ACTIVE, REVOKED
}
