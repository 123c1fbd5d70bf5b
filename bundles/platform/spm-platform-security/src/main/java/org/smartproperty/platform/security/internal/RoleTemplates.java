package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.permissions;
import static org.smartproperty.platform.security.internal.AccountRows.roles;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.commitThen;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Role templates (role → permissions) and the separation-of-duties rules over them (三权分立,
 * issue 20 item 1). Part of {@link SecurityServiceImpl}, split along its duties (issue 10 item 5);
 * transactions and audit through the service.
 */
final class RoleTemplates {

    private final SecurityServiceImpl owner;

    RoleTemplates(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    public Map<Role, Set<String>> rolePermissions() {
        return owner.tx(c -> {
            Map<Role, Set<String>> m = new LinkedHashMap<>();
            for (Role r : Role.values()) {
                m.put(r, permissions(c, Set.of(r)));
            }
            return m;
        });
    }

    /** SECADMIN: replaces a role template; refused when the role, or any account holding it, would combine two duties. */
    public Set<String> setRolePermissions(SpmPrincipal by, Role role, Set<String> perms, String agent) {
        return owner.tx(c -> {
            Set<String> before = permissions(c, Set.of(role));
            Set<Role.Duty> own = dutiesOfPermissions(perms);
            ApiException refusal = null;
            if (own.size() > 1) {
                refusal = Sec.problem(409, "sod.rolePermissions", dutyNames(own));
            } else if (!own.isEmpty() && !own.equals(role.duty() == null ? Set.of() : EnumSet.of(role.duty()))) {
                // an admin duty's permissions stay with that duty's role: OFFICER with account:manage would be a fourth admin
                refusal = Sec.problem(409, "sod.foreignDuty", Sec.TEXTS.text("duty." + own.iterator().next().name()), role.name());
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM sec_account_role WHERE role = ?")) {
                    ps.setString(1, role.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Long> holders = new ArrayList<>();
                        while (rs.next()) {
                            holders.add(rs.getLong(1));
                        }
                        for (long acc : holders) {
                            Set<String> effective = new HashSet<>(perms);
                            for (Role other : roles(c, acc)) {
                                if (other != role) {
                                    effective.addAll(permissions(c, Set.of(other)));
                                }
                            }
                            Set<Role.Duty> d = dutiesOfPermissions(effective);
                            if (d.size() > 1) {
                                refusal = Sec.problem(409, "sod.conflict", dutyNames(d));
                                break;
                            }
                        }
                    }
                }
            }
            if (refusal != null) {
                owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "role.permissions", "role", role.name(), "DENIED",
                        AuditEvent.summary("requested", new TreeSet<>(perms))));
                commitThen(c, refusal);
            }
            update(c, "DELETE FROM sec_role_permission WHERE role = ?", role.name());
            for (String p : perms) {
                update(c, "INSERT INTO sec_role_permission (role, permission) VALUES (?, ?)", role.name(), p);
            }
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "role.permissions", "role", role.name(), "OK",
                    AuditEvent.summary("before", new TreeSet<>(before), "after", new TreeSet<>(perms))));
            return permissions(c, Set.of(role));
        });
    }

    static void checkDuties(Set<Role> roles) {
        Set<Role.Duty> duties = EnumSet.noneOf(Role.Duty.class);
        for (Role r : roles) {
            if (r.duty() != null) {
                duties.add(r.duty());
            }
        }
        if (duties.size() > 1) {
            throw Sec.problem(409, "sod.conflict", dutyNames(duties));
        }
    }

    /** Which admin duties a set of permissions touches ({@link Role.Duty#of}). */
    static Set<Role.Duty> dutiesOfPermissions(Set<String> perms) {
        return Role.Duty.of(perms);
    }

    /** The first two duties as localized texts: arguments {0} and {1} of the sod.* messages. */
    static Object[] dutyNames(Set<Role.Duty> duties) {
        List<Role.Duty> d = new ArrayList<>(duties);
        return new Object[] {Sec.TEXTS.text("duty." + d.get(0).name()), Sec.TEXTS.text("duty." + d.get(1).name())};
    }
}
