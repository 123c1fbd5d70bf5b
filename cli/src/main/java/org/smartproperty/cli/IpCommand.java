package org.smartproperty.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.IpChecks;
import org.smartproperty.ops.IpChecks.Entry;
import org.smartproperty.ops.IpChecks.FailureCount;
import org.smartproperty.ops.IpChecks.Suspicion;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spm ip …} (OPS-1): the failed/suspicious login report, the ban list ({@code sec_ip_ban})
 * and the admin allow-list ({@code sec_admin_allow}); the platform reads both tables with a cache of
 * at most 1 s, so a change applies on every node at once. Changes are audited ({@code ops.ip.*}).
 */
@Command(name = "ip", mixinStandardHelpOptions = true, description = "Login report, IP ban list and admin allow-list (OPS-1)",
        subcommands = {IpCommand.Report.class, IpCommand.Ban.class, IpCommand.Unban.class, IpCommand.Banned.class, IpCommand.Allow.class,
            CommandLine.HelpCommand.class})
public class IpCommand extends GroupCommand {


    /** Who made a change, in the audit log: the operating-system user running the tool. */
    static String actor() {
        return "ops:" + System.getProperty("user.name", "unknown");
    }

    static final String AGENT = "spm-cli";

    /** Bad input (CIDR, times) is a usage error; a missing entry a WARNING; the rest UNKNOWN. */
    abstract static class Base extends OpsCommand {
        final IpChecks ip = new IpChecks();

        @Override
        int failureCode(OpsException e) {
            String k = e.key();
            if (k.startsWith("cli.") || k.startsWith("ip.bad") || k.equals("ip.reasonTooLong") || k.equals("ip.reasonRequired")
                    || k.startsWith("ban.")) {
                return Spm.USAGE;
            }
            if (k.equals("ip.notBanned") || k.equals("ip.notAllowed")) {
                return Spm.WARNING;
            }
            return Spm.UNKNOWN;
        }

        void entries(PrintWriter out, String type, List<Entry> list, String emptyKey) {
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (Entry e : list) {
                    entry(Common.record(env, type), e);
                }
                print(out, env);
            } else if (list.isEmpty()) {
                out.println(OpsMessages.format(common.locale, emptyKey));
            } else {
                out.printf("%-40s %-20s %-22s %s%n", "CIDR", "CREATED-BY", "CREATED-AT", "REASON");
                for (Entry e : list) {
                    out.printf("%-40s %-20s %-22s %s%n", e.cidr(), e.createdBy(), e.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            e.reason() == null ? "" : e.reason());
                }
            }
        }

        static void entry(ObjectNode n, Entry e) {
            n.put("cidr", e.cidr());
            n.put("reason", e.reason());
            n.put("createdBy", e.createdBy());
            n.put("createdAt", e.createdAt().toString());
        }

        /** Prints the outcome of a change. */
        int changed(PrintWriter out, String type, String cidr, String key, Entry e) {
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                ObjectNode n = Common.record(env, type);
                n.put("cidr", cidr);
                if (e != null) {
                    entry(n, e);
                }
                n.put("message", OpsMessages.format(common.locale, key, cidr));
                print(out, env);
            } else {
                out.println(OpsMessages.format(common.locale, key, cidr));
            }
            return Spm.OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Failed logins by IP and account, IPs trying many accounts, admin logins from outside the allow-list, "
                    + "successful logins after many failures; exit 1 if anything is suspicious")
    static class Report extends Base {
        @Option(names = "--since", description = "Window up to now: 30m, 24h, 7d (default 24h)")
        String since;

        @Option(names = "--from", description = "Window start: 2026-11-27T08:00:00Z or 2026-11-27 (instead of --since)")
        String from;

        @Option(names = "--to", description = "Window end (default now)")
        String to;

        @Option(names = "--accounts-threshold", defaultValue = "3", description = "Distinct accounts tried from one IP that count as suspicious (default 3)")
        int accounts;

        @Option(names = "--failures-threshold", defaultValue = "5",
                description = "Failures of the same account or IP before a successful login that count as suspicious (default 5)")
        int failures;

        @Override
        String command() {
            return "ip report";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (since != null && from != null) {
                throw new Common.Failure(Spm.USAGE, new OpsException("ip.badWindow", since, from));
            }
            Instant end = to == null ? Instant.now() : IpChecks.instant(to);
            Instant start = from != null ? IpChecks.instant(from) : end.minus(IpChecks.since(since == null ? "24h" : since));
            IpChecks.Report r = ip.report(common.db().dataSource(), start, end, accounts, failures, configAllow());
            int code = r.exitCode();
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                ObjectNode w = Common.record(env, "ip.window");
                w.put("from", r.from().toString());
                w.put("to", r.to().toString());
                for (FailureCount f : r.byIp()) {
                    count(Common.record(env, "ip.failures"), "ip", f, "accounts");
                }
                for (FailureCount f : r.byAccount()) {
                    count(Common.record(env, "account.failures"), "account", f, "ips");
                }
                for (Suspicion s : r.suspicious()) {
                    ObjectNode n = Common.record(env, "ip.suspicion");
                    n.put("code", s.code());
                    n.put("ip", s.ip());
                    n.put("account", s.account());
                    n.put("count", s.count());
                    n.put("at", s.at() == null ? null : s.at().toString());
                    n.put("message", s.message(common.locale));
                }
                print(out, env);
                return code;
            }
            out.println(r.from() + " – " + r.to());
            out.printf("%n%-40s %8s %8s %-22s%n", "IP", "FAILURES", "ACCOUNTS", "LAST");
            for (FailureCount f : r.byIp()) {
                out.printf("%-40s %8d %8d %-22s%n", f.key(), f.failures(), f.distinct(), f.last().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            out.printf("%n%-40s %8s %8s %-22s%n", "ACCOUNT", "FAILURES", "IPS", "LAST");
            for (FailureCount f : r.byAccount()) {
                out.printf("%-40s %8d %8d %-22s%n", f.key(), f.failures(), f.distinct(), f.last().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            out.println();
            if (r.suspicious().isEmpty()) {
                out.println("OK: " + OpsMessages.format(common.locale, "ip.nothing", r.from(), r.to()));
            }
            for (Suspicion s : r.suspicious()) {
                out.println("WARNING " + s.code() + ": " + s.message(common.locale));
            }
            return code;
        }

        private static void count(ObjectNode n, String keyName, FailureCount f, String distinctName) {
            n.put(keyName, f.key());
            n.put("failures", f.failures());
            n.put(distinctName, f.distinct());
            n.put("first", f.first().toString());
            n.put("last", f.last().toString());
        }

        /** {@code network.adminAllow} of the installation's etc/org.smartproperty.security.cfg, if there is one. */
        static List<String> configAllow() {
            List<String> out = new ArrayList<>();
            Path home = Common.home();
            Path cfg = home == null ? null : home.resolve("etc/org.smartproperty.security.cfg");
            if (cfg == null || !Files.isRegularFile(cfg)) {
                return out;
            }
            Properties p = new Properties();
            try (var in = Files.newInputStream(cfg)) {
                p.load(in);
            } catch (java.io.IOException e) {
                return out;
            }
            String v = p.getProperty("network.adminAllow", "");
            for (String s : v.replaceAll("[\\[\\]\"]", "").split("[,\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }
    }

    @Command(name = "ban", mixinStandardHelpOptions = true, description = "Ban an address or CIDR range (IPv4/IPv6) on every node at once; audited. "
            + "Refused: ranges wider than ban.minPrefixIpv4/6 (default /8, /32), loopback, this machine's addresses")
    static class Ban extends Base {
        @Parameters(index = "0", paramLabel = "CIDR", description = "e.g. 203.0.113.9 or 203.0.113.0/24 or 2001:db8::/32")
        String cidr;

        @Option(names = "--reason", required = true, description = "Why (kept with the ban and in the audit log)")
        String reason;

        @Option(names = "--security-config",
                description = "The platform's security settings, for ban.minPrefixIpv4/6 (default: $SPM_HOME/etc/org.smartproperty.security.cfg)")
        Path securityConfig;

        @Override
        String command() {
            return "ip ban";
        }

        /**
         * Refused (exit 64, {@code ban.*}): ranges shorter than the platform's minimum prefixes, loopback,
         * and ranges holding an address of this machine (issue 20 item 9).
         */
        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (reason == null || reason.isBlank()) {
                throw new OpsException("ip.reasonRequired");
            }
            Path cfg = securityConfig != null ? securityConfig : Common.home() == null ? null : Common.home().resolve("etc/org.smartproperty.security.cfg");
            Entry e = ip.ban(common.db().dataSource(), cidr, reason.trim(), actor(), AGENT, IpChecks.banRule(cfg));
            return changed(out, "ip.ban", e.cidr(), "ip.banned", e);
        }
    }

    @Command(name = "unban", mixinStandardHelpOptions = true, description = "Lift a ban (exactly as listed by spm ip banned); audited")
    static class Unban extends Base {
        @Parameters(index = "0", paramLabel = "CIDR")
        String cidr;

        @Override
        String command() {
            return "ip unban";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            ip.unban(common.db().dataSource(), cidr, actor(), AGENT);
            return changed(out, "ip.unban", cidr.trim(), "ip.unbanned", null);
        }
    }

    @Command(name = "banned", mixinStandardHelpOptions = true, description = "The ban list")
    static class Banned extends Base {
        @Override
        String command() {
            return "ip banned";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            entries(out, "ip.ban", ip.banned(common.db().dataSource()), "ip.noBans");
            return Spm.OK;
        }
    }

    @Command(name = "allow", mixinStandardHelpOptions = true,
            description = "The admin allow-list kept as data (besides network.adminAllow of PID org.smartproperty.security): list | add CIDR | remove CIDR")
    static class Allow extends Base {
        @Parameters(index = "0", paramLabel = "ACTION", description = "list, add or remove")
        String action;

        @Parameters(index = "1", paramLabel = "CIDR", arity = "0..1")
        String cidr;

        @Option(names = "--reason", description = "Why (kept with the entry and in the audit log)")
        String reason;

        @Override
        String command() {
            return "ip allow " + action;
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            switch (action) {
                case "list" -> {
                    entries(out, "ip.allow", ip.allowed(common.db().dataSource()), "ip.noAllow");
                    return Spm.OK;
                }
                case "add" -> {
                    Entry e = ip.allow(common.db().dataSource(), need(), reason, actor(), AGENT);
                    return changed(out, "ip.allow", e.cidr(), "ip.allowed", e);
                }
                case "remove" -> {
                    ip.disallow(common.db().dataSource(), need(), actor(), AGENT);
                    return changed(out, "ip.allow", cidr.trim(), "ip.disallowed", null);
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "ACTION must be list, add or remove");
            }
        }

        private String need() {
            if (cidr == null || cidr.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "CIDR is required for " + action);
            }
            return cidr;
        }
    }
}
