package org.smartproperty.platform.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.smartproperty.platform.security.Cidr;

/**
 * The client's address behind a load balancer (issue 12 item 7): {@code X-Forwarded-For} counts only
 * when the connection comes from a configured trusted proxy ({@code network.trustedProxies}); then the
 * header is read from the right, skipping trusted proxies, and the first other address is the client.
 * A header from anyone else, a malformed entry, or a header made only of proxies leaves the connection's
 * own address: a client cannot choose the address its bans, throttling and audit rows go to.
 */
final class ClientAddress {

    private final List<Cidr> trusted;

    private ClientAddress(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    static final ClientAddress NONE = new ClientAddress(List.of());

    /** Parses the configured CIDR list; every unparsable entry is named in the exception. */
    static ClientAddress of(String[] cidrs) {
        List<Cidr> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String s : cidrs == null ? new String[0] : cidrs) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                out.add(Cidr.parse(s.trim()));
            } catch (IllegalArgumentException e) {
                bad.add(s);
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("network.trustedProxies: not CIDR ranges: " + bad);
        }
        return new ClientAddress(out);
    }

    List<Cidr> trusted() {
        return trusted;
    }

    private boolean isTrusted(String ip) {
        return trusted.stream().anyMatch(c -> c.contains(ip));
    }

    /** The client address of a request whose connection comes from {@code remote} with the given X-Forwarded-For header (may be null). */
    String resolve(String remote, String forwardedFor) {
        if (remote == null || forwardedFor == null || forwardedFor.isBlank() || trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!literal(hop)) {
                return remote; // a malformed hop: nothing to the left of it can be believed
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** An IPv4 or IPv6 literal (no host names, no ports). */
    static boolean literal(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
    }
}
