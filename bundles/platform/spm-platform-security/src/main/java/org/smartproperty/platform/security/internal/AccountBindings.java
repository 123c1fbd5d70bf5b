package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;
import org.smartproperty.platform.security.internal.AccountRows.Account;

/**
 * What an account may act as (issue 12): its stored roles and scope (an account the administrators
 * made, the key {@value #STORED}), and for a real-name account what the domains' {@link ScopeBinder}s
 * derive from its identity now (verified houses, a committee in office, a company, a developer).
 * Resolved on every read of a session, so the registries' changes reach the sessions without a
 * restart (within the token cache's revision check, issue 11 item 4).
 */
final class AccountBindings {

    static final String STORED = "account";
    private static final Logger LOG = LoggerFactory.getLogger(AccountBindings.class);
    /** The order a person sees and the first one a new session acts as: owner before committee, company, developer. */
    private static final List<Role> ORDER = List.of(Role.OWNER, Role.COMMITTEE, Role.COMPANY, Role.DEVELOPER);
    /** Permissions no binding may add (the admin duties, 三权分立). */
    private static final Set<String> DUTY_PERMISSIONS = dutyPermissions();

    /** One thing the account may act as: roles, scope, added permissions. */
    record Acting(String key, Set<Role> roles, DataScope scope, Set<String> extraPermissions, String label) {
    }

    private AccountBindings() {
    }

    /**
     * Every binding of the account: the stored one first when it has a scope (or when nothing else
     * binds, so an account without any keeps its roles and reaches nothing, as before), then the
     * binders' in the order owner, committee, company, developer. A binder that fails is logged and
     * left out: the session loses what it would give, never gains.
     */
    static List<Acting> resolve(Connection c, Account a, List<ScopeBinder> binders) {
        List<Acting> derived = new ArrayList<>();
        if (a.identity() != null) {
            for (ScopeBinder b : binders) {
                try {
                    for (Binding x : b.bindings(c, a.identity())) {
                        Set<String> extra = new java.util.TreeSet<>(x.permissions());
                        extra.removeAll(DUTY_PERMISSIONS);
                        derived.add(new Acting(x.key(), Set.of(x.role()), x.scope(), extra, x.label()));
                    }
                } catch (Exception e) {
                    LOG.warn("Scope binder {} failed for account {}: {}", b.getClass().getName(), a.id(), e.toString());
                }
            }
        }
        derived.sort(Comparator.comparingInt((Acting x) -> order(x.roles())).thenComparing(Acting::key));
        List<Acting> out = new ArrayList<>();
        if (a.scope().kind() != DataScope.Kind.NONE || derived.isEmpty()) {
            out.add(new Acting(STORED, a.roles(), a.scope(), Set.of(), null));
        }
        out.addAll(derived);
        return out;
    }

    /** The binding a session acts as: the one it chose when still there, otherwise the first. */
    static Acting active(List<Acting> all, String chosen) {
        if (chosen != null) {
            for (Acting x : all) {
                if (x.key().equals(chosen)) {
                    return x;
                }
            }
        }
        return all.get(0);
    }

    /** For {@code /auth/me}: key, roles, label, scope kind, whether active. */
    static List<Map<String, Object>> describe(List<Acting> all, Acting active) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Acting x : all) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("key", x.key());
            m.put("roles", new java.util.TreeSet<>(x.roles()));
            m.put("scope", x.scope().kind());
            if (x.label() != null) {
                m.put("label", x.label());
            }
            m.put("active", x.key().equals(active.key()));
            out.add(m);
        }
        return out;
    }

    private static int order(Set<Role> roles) {
        int best = ORDER.size();
        for (Role r : roles) {
            int i = ORDER.indexOf(r);
            if (i >= 0 && i < best) {
                best = i;
            }
        }
        return best;
    }

    private static Set<String> dutyPermissions() {
        Set<String> s = new java.util.HashSet<>();
        for (Role.Duty d : EnumSet.allOf(Role.Duty.class)) {
            s.addAll(d.permissions());
        }
        return Set.copyOf(s);
    }
}
