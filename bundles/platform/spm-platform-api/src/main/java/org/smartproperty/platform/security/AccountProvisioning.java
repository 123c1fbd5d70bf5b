package org.smartproperty.platform.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates accounts from code (the dev profile's demo accounts, first-start bootstrap). Idempotent:
 * an existing username is left as it is.
 */
@ProviderType
public interface AccountProvisioning {

    /**
     * @param totpSecret base32 TOTP secret, or null
     * @return true when the account was created now
     */
    boolean ensureAccount(String username, String displayName, Role role, String password, String totpSecret, DataScope scope);

    /** Sets the contact phone of an existing account (validated like any phone; 400 otherwise, 404 unknown). */
    void setPhone(String username, String phone);
}
