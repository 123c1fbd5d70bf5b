package org.smartproperty.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which ranges may go on the IP ban list (OPS-1; issue 20 item 9). One rule for every front end
 * that writes {@code sec_ip_ban}: {@code POST /api/v1/ops/ip-bans}, {@code spm ip ban} and
 * {@code spm:ip-ban}. A ban applies to every node within a second, so a wrong one locks people out
 * at once; a ban is refused when it would lock out
 * <ul>
 * <li>everybody, or whole regions: an IPv4 range shorter than {@link #minPrefixIpv4()} or an IPv6
 * range shorter than {@link #minPrefixIpv6()} ({@code 0.0.0.0/0}, {@code ::/0}) — message key
 * {@code ban.tooBroad}, arguments range, family, minimum prefix;</li>
 * <li>the node itself: any range touching loopback ({@code 127.0.0.0/8}, {@code ::1}), always —
 * the platform checks the socket's remote address, so with a reverse proxy on the node every
 * client arrives as 127.0.0.1, and the local health probes and operators use it too — key
 * {@code ban.loopback}, arguments range, loopback range;</li>
 * <li>the operator making the ban: a range holding one of the operator's addresses (the REST
 * caller's address; for the tools, which run on the node, the node's interface addresses) — key
 * {@code ban.operator}, arguments range, address.</li>
 * </ul>
 * The minimum prefixes are configuration: {@code ban.minPrefixIpv4} and {@code ban.minPrefixIpv6}
 * of PID {@code org.smartproperty.security}, which the tools read from
 * {@code etc/org.smartproperty.security.cfg}.
 *
 * @param minPrefixIpv4 shortest IPv4 prefix a ban may have, 1..32
 * @param minPrefixIpv6 shortest IPv6 prefix a ban may have, 1..128
 */
public record BanRule(int minPrefixIpv4, int minPrefixIpv6) {

    /**
     * Default shortest IPv4 ban: /8, the largest block ever allocated to one organisation (the legacy
     * class A); anything wider spans several registries' address space and no attack needs it.
     */
    public static final int DEFAULT_MIN_PREFIX_IPV4 = 8;

    /**
     * Default shortest IPv6 ban: /32, the usual allocation to one provider (an LIR); one subscriber
     * gets a /48 to /64, so a /32 already holds every customer of an ISP.
     */
    public static final int DEFAULT_MIN_PREFIX_IPV6 = 32;

    public static final BanRule DEFAULTS = new BanRule(DEFAULT_MIN_PREFIX_IPV4, DEFAULT_MIN_PREFIX_IPV6);

    private static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));

    /** @throws IllegalArgumentException when a minimum is outside 1..32 / 1..128 (0 would allow banning everybody) */
    public BanRule {
        if (minPrefixIpv4 < 1 || minPrefixIpv4 > 32) {
            throw new IllegalArgumentException("ban.minPrefixIpv4 must be 1..32: " + minPrefixIpv4);
        }
        if (minPrefixIpv6 < 1 || minPrefixIpv6 > 128) {
            throw new IllegalArgumentException("ban.minPrefixIpv6 must be 1..128: " + minPrefixIpv6);
        }
    }

    /** Why a range may not be banned: the message key ({@code ban.*}) and its arguments. */
    public record Refusal(String key, List<String> args) {
        public Refusal {
            args = List.copyOf(args);
        }

        /** The arguments as a message format takes them. */
        public Object[] arguments() {
            return args.toArray();
        }
    }

    /**
     * The refusal of a ban of {@code range}, empty when it may be banned.
     * @param operatorAddresses the addresses of whoever makes the ban (null and non-IP entries are ignored)
     */
    public Optional<Refusal> check(Cidr range, Collection<String> operatorAddresses) {
        int min = range.ipv4() ? minPrefixIpv4 : minPrefixIpv6;
        if (range.prefix() < min) {
            return Optional.of(new Refusal("ban.tooBroad", List.of(range.text(), range.ipv4() ? "IPv4" : "IPv6", Integer.toString(min))));
        }
        for (Cidr lo : LOOPBACK) {
            if (range.overlaps(lo)) {
                return Optional.of(new Refusal("ban.loopback", List.of(range.text(), lo.text())));
            }
        }
        if (operatorAddresses != null) {
            for (String a : operatorAddresses) {
                if (a != null && range.contains(a)) {
                    return Optional.of(new Refusal("ban.operator", List.of(range.text(), a)));
                }
            }
        }
        return Optional.empty();
    }
}
