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

    /** The three separated admin duties. */
    public enum Duty { SYSTEM, SECURITY, AUDIT }
}
