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

    /**
     * Links an existing account to a user of an external identity provider (the government side's
     * user id, issue 12 item 6), so that login through the provider signs in as this account.
     * Idempotent; 404 for an unknown username, 409 when the user is linked to another account.
     */
    void linkExternal(String username, String provider, String uid);
}
