package org.smartproperty.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 20 item 9 (OPS-1): the ban rule shared by POST /api/v1/ops/ip-bans, spm ip ban and spm:ip-ban. */
class BanRuleTest {

    static String refusal(BanRule rule, String range, String... operator) {
        Optional<BanRule.Refusal> r = rule.check(Cidr.parse(range), List.of(operator));
        return r.map(BanRule.Refusal::key).orElse("ok");
    }

    @Test
    void rangesThatCoverEverybodyOrWholeRegionsAreRefused_issue20item9_OPS_1() {
        BanRule rule = BanRule.DEFAULTS;
        for (String all : List.of("0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/7", "::/0", "2000::/3", "2001:db8::/31", "::ffff:0.0.0.0/0")) {
            assertEquals("ban.tooBroad", refusal(rule, all), all);
        }
        BanRule.Refusal r = rule.check(Cidr.parse("0.0.0.0/0"), List.of()).orElseThrow();
        assertEquals(List.of("0.0.0.0/0", "IPv4", "8"), r.args());
        assertEquals(List.of("::/0", "IPv6", "32"), rule.check(Cidr.parse("::/0"), List.of()).orElseThrow().args());
        assertEquals("ok", refusal(rule, "10.0.0.0/8"));
        assertEquals("ok", refusal(rule, "2001:db8::/32"));
        assertEquals("ok", refusal(rule, "203.0.113.9"));
    }

    @Test
    void theMinimumPrefixesAreConfigurableButNeverZero_issue20item9_OPS_1() {
        BanRule strict = new BanRule(16, 48);
        assertEquals("ban.tooBroad", refusal(strict, "10.0.0.0/8"));
        assertEquals("ok", refusal(strict, "10.1.0.0/16"));
        assertEquals("ban.tooBroad", refusal(strict, "2001:db8::/32"));
        assertEquals("ok", refusal(strict, "2001:db8:1::/48"));
        assertThrows(IllegalArgumentException.class, () -> new BanRule(0, 32), "0 would allow 0.0.0.0/0");
        assertThrows(IllegalArgumentException.class, () -> new BanRule(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new BanRule(33, 32));
        assertThrows(IllegalArgumentException.class, () -> new BanRule(8, 129));
    }

    @Test
    void loopbackIsNeverBanned_issue20item9_OPS_1() {
        for (String lo : List.of("127.0.0.1", "127.0.0.0/8", "127.9.9.9", "127.0.0.0/16", "::1", "0:0:0:0:0:0:0:1", "::1/128", "::ffff:127.0.0.1")) {
            assertEquals("ban.loopback", refusal(BanRule.DEFAULTS, lo), lo);
        }
        assertEquals(List.of("127.0.0.1", "127.0.0.0/8"), BanRule.DEFAULTS.check(Cidr.parse("127.0.0.1"), List.of()).orElseThrow().args());
        assertEquals("ok", refusal(BanRule.DEFAULTS, "126.0.0.0/8"));
        assertEquals("ok", refusal(BanRule.DEFAULTS, "::2"));
    }

    @Test
    void aRangeHoldingTheOperatorsOwnAddressIsRefused_issue20item9_OPS_1() {
        assertEquals("ban.operator", refusal(BanRule.DEFAULTS, "198.51.100.0/24", "198.51.100.7"));
        assertEquals("ban.operator", refusal(BanRule.DEFAULTS, "198.51.100.7", "10.0.0.1", "198.51.100.7"));
        assertEquals("ban.operator", refusal(BanRule.DEFAULTS, "2001:db8:5::/48", "2001:db8:5::17"));
        assertEquals(List.of("198.51.100.0/24", "198.51.100.7"),
                BanRule.DEFAULTS.check(Cidr.parse("198.51.100.0/24"), List.of("198.51.100.7")).orElseThrow().args());
        assertEquals("ok", refusal(BanRule.DEFAULTS, "198.51.100.0/24", "198.51.101.7"));
        assertEquals("ok", BanRule.DEFAULTS.check(Cidr.parse("192.0.2.1"), java.util.Arrays.asList(null, "not-an-ip"))
                .map(BanRule.Refusal::key).orElse("ok"), "null and non-addresses are ignored");
        assertEquals("ok", BanRule.DEFAULTS.check(Cidr.parse("192.0.2.1"), null).map(BanRule.Refusal::key).orElse("ok"));
    }

    @Test
    void cidrOverlapIsPerFamily() {
        assertTrue(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("10.1.2.3")));
        assertTrue(Cidr.parse("10.1.2.3").overlaps(Cidr.parse("10.0.0.0/8")));
        assertFalse(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("11.0.0.0/8")));
        assertFalse(Cidr.parse("::/0").overlaps(Cidr.parse("10.0.0.0/8")), "IPv6 and IPv4 ranges never overlap");
        assertTrue(Cidr.parse("::ffff:10.0.0.1").ipv4());
    }
}
