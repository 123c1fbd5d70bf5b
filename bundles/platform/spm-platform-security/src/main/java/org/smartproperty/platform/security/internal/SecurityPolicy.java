package org.smartproperty.platform.security.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smartproperty.platform.security.BanRule;
import org.smartproperty.platform.security.Cidr;

/**
 * The effective security rules, validated against the minimums of 等保 2.0 level 3 and OWASP.
 * A configuration that weakens any of them is refused as a whole.
 */
record SecurityPolicy(int minLength, int minClasses, int history, int maxAgeDays, int iterations, int lockoutThreshold,
                      Duration lockout, int perIpFailures, Duration idle, Duration absolute, int auditRetentionDays,
                      List<Cidr> adminAllow, int idpMinTrustLevel, BanRule banRule) {

    static final SecurityPolicy DEFAULTS = new SecurityPolicy(8, 3, 5, 90, PasswordHasher.MIN_ITERATIONS, 5, Duration.ofMinutes(30),
            20, Duration.ofMinutes(30), Duration.ofHours(12), 185, List.of(), 2, BanRule.DEFAULTS);

    /** @throws IllegalArgumentException naming every value below its minimum */
    static SecurityPolicy from(SecurityConfig c) {
        List<String> bad = new ArrayList<>();
        check(bad, c.password_minLength() >= 8, "password.minLength ≥ 8");
        check(bad, c.password_minClasses() >= 3 && c.password_minClasses() <= 4, "password.minClasses 3..4");
        check(bad, c.password_history() >= 5, "password.history ≥ 5");
        check(bad, c.password_maxAgeDays() >= 1 && c.password_maxAgeDays() <= 90, "password.maxAgeDays 1..90");
        check(bad, c.password_pbkdf2Iterations() >= PasswordHasher.MIN_ITERATIONS, "password.pbkdf2Iterations ≥ 600000");
        check(bad, c.lockout_threshold() >= 1 && c.lockout_threshold() <= 5, "lockout.threshold 1..5");
        check(bad, c.lockout_minutes() >= 30, "lockout.minutes ≥ 30");
        check(bad, c.throttle_perIpFailures() >= 1 && c.throttle_perIpFailures() <= 100, "throttle.perIpFailures 1..100");
        check(bad, c.session_idleMinutes() >= 1 && c.session_idleMinutes() <= 30, "session.idleMinutes 1..30");
        check(bad, c.session_absoluteHours() >= 1 && c.session_absoluteHours() <= 12, "session.absoluteHours 1..12");
        check(bad, c.audit_retentionDays() >= 185, "audit.retentionDays ≥ 185");
        List<Cidr> allow = new ArrayList<>();
        for (String s : c.network_adminAllow() == null ? new String[0] : c.network_adminAllow()) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                allow.add(Cidr.parse(s));
            } catch (RuntimeException e) {
                bad.add("network.adminAllow: " + s);
            }
        }
        BanRule banRule = null;
        try {
            banRule = new BanRule(c.ban_minPrefixIpv4(), c.ban_minPrefixIpv6());
        } catch (IllegalArgumentException e) {
            bad.add(e.getMessage()); // 0 would let 0.0.0.0/0 lock out everybody (issue 20 item 9)
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("security configuration refused, below the minimum: " + String.join(", ", bad));
        }
        return new SecurityPolicy(c.password_minLength(), c.password_minClasses(), c.password_history(), c.password_maxAgeDays(),
                c.password_pbkdf2Iterations(), c.lockout_threshold(), Duration.ofMinutes(c.lockout_minutes()), c.throttle_perIpFailures(),
                Duration.ofMinutes(c.session_idleMinutes()), Duration.ofHours(c.session_absoluteHours()), c.audit_retentionDays(),
                List.copyOf(allow), c.idp_minTrustLevel(), banRule);
    }

    private static void check(List<String> bad, boolean ok, String rule) {
        if (!ok) {
            bad.add(rule);
        }
    }

    /** Message keys of every rule the password breaks (empty = acceptable). */
    List<String> passwordViolations(String username, String password) {
        List<String> v = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            v.add("password.tooShort");
            if (password == null) {
                return v;
            }
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
        if (classes < minClasses) {
            v.add("password.classes");
        }
        if (username != null && !username.isBlank() && password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            v.add("password.containsUsername");
        }
        return v;
    }

    /** Admin and ops endpoints: the configured ranges, or loopback only when none is configured. */
    boolean adminAllowed(String ip) {
        if (adminAllow.isEmpty()) {
            return ip != null && (ip.equals("127.0.0.1") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1") || ip.startsWith("127."));
        }
        return adminAllow.stream().anyMatch(c -> c.contains(ip));
    }
}
