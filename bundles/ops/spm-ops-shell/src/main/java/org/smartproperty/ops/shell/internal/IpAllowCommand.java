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

/** {@code spm:ip-allow list|add CIDR|remove CIDR}: the admin allow-list kept as data, {@code sec_admin_allow} (OPS-1). */
@Command(scope = "spm", name = "ip-allow", description = "Admin allow-list (besides network.adminAllow): list | add CIDR | remove CIDR; audited")
@Service
public class IpAllowCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Argument(index = 0, name = "action", required = true, description = "list, add or remove")
    String action;

    @Argument(index = 1, name = "cidr", description = "address or CIDR range (add, remove)")
    String cidr;

    @Option(name = "--reason", description = "why (kept with the entry and in the audit log)")
    String reason;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        IpChecks ip = new IpChecks();
        try {
            switch (action) {
                case "list":
                    return IpShell.table(ip.allowed(dataSource), "ip.noAllow");
                case "add":
                    return OpsMessages.format(l, "ip.allowed", ip.allow(dataSource, need(), reason, IpShell.actor(), IpShell.AGENT).cidr());
                case "remove":
                    ip.disallow(dataSource, need(), IpShell.actor(), IpShell.AGENT);
                    return OpsMessages.format(l, "ip.disallowed", cidr.trim());
                default:
                    return "list | add CIDR | remove CIDR";
            }
        } catch (OpsException e) {
            return e.message(l);
        }
    }

    private String need() {
        if (cidr == null || cidr.isBlank()) {
            throw new OpsException("ip.badCidr", "");
        }
        return cidr;
    }
}
