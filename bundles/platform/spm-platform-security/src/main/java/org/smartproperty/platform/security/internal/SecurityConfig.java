package org.smartproperty.platform.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.smartproperty.platform.security.BanRule;

/**
 * PID {@code org.smartproperty.security}. Values weaker than the legal/OWASP minimum are refused
 * (the defaults stay in force and the refusal is logged); see {@link SecurityPolicy}.
 */
@ObjectClassDefinition(name = "SmartProperty security policy")
public @interface SecurityConfig {

    @AttributeDefinition(description = "Minimum password length (≥ 8)")
    int password_minLength() default 8;

    @AttributeDefinition(description = "Character classes required of 4 (upper, lower, digit, symbol; ≥ 3)")
    int password_minClasses() default 3;

    @AttributeDefinition(description = "Previous passwords that may not be reused (≥ 5)")
    int password_history() default 5;

    @AttributeDefinition(description = "Days before a password must be changed (1..90, 等保)")
    int password_maxAgeDays() default 90;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations (≥ 600000, OWASP)")
    int password_pbkdf2Iterations() default 600_000;

    @AttributeDefinition(description = "Consecutive failures before lockout (1..5)")
    int lockout_threshold() default 5;

    @AttributeDefinition(description = "Lockout minutes (≥ 30)")
    int lockout_minutes() default 30;

    @AttributeDefinition(description = "Failed logins per source IP in 15 minutes before the IP is throttled (1..100)")
    int throttle_perIpFailures() default 20;

    @AttributeDefinition(description = "Idle minutes before a token expires (1..30)")
    int session_idleMinutes() default 30;

    @AttributeDefinition(description = "Seconds a node keeps a token's principal (account, roles, permissions, scope) before reading it "
            + "again (0..60; 0 = read at every request). Revocations and role changes reach every node through the revision counter "
            + "within session.revisionCheckMillis")
    int session_cacheSeconds() default 30;

    @AttributeDefinition(description = "Milliseconds between a node's reads of the security revision counter (0..1000; 0 = every request)")
    int session_revisionCheckMillis() default 500;

    @AttributeDefinition(description = "Absolute token lifetime in hours (1..12)")
    int session_absoluteHours() default 12;

    @AttributeDefinition(description = "Audit retention in days (≥ 185, 网络安全法 art. 21)")
    int audit_retentionDays() default 185;

    @AttributeDefinition(description = "CIDR ranges allowed to reach admin and ops endpoints; empty = loopback only")
    String[] network_adminAllow() default {};

    @AttributeDefinition(description = "CIDR ranges of the load balancers / reverse proxies in front of the node: only a connection from "
            + "one of them has its X-Forwarded-For header believed for the client address of bans, throttling and audit; empty = the header "
            + "is never believed")
    String[] network_trustedProxies() default {};

    @AttributeDefinition(description = "Minimum trust level of provincial (INT-IDP) accounts")
    int idp_minTrustLevel() default 2;

    @AttributeDefinition(description = "Shortest IPv4 prefix an IP ban may have (1..32; /8 by default): wider ranges, 0.0.0.0/0 first, "
            + "would lock out everybody. spm ip ban reads it from this file as well")
    int ban_minPrefixIpv4() default BanRule.DEFAULT_MIN_PREFIX_IPV4;

    @AttributeDefinition(description = "Shortest IPv6 prefix an IP ban may have (1..128; /32 by default, one provider's allocation)")
    int ban_minPrefixIpv6() default BanRule.DEFAULT_MIN_PREFIX_IPV6;

    @AttributeDefinition(description = "Key file of the TOTP secrets' encryption at rest (AES-256-GCM; 32 bytes base64, mode 600, kept outside "
            + "the database and its backups); empty = ${karaf.data}/security/totp.key. Created at start when absent and no secret is "
            + "encrypted yet; every node needs the same file. Rotate with bin/spm keys rotate --totp (issue 10 item 8)", required = false)
    String totp_keyFile() default "";
}
