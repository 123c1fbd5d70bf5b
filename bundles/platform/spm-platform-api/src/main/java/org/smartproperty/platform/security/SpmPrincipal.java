package org.smartproperty.platform.security;

import java.util.Set;

/**
 * The authenticated caller of one request: set by the authentication filter as the JAX-RS
 * {@code SecurityContext} user principal.
 *
 * @param fullPersonalData whether this principal may see unmasked personal data (ID-2); every such view is audited
 */
public record SpmPrincipal(long accountId, String username, Set<Role> roles, Set<String> permissions, DataScope scope,
                           boolean fullPersonalData, String clientIp) implements java.security.Principal {

    public SpmPrincipal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
