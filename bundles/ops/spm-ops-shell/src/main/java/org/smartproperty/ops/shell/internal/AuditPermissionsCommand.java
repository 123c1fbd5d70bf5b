package org.smartproperty.ops.shell.internal;

import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PermissionAudit;
import org.smartproperty.ops.PermissionAudit.Finding;

/** {@code spm:audit-permissions}: the permission audit of {@code spm audit permissions} (OPS-1). */
@Command(scope = "spm", name = "audit-permissions", description = "Permission audit: separation of duties, scopes, dormant accounts, inactive organisations, database privileges")
@Service
public class AuditPermissionsCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--dormant-days", description = "days without login before an account counts as dormant (default 90)")
    int dormantDays = 90;

    @Override
    public Object execute() {
        Locale l = OpsMessages.fromEnvironment();
        try {
            PermissionAudit.Report r = new PermissionAudit().run(dataSource, dormantDays, Instant.now());
            if (r.findings().isEmpty()) {
                return OpsMessages.format(l, "audit.none", r.accounts());
            }
            StringBuilder out = new StringBuilder(String.format("%-8s %-18s %-22s %s%n", "SEVERITY", "CODE", "SUBJECT", "FINDING / FIX"));
            for (Finding f : r.findings()) {
                out.append(String.format("%-8s %-18s %-22s %s%n", f.severity(), f.code(), f.subject(), f.message(l)));
                out.append(String.format("%-8s %-18s %-22s   → %s%n", "", "", "", f.fix(l)));
            }
            return out.toString();
        } catch (OpsException e) {
            return e.message(l);
        }
    }
}
