package org.smartproperty.ops.shell.internal;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.IpChecks;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;

/** {@code spm:ip-banned}: the ban list (OPS-1). */
@Command(scope = "spm", name = "ip-banned", description = "The IP ban list")
@Service
public class IpBannedCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public Object execute() {
        try {
            return IpShell.table(new IpChecks().banned(dataSource), "ip.noBans");
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }
}
