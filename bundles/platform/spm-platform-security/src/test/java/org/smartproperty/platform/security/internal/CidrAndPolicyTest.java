package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.security.BanRule;
import org.smartproperty.platform.security.Cidr;

class CidrAndPolicyTest {

    @Test
    void cidrMatchesIpv4AndIpv6RangesAndNeverResolvesNames() {
        assertTrue(Cidr.parse("10.0.0.0/8").contains("10.200.3.4"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("11.0.0.1"));
        assertTrue(Cidr.parse("203.0.113.7").contains("203.0.113.7"));
        assertTrue(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5"));
        assertFalse(Cidr.parse("2001:db8::/32").contains("10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.org"));
    }

    @Test
    void passwordRulesNameEveryBrokenRule_OPS1() {
        SecurityPolicy p = SecurityPolicy.DEFAULTS;
        assertEquals(List.of(), p.passwordViolations("zhang", "Hengqin#2026"));
        assertEquals(List.of("password.tooShort"), p.passwordViolations("zhang", "Aa1#"));
        assertEquals(List.of("password.classes"), p.passwordViolations("zhang", "abcdefgh12"));
        assertEquals(List.of("password.containsUsername"), p.passwordViolations("zhang", "Zhang#2026x"));
    }

    @Test
    void emptyAllowListMeansLoopbackOnly() {
        assertTrue(SecurityPolicy.DEFAULTS.adminAllowed("127.0.0.1"));
        assertTrue(SecurityPolicy.DEFAULTS.adminAllowed("0:0:0:0:0:0:0:1"));
        assertFalse(SecurityPolicy.DEFAULTS.adminAllowed("192.168.1.5"));
    }

    @Test
    void configurationBelowTheLegalMinimumIsRefusedNamingEachValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.from(config(6, 10, 100, 120)));
        assertTrue(e.getMessage().contains("password.minLength"));
        assertTrue(e.getMessage().contains("lockout.threshold"));
        assertTrue(e.getMessage().contains("audit.retentionDays"));
        assertTrue(e.getMessage().contains("password.maxAgeDays"));
        assertEquals(30, SecurityPolicy.from(config(8, 5, 365, 60)).lockout().toMinutes());
    }

    @Test
    void banMinimumPrefixesAreConfigurableAndZeroIsRefused_issue20item9_OPS_1() {
        assertEquals(new BanRule(8, 32), SecurityPolicy.DEFAULTS.banRule());
        assertEquals(new BanRule(16, 48), SecurityPolicy.from(config(8, 5, 365, 60, 16, 48)).banRule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.from(config(8, 5, 365, 60, 0, 32)));
        assertTrue(e.getMessage().contains("ban.minPrefixIpv4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SecurityPolicy.from(config(8, 5, 365, 60, 8, 129)));
        assertTrue(e.getMessage().contains("ban.minPrefixIpv6"), e.getMessage());
    }

    static SecurityConfig config(int minLength, int lockoutThreshold, int retention, int maxAge) {
        return config(minLength, lockoutThreshold, retention, maxAge, BanRule.DEFAULT_MIN_PREFIX_IPV4, BanRule.DEFAULT_MIN_PREFIX_IPV6);
    }

    static SecurityConfig config(int minLength, int lockoutThreshold, int retention, int maxAge, int banV4, int banV6) {
        return new SecurityConfig() {
            public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
            public int password_minLength() { return minLength; }
            public int password_minClasses() { return 3; }
            public int password_history() { return 5; }
            public int password_maxAgeDays() { return maxAge; }
            public int password_pbkdf2Iterations() { return 600_000; }
            public int lockout_threshold() { return lockoutThreshold; }
            public int lockout_minutes() { return 30; }
            public int throttle_perIpFailures() { return 20; }
            public int session_idleMinutes() { return 30; }
            public int session_cacheSeconds() { return 30; }
            public int session_revisionCheckMillis() { return 500; }
            public int session_absoluteHours() { return 12; }
            public int audit_retentionDays() { return retention; }
            public String[] network_adminAllow() { return new String[0]; }
            public String[] network_trustedProxies() { return new String[0]; }
            public int idp_minTrustLevel() { return 2; }
            public int ban_minPrefixIpv4() { return banV4; }
            public int ban_minPrefixIpv6() { return banV6; }
            public String totp_keyFile() { return ""; }
        };
    }
}
