package org.smartproperty.platform.security;

/**
 * Account roles. The three admin duties (三权分立) are {@link #SYSADMIN}, {@link #SECADMIN} and
 * {@link #AUDITOR}; no account may hold two of them.
 */
public enum Role {
    /** Regulator leadership: everything of the supervision subsystem, full personal data. */
    REGULATOR(null),
    /** Regulator case officer. */
    OFFICER(null),
    /** Inspector of the double-random inspections. */
    INSPECTOR(null),
    /** Operator under the maintenance contract. */
    OPS(null),
    SYSADMIN(Duty.SYSTEM),
    SECADMIN(Duty.SECURITY),
    AUDITOR(Duty.AUDIT),
    DEVELOPER(null),
    COMPANY(null),
    COMMITTEE(null),
    OWNER(null),
    EXPERT(null);

    private final Duty duty;

    Role(Duty duty) {
        this.duty = duty;
    }

    /** The admin duty of this role, or null. */
    public Duty duty() {
        return duty;
    }

    /** The three separated admin duties (三权分立), each with the permissions that make it up; other permissions belong to no duty. */
    public enum Duty {
        SYSTEM("account:manage", "system:config"),
        SECURITY("security:roles", "security:policy"),
        AUDIT("audit:read", "audit:export");

        private final java.util.Set<String> permissions;

        Duty(String... permissions) {
            this.permissions = java.util.Set.of(permissions);
        }

        /** The permissions of this duty. */
        public java.util.Set<String> permissions() {
            return permissions;
        }

        /** The duties a set of permissions touches (none for a non-admin set). */
        public static java.util.Set<Duty> of(java.util.Collection<String> perms) {
            java.util.Set<Duty> d = java.util.EnumSet.noneOf(Duty.class);
            for (Duty duty : values()) {
                if (perms.stream().anyMatch(duty.permissions::contains)) {
                    d.add(duty);
                }
            }
            return d;
        }
    }
}
