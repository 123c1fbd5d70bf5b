package org.smartproperty.ops.shell.internal;

import java.util.Locale;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.IpChecks;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:ip-ban CIDR --reason TEXT}: bans a range on every node at once; audited {@code ops.ip.ban} (OPS-1). */
@Command(scope = "spm", name = "ip-ban", description = "Ban an IPv4/IPv6 address or CIDR range (every node within 1 s); audited. "
        + "Refused: ranges wider than ban.minPrefixIpv4/6 (default /8, /32), loopback, this machine's addresses")
@Service
public class IpBanCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Argument(index = 0, name = "cidr", required = true, description = "address or CIDR range")
    String cidr;

    @Option(name = "--reason", required = true, description = "why (kept with the ban and in the audit log)")
    String reason;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            if (reason == null || reason.isBlank()) {
                throw new OpsException("ip.reasonRequired");
            }
            // the platform's ban rule (issue 20 item 9): its minimum prefixes from the same settings file, this machine's addresses
            java.nio.file.Path etc = ShellSupport.karafDir("karaf.etc");
            IpChecks.Entry e = new IpChecks().ban(dataSource, cidr, reason.trim(), IpShell.actor(), IpShell.AGENT,
                    IpChecks.banRule(etc == null ? null : etc.resolve("org.smartproperty.security.cfg")));
            return OpsMessages.format(l, "ip.banned", e.cidr());
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
