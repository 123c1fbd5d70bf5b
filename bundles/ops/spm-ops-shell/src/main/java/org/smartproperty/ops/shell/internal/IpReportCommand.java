package org.smartproperty.ops.shell.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.IpChecks;
import org.smartproperty.ops.IpChecks.FailureCount;
import org.smartproperty.ops.IpChecks.Suspicion;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:ip-report}: failed and suspicious logins (OPS-1), as {@code spm ip report}. */
@Command(scope = "spm", name = "ip-report", description = "Failed logins by IP and account, and suspicious logins")
@Service
public class IpReportCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--since", description = "window up to now: 30m, 24h, 7d (default 24h)")
    String since = "24h";

    @Option(name = "--from", description = "window start (instead of --since)")
    String from;

    @Option(name = "--to", description = "window end (default now)")
    String to;

    @Option(name = "--accounts-threshold", description = "distinct accounts from one IP that count as suspicious (default 3)")
    int accounts = 3;

    @Option(name = "--failures-threshold", description = "failures before a successful login that count as suspicious (default 5)")
    int failures = 5;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            Instant end = to == null ? Instant.now() : IpChecks.instant(to);
            Instant start = from != null ? IpChecks.instant(from) : end.minus(IpChecks.since(since));
            IpChecks.Report r = new IpChecks().report(dataSource, start, end, accounts, failures, List.of());
            StringBuilder out = new StringBuilder(r.from() + " – " + r.to() + "\n");
            out.append(String.format("%n%-40s %8s %8s %-22s%n", "IP", "FAILURES", "ACCOUNTS", "LAST"));
            for (FailureCount f : r.byIp()) {
                out.append(String.format("%-40s %8d %8d %-22s%n", f.key(), f.failures(), f.distinct(), f.last().truncatedTo(ChronoUnit.SECONDS)));
            }
            out.append(String.format("%n%-40s %8s %8s %-22s%n", "ACCOUNT", "FAILURES", "IPS", "LAST"));
            for (FailureCount f : r.byAccount()) {
                out.append(String.format("%-40s %8d %8d %-22s%n", f.key(), f.failures(), f.distinct(), f.last().truncatedTo(ChronoUnit.SECONDS)));
            }
            out.append('\n');
            if (r.suspicious().isEmpty()) {
                out.append("OK: ").append(OpsMessages.format(l, "ip.nothing", r.from(), r.to())).append('\n');
            }
            for (Suspicion s : r.suspicious()) {
                out.append("WARNING ").append(s.code()).append(": ").append(s.message(l)).append('\n');
            }
            return out.toString();
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
