package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.BanRule;
import org.smartproperty.platform.security.Cidr;
import org.smartproperty.platform.security.AuditEvent;

/**
 * {@code spm ip …} (OPS-1): the report of failed and suspicious logins, the ban list
 * ({@code sec_ip_ban}) and the admin allow-list kept as data ({@code sec_admin_allow}), both read
 * by the running platform on every request (cached ≤ 1 s), so a change applies at once on every
 * node. Every change is audited through {@link AuditChain#append} in its own transaction.
 */
public final class IpChecks {

    /** The operator's addresses for the ban rule: this machine's ({@link #interfaceAddresses()}). */
    private final Supplier<? extends Collection<String>> localAddresses;

    public IpChecks() {
        this(IpChecks::interfaceAddresses);
    }

    /** With the machine's addresses given (tests). */
    IpChecks(Supplier<? extends Collection<String>> localAddresses) {
        this.localAddresses = localAddresses;
    }

    /** The roles whose logins must come from the admin allow-list. */
    static final Set<String> ADMIN_ROLES = Set.of("OPS", "SYSADMIN", "SECADMIN", "AUDITOR");

    /**
     * A range as the tools accept it: the platform's {@link Cidr}, IPv4 only in dotted-quad form.
     * @throws OpsException {@code ip.badCidr}
     */
    public static Cidr cidr(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        String addr = slash >= 0 ? t.substring(0, slash) : t;
        if (!addr.contains(":") && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new OpsException("ip.badCidr", t);
        }
        try {
            return Cidr.parse(t);
        } catch (IllegalArgumentException e) {
            throw new OpsException(e, "ip.badCidr", t);
        }
    }

    /** One row of the ban list or of the allow-list. */
    public record Entry(String cidr, String reason, String createdBy, Instant createdAt) {
    }

    /** Failed logins of one source IP or one account: how many, how many distinct accounts/IPs, first and last. */
    public record FailureCount(String key, long failures, long distinct, Instant first, Instant last) {
    }

    /**
     * Something an operator should look at: {@code code} {@code manyAccounts}, {@code adminOutside} or
     * {@code successAfterFailures} (message key {@code ip.suspicion.<code>}).
     */
    public record Suspicion(String code, String ip, String account, long count, Instant at) {
        public String message(Locale locale) {
            return OpsMessages.format(locale, "ip.suspicion." + code, ip, account, count, at == null ? "" : at.toString());
        }
    }

    /** What {@link #report} found in {@code [from, to)}. */
    public record Report(Instant from, Instant to, List<FailureCount> byIp, List<FailureCount> byAccount, List<Suspicion> suspicious) {
        /** 1 if anything is suspicious, else 0. */
        public int exitCode() {
            return suspicious.isEmpty() ? 0 : 1;
        }
    }

    /**
     * Failed logins ({@code sec_login_failure}) by source IP and by account; IPs that tried at least
     * {@code manyAccounts} accounts; successful logins ({@code aud_event} {@code login.success} /
     * {@code login.idp}, outcome OK) of admin/ops accounts from outside the allow-list (loopback,
     * {@code sec_admin_allow}, {@code configAllow}); successful logins preceded in the window by at
     * least {@code failuresBefore} failures of the same account or IP.
     */
    public Report report(DataSource ds, Instant from, Instant to, int manyAccounts, int failuresBefore, List<String> configAllow) {
        if (manyAccounts < 1 || failuresBefore < 1 || !from.isBefore(to)) {
            throw new OpsException("ip.badWindow", from, to);
        }
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            List<FailureCount> byIp = counts(c, "client_ip", "username", from, to);
            List<FailureCount> byAccount = counts(c, "username", "client_ip", from, to);
            List<Suspicion> sus = new ArrayList<>();
            for (FailureCount f : byIp) {
                if (f.distinct() >= manyAccounts) {
                    sus.add(new Suspicion("manyAccounts", f.key(), null, f.distinct(), f.last()));
                }
            }
            List<Cidr> allow = new ArrayList<>();
            for (String s : configAllow == null ? List.<String>of() : configAllow) {
                if (s != null && !s.isBlank()) {
                    allow.add(cidr(s));
                }
            }
            for (Entry e : list(c, "sec_admin_allow")) {
                try {
                    allow.add(cidr(e.cidr()));
                } catch (OpsException ignored) {
                    // the platform ignores it as well
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT e.actor, e.client_ip, e.at, EXISTS (SELECT 1 FROM sec_account a JOIN sec_account_role r "
                    + "ON r.account_id = a.id WHERE a.username = e.actor AND r.role IN ('OPS', 'SYSADMIN', 'SECADMIN', 'AUDITOR')) "
                    + "FROM aud_event e WHERE e.action IN ('login.success', 'login.idp') AND e.outcome = 'OK' AND e.at >= ? AND e.at < ? ORDER BY e.seq")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String who = rs.getString(1);
                        String ip = rs.getString(2);
                        Instant at = rs.getTimestamp(3).toInstant();
                        if (rs.getBoolean(4) && !loopback(ip) && allow.stream().noneMatch(x -> x.contains(ip))) {
                            sus.add(new Suspicion("adminOutside", ip, who, 1, at));
                        }
                        long before = failuresBefore(c, who, ip, from, at);
                        if (before >= failuresBefore) {
                            sus.add(new Suspicion("successAfterFailures", ip, who, before, at));
                        }
                    }
                }
            }
            return new Report(from, to, byIp, byAccount, List.copyOf(sus));
        } catch (SQLException e) {
            throw new OpsException(e, "ip.dbFailed", e.getMessage());
        }
    }

    static boolean loopback(String ip) {
        return ip != null && (ip.startsWith("127.") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1"));
    }

    private static List<FailureCount> counts(Connection c, String key, String other, Instant from, Instant to) throws SQLException {
        List<FailureCount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", COUNT(*), COUNT(DISTINCT " + other + "), MIN(at), MAX(at) FROM sec_login_failure "
                + "WHERE at >= ? AND at < ? AND " + key + " IS NOT NULL GROUP BY " + key + " ORDER BY COUNT(*) DESC, " + key)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FailureCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    private static long failuresBefore(Connection c, String user, String ip, Instant from, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sec_login_failure WHERE (username = ? OR client_ip = ?) AND at >= ? AND at < ?")) {
            ps.setString(1, user);
            ps.setString(2, ip == null ? "?" : ip);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------ ban list

    /**
     * Bans a range (replacing an existing row of the same text); audited {@code ops.ip.ban}. Refused
     * with {@link OpsException} {@code ban.tooBroad} / {@code ban.loopback} / {@code ban.operator} when
     * the platform's {@link BanRule} says it would lock out everybody, the node or the operator: the
     * tools run on a node, so the operator's addresses are this machine's interface addresses
     * (issue 20 item 9, OPS-1).
     * @param rule the platform's rule, {@link #banRule(Path)} of its security settings
     */
    public Entry ban(DataSource ds, String cidr, String reason, String actor, String agent, BanRule rule) {
        Cidr parsed = cidr(cidr);
        Optional<BanRule.Refusal> refused = rule.check(parsed, localAddresses.get());
        if (refused.isPresent()) {
            throw new OpsException(refused.get().key(), refused.get().arguments());
        }
        return put(ds, "sec_ip_ban", cidr, reason, actor, agent, "ops.ip.ban");
    }

    /**
     * The ban rule of the platform's security settings: {@code ban.minPrefixIpv4} and
     * {@code ban.minPrefixIpv6} of {@code etc/org.smartproperty.security.cfg}, else
     * {@link BanRule#DEFAULTS}. Values the platform refuses (outside 1..32 / 1..128, not a number)
     * give the defaults, which the platform keeps in force for them as well.
     */
    public static BanRule banRule(Path securityCfg) {
        if (securityCfg == null || !Files.isRegularFile(securityCfg)) {
            return BanRule.DEFAULTS;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(securityCfg)) {
            p.load(in);
            return new BanRule(prefix(p, "ban.minPrefixIpv4", BanRule.DEFAULT_MIN_PREFIX_IPV4),
                    prefix(p, "ban.minPrefixIpv6", BanRule.DEFAULT_MIN_PREFIX_IPV6));
        } catch (IOException | IllegalArgumentException e) {
            return BanRule.DEFAULTS;
        }
    }

    private static int prefix(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim()); // NumberFormatException is an IllegalArgumentException
    }

    /**
     * Every address of this machine's network interfaces (up or not, loopback included), without
     * IPv6 zone ids; empty when the interfaces cannot be listed (the rule still refuses loopback).
     */
    public static List<String> interfaceAddresses() {
        List<String> out = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                for (InetAddress a : Collections.list(all.nextElement().getInetAddresses())) {
                    String h = a.getHostAddress();
                    int zone = h.indexOf('%');
                    out.add(zone >= 0 ? h.substring(0, zone) : h);
                }
            }
        } catch (SocketException e) {
            // keep what was found
        }
        return out;
    }

    /** Lifts a ban; audited {@code ops.ip.unban}. @throws OpsException {@code ip.notBanned} when it is not on the list */
    public void unban(DataSource ds, String cidr, String actor, String agent) {
        remove(ds, "sec_ip_ban", cidr, actor, agent, "ops.ip.unban", "ip.notBanned");
    }

    public List<Entry> banned(DataSource ds) {
        return read(ds, "sec_ip_ban");
    }

    // ------------------------------------------------------------------ admin allow-list

    /** Adds a range to {@code sec_admin_allow}; audited {@code ops.ip.allow.add}. */
    public Entry allow(DataSource ds, String cidr, String reason, String actor, String agent) {
        return put(ds, "sec_admin_allow", cidr, reason, actor, agent, "ops.ip.allow.add");
    }

    /** Removes a range from {@code sec_admin_allow}; audited {@code ops.ip.allow.remove}. */
    public void disallow(DataSource ds, String cidr, String actor, String agent) {
        remove(ds, "sec_admin_allow", cidr, actor, agent, "ops.ip.allow.remove", "ip.notAllowed");
    }

    public List<Entry> allowed(DataSource ds) {
        return read(ds, "sec_admin_allow");
    }

    // ------------------------------------------------------------------ plumbing

    private static Entry put(DataSource ds, String table, String cidr, String reason, String actor, String agent, String action) {
        Cidr parsed = cidr(cidr);
        if (reason != null && reason.length() > 400) {
            throw new OpsException("ip.reasonTooLong", 400);
        }
        Instant now = Instant.now();
        String by = actor == null || actor.isBlank() ? "ops" : actor.length() > 64 ? actor.substring(0, 64) : actor;
        return tx(ds, c -> {
            update(c, "DELETE FROM " + table + " WHERE cidr = ?", parsed.text());
            update(c, "INSERT INTO " + table + " (cidr, reason, created_by, created_at) VALUES (?, ?, ?, ?)", parsed.text(), reason, by, Timestamp.from(now));
            AuditChain.append(c, new AuditEvent(by, null, agent, action, "ip", parsed.text(), "OK", AuditEvent.summary("reason", reason)));
            return new Entry(parsed.text(), reason, by, now);
        });
    }

    private static void remove(DataSource ds, String table, String cidr, String actor, String agent, String action, String missingKey) {
        String text = cidr == null ? "" : cidr.trim();
        cidr(text);
        String by = actor == null || actor.isBlank() ? "ops" : actor;
        tx(ds, c -> {
            if (update(c, "DELETE FROM " + table + " WHERE cidr = ?", text) == 0) {
                throw new OpsException(missingKey, text);
            }
            AuditChain.append(c, new AuditEvent(by, null, agent, action, "ip", text, "OK", null));
            return null;
        });
    }

    private static List<Entry> read(DataSource ds, String table) {
        try (Connection c = ds.getConnection()) {
            return list(c, table);
        } catch (SQLException e) {
            throw new OpsException(e, "ip.dbFailed", e.getMessage());
        }
    }

    private static List<Entry> list(Connection c, String table) throws SQLException {
        if (!PermissionAudit.tableExists(c, table)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cidr, reason, created_by, created_at FROM " + table + " ORDER BY created_at, cidr");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T tx(DataSource ds, Work<T> work) {
        try {
            return Jdbc.transaction(ds, work::run);
        } catch (SQLException e) {
            throw new OpsException(e, "ip.dbFailed", e.getMessage());
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Parses {@code --since}: {@code 30m}, {@code 24h}, {@code 7d}. @throws OpsException {@code ip.badSince} */
    public static java.time.Duration since(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("\\d{1,6}[mhd]")) {
            throw new OpsException("ip.badSince", text);
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 'm' -> java.time.Duration.ofMinutes(n);
            case 'h' -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
        };
    }

    /** Parses {@code --from}/{@code --to}: an instant ({@code 2026-11-27T08:00:00Z}) or a date (midnight UTC). */
    public static Instant instant(String text) {
        try {
            String t = text.trim();
            return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (RuntimeException e) {
            throw new OpsException("ip.badInstant", text);
        }
    }

    /** Summary of a report for logs and the shell: counts per kind. */
    public static Map<String, Long> tally(Report r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Suspicion s : r.suspicious()) {
            m.merge(s.code(), 1L, Long::sum);
        }
        return m;
    }
}
