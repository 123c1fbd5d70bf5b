package org.smartproperty.platform.security;

import java.util.Set;

/**
 * One thing an account may act as, derived from a registry (issue 12): an owner of verified
 * houses, a member of a committee in office, a company, a developer. An account may hold several;
 * a session acts as one at a time (its choice, {@code POST /auth/me/binding}).
 *
 * @param key         stable within the account, e.g. {@code owner:42}, {@code committee:7}
 * @param role        the role the session takes while acting as this binding
 * @param scope       the data scope that goes with it
 * @param permissions permissions the binding adds to the role's (e.g. {@code committee:write} for a
 *                    committee's head and deputies); never one of the admin duties' permissions
 * @param label       for the person choosing, e.g. the committee's name and the position
 */
public record Binding(String key, Role role, DataScope scope, Set<String> permissions, String label) {

    public Binding {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
