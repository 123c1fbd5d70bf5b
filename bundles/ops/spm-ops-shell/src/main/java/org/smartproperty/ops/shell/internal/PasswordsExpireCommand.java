package org.smartproperty.ops.shell.internal;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PasswordOps;

/** {@code spm:passwords-expire}: force a password change at the next login; revokes tokens; audited as {@code ops:<shell user>} (OPS-1). */
@Command(scope = "spm", name = "passwords-expire", description = "Force a password change at the next login of --user or of every account of --role")
@Service
public class PasswordsExpireCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--user", description = "the account")
    String user;

    @Option(name = "--role", description = "every account holding this role")
    String role;

    @Option(name = "--reason", description = "why (kept in the audit record)")
    String reason;

    @Override
    public Object execute() {
        try {
            String who = ShellUtil.getCurrentUserName();
            PasswordOps.Expired r = PasswordOps.expire(dataSource, user, role, reason, "ops:" + (who == null ? "karaf" : who));
            return OpsMessages.format(OpsMessages.fromEnvironment(), "passwords.expireDone", r.usernames().size(), r.tokensRevoked(),
                    String.join(", ", r.usernames()));
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }
}
