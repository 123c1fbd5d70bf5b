package org.smartproperty.ops.shell.internal;

import java.util.Locale;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.IpChecks;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:ip-unban CIDR}: lifts a ban; audited {@code ops.ip.unban} (OPS-1). */
@Command(scope = "spm", name = "ip-unban", description = "Lift a ban (exactly as listed by spm:ip-banned); audited")
@Service
public class IpUnbanCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Argument(index = 0, name = "cidr", required = true, description = "the banned address or range")
    String cidr;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            new IpChecks().unban(dataSource, cidr, IpShell.actor(), IpShell.AGENT);
            return OpsMessages.format(l, "ip.unbanned", cidr.trim());
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
