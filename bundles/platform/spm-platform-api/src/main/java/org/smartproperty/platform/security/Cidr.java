package org.smartproperty.platform.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR range ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a /32 or /128.
 * Shared by the platform's ban and allow lists and the operations tools that edit them (OPS-1).
 */
public record Cidr(byte[] network, int prefix, String text) {

    /** @throws IllegalArgumentException when the text is not an address or range (host names are never resolved) */
    public static Cidr parse(String text) {
        String t = text.trim();
        String addr = t;
        int prefix = -1;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            addr = t.substring(0, slash);
            prefix = Integer.parseInt(t.substring(slash + 1));
        }
        if (!addr.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + addr); // never resolve host names
        }
        try {
            byte[] b = InetAddress.getByName(addr).getAddress();
            int max = b.length * 8;
            if (prefix < 0) {
                prefix = max;
            }
            if (prefix > max) {
                throw new IllegalArgumentException("prefix too long: " + t);
            }
            return new Cidr(mask(b, prefix), prefix, t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + addr, e);
        }
    }

    /** Whether the address lies in the range; false for anything that is not an IP address. */
    public boolean contains(String ip) {
        try {
            if (ip == null || !ip.matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            byte[] b = InetAddress.getByName(ip).getAddress();
            if (b.length != network.length) {
                return false;
            }
            return java.util.Arrays.equals(mask(b, prefix), network);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the two ranges share an address (one holds the other); ranges of different families never do. */
    public boolean overlaps(Cidr other) {
        if (other == null || other.network.length != network.length) {
            return false;
        }
        int common = Math.min(prefix, other.prefix);
        return java.util.Arrays.equals(mask(network, common), mask(other.network, common));
    }

    /** Whether this is an IPv4 range (IPv4-mapped IPv6 addresses such as {@code ::ffff:192.0.2.1} are parsed as IPv4). */
    public boolean ipv4() {
        return network.length == 4;
    }

    private static byte[] mask(byte[] addr, int prefix) {
        int bits = addr.length * 8;
        BigInteger v = new BigInteger(1, addr);
        BigInteger m = prefix == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        byte[] raw = v.and(m).toByteArray();
        byte[] out = new byte[addr.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }
}
