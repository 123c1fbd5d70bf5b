package org.smartproperty.ops.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PasswordOps;
import org.smartproperty.ops.PasswordOps.Account;
import org.smartproperty.ops.PasswordOps.State;

/** {@code spm:passwords-status}: every password account by state and days to expiry (OPS-1). */
@Command(scope = "spm", name = "passwords-status", description = "Password accounts: expired, initial / never changed, expiring within 14 days, locked, disabled")
@Service
public class PasswordsStatusCommand implements Action {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--max-age-days", description = "maximum password age (default: password.maxAgeDays of etc/org.smartproperty.security.cfg, else 90)")
    Integer maxAgeDays;

    @Override
    public Object execute() {
        try {
            int maxAge = maxAgeDays != null ? maxAgeDays
                    : PasswordOps.maxAgeDays(ShellSupport.karafDir("karaf.etc") == null ? null
                            : ShellSupport.karafDir("karaf.etc").resolve("org.smartproperty.security.cfg"));
            List<Account> all = PasswordOps.status(dataSource, maxAge, Instant.now());
            if (all.isEmpty()) {
                return OpsMessages.format(OpsMessages.fromEnvironment(), "passwords.none");
            }
            StringBuilder out = new StringBuilder(String.format("%-24s %-10s %-24s %-16s %9s%n", "USER", "STATE", "ROLES", "CHANGED", "DAYS-LEFT"));
            for (Account a : all) {
                out.append(String.format("%-24s %-10s %-24s %-16s %9s%n", a.username(), a.state() == State.NEVER_CHANGED ? "NEVER" : a.state().name(),
                        String.join(",", a.roles()), a.changedAt() == null ? "-" : DAY.format(a.changedAt()), a.daysLeft() == null ? "-" : a.daysLeft()));
            }
            out.append(OpsMessages.format(OpsMessages.fromEnvironment(), "passwords.summary", all.size(), count(all, State.EXPIRED),
                    count(all, State.INITIAL) + count(all, State.NEVER_CHANGED), count(all, State.EXPIRING), count(all, State.LOCKED), maxAge));
            return out.toString();
        } catch (OpsException e) {
            return e.message(OpsMessages.fromEnvironment());
        }
    }

    private static long count(List<Account> all, State s) {
        return all.stream().filter(a -> a.state() == s).count();
    }
}
