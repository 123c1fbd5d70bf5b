package org.smartproperty.platform.security.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.Cidr;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Network controls of the security service (OPS-1, issue 20 item 9): the IP ban list and the
 * admin allow-list, each cached for {@link #LIST_CACHE_MILLIS} on every node. Part of
 * {@link SecurityServiceImpl}, split along its duties (issue 10 item 5); transactions and audit
 * through the service.
 */
final class NetworkControls {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkControls.class);

    private final SecurityServiceImpl owner;

    NetworkControls(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    public List<Map<String, Object>> bans() {
        return owner.tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cidr, reason, created_by, created_at FROM sec_ip_ban ORDER BY created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("cidr", rs.getString(1));
                    m.put("reason", rs.getString(2));
                    m.put("createdBy", rs.getString(3));
                    m.put("createdAt", rs.getTimestamp(4).toInstant().toString());
                    out.add(m);
                }
            }
            return out;
        });
    }

    /**
     * Bans a range (OPS-1). Refused with 400 on {@code cidr} ({@code ban.*}) when the shared
     * {@link org.smartproperty.platform.security.BanRule} (minimum prefixes {@code ban.minPrefixIpv4/6})
     * says it would lock out everybody, the node (loopback) or the caller's own address, whose next
     * request would be answered 403 (issue 20 item 9). @return the range as stored
     */
    public String ban(SpmPrincipal by, String cidr, String reason, String agent) {
        Cidr parsed;
        try {
            parsed = Cidr.parse(cidr == null ? "" : cidr);
        } catch (RuntimeException e) {
            throw ApiException.invalid(Sec.TEXTS, "cidr", "ban.format");
        }
        Optional<org.smartproperty.platform.security.BanRule.Refusal> refused =
                owner.policy().banRule().check(parsed, java.util.Arrays.asList(by == null ? null : by.clientIp()));
        if (refused.isPresent()) {
            throw ApiException.invalid(Sec.TEXTS, "cidr", refused.get().key(), refused.get().arguments());
        }
        owner.tx(c -> {
            SecurityServiceImpl.update(c, "DELETE FROM sec_ip_ban WHERE cidr = ?", parsed.text());
            SecurityServiceImpl.update(c, "INSERT INTO sec_ip_ban (cidr, reason, created_by, created_at) VALUES (?, ?, ?, ?)", parsed.text(), reason, by.username(), Timestamp.from(Instant.now()));
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "ip.ban", "ip", parsed.text(), "OK", null));
            SecurityEvents.publish(c, owner.cluster(), SecurityEvents.NETWORK, "ban");
            return null;
        });
        bans.invalidate();
        return parsed.text();
    }

    public void unban(SpmPrincipal by, String cidr, String agent) {
        owner.tx(c -> {
            SecurityServiceImpl.update(c, "DELETE FROM sec_ip_ban WHERE cidr = ?", cidr);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "ip.unban", "ip", cidr, "OK", null));
            SecurityEvents.publish(c, owner.cluster(), SecurityEvents.NETWORK, "unban");
            return null;
        });
        bans.invalidate();
    }

    /**
     * How long a node keeps the ban list and the data allow-list ({@code sec_admin_allow}) before it
     * reads them again. Short, because {@code spm ip ban} / {@code spm ip allow} write the tables from
     * outside the platform (OPS-1): a change applies on every node within this time.
     */
    static final long LIST_CACHE_MILLIS = 1000;

    /** Another node changed a list (cluster event, issue 19 item 1): both are read again at the next request. */
    void invalidateLists() {
        bans.invalidate();
        allows.invalidate();
    }

    private final NetworkListCache bans = new NetworkListCache("sec_ip_ban", LIST_CACHE_MILLIS, this::readBans);

    private List<Cidr> readBans() {
        return owner.tx(c -> {
            List<Cidr> l = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cidr FROM sec_ip_ban"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    l.add(Cidr.parse(rs.getString(1)));
                }
            }
            return l;
        });
    }

    /** Whether the source address is on the ban list (re-read after {@link #LIST_CACHE_MILLIS}; every node reads the same table). */
    public boolean banned(String ip) {
        return bans.get().stream().anyMatch(x -> x.contains(ip));
    }

    /**
     * Admin and ops endpoints: the configured {@code network.adminAllow} (bootstrap default; loopback
     * when it is empty, as before) or any range of the table {@code sec_admin_allow} that
     * {@code spm ip allow} keeps (OPS-1; cached for {@link #LIST_CACHE_MILLIS}).
     */
    public boolean adminNetworkAllowed(String ip) {
        if (owner.policy().adminAllowed(ip)) {
            return true;
        }
        return allows.get().stream().anyMatch(x -> x.contains(ip));
    }

    private final NetworkListCache allows = new NetworkListCache("sec_admin_allow", LIST_CACHE_MILLIS, this::readAllows);

    private List<Cidr> readAllows() {
        return owner.tx(c -> {
            List<Cidr> l = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cidr FROM sec_admin_allow"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        l.add(Cidr.parse(rs.getString(1)));
                    } catch (RuntimeException e) {
                        LOG.warn("sec_admin_allow: ignoring {}: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return l;
        });
    }
}
