package org.smartproperty.ops.shell.internal;

import java.util.Locale;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PermissionAudit;
import org.smartproperty.platform.security.audit.AuditChain;

/** {@code spm:audit-chain}: walks the audit log's hash chain (OPS-1). */
@Command(scope = "spm", name = "audit-chain", description = "Verify the audit log's hash chain; names the first broken row")
@Service
public class AuditChainCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            AuditChain.Verification v = new PermissionAudit().verifyChain(dataSource);
            return v.intact() ? "OK: " + OpsMessages.format(l, "audit.chain.ok", v.checked())
                    : "CRITICAL: " + OpsMessages.format(l, "audit.chain.broken", String.valueOf(v.firstBrokenSeq()), v.reason(), v.checked());
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
