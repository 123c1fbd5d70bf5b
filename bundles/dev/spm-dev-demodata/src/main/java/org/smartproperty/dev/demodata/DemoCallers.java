package org.smartproperty.dev.demodata;

import java.util.Optional;
import java.util.Set;

import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The demo accounts as callers of a domain's service (issue 11 item 2): a seeder makes its cases as demo-owner,
 * demo-company and the others would, through the same service methods, with the permissions it names.
 */
public final class DemoCallers {

    private DemoCallers() {
    }

    /** The demo account with this name and role as a caller with these permissions and this scope, if it exists. */
    public static Optional<SpmPrincipal> as(AccountDirectory directory, Role role, String username, DataScope scope, String... permissions) {
        return directory.accountsWithRole(role).stream().filter(a -> a.username().equals(username)).findFirst()
                .map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(role), Set.of(permissions), scope, false, "127.0.0.1"));
    }
}
