package org.smartproperty.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PasswordOps;
import org.smartproperty.ops.PasswordOps.Account;
import org.smartproperty.ops.PasswordOps.State;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spm passwords …} (OPS-1): status, expire, rotate-db. */
@Command(name = "passwords", mixinStandardHelpOptions = true, description = "Password rotation: account password ages, forced changes, the database role's password (OPS-1)",
        subcommands = {PasswordsCommand.Status.class, PasswordsCommand.Expire.class, PasswordsCommand.RotateDb.class, CommandLine.HelpCommand.class})
public class PasswordsCommand extends GroupCommand {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());


    /** {@code ops:<OS user>}: the actor of the audit records written by the tool. */
    static String actor() {
        String u = System.getenv("USER");
        if (u == null || u.isBlank()) {
            u = System.getProperty("user.name", "unknown");
        }
        return "ops:" + u;
    }

    /** Bad usage (unknown user/role, H2, no config) is 64; database failures UNKNOWN. */
    abstract static class Base extends OpsCommand {
        @Override
        int failureCode(OpsException e) {
            String k = e.key();
            if (k.startsWith("cli.") || k.startsWith("passwords.unknown") || k.equals("passwords.rotateDbNotPostgres")
                    || k.equals("passwords.rotateDbNoUser") || k.equals("passwords.rotateDbNoConfig")) {
                return Spm.USAGE;
            }
            return Spm.UNKNOWN;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Every password account: expired, initial password / never changed, expiring within 14 days, locked, disabled; exit 1 when any is expired or initial")
    static class Status extends Base {
        @Option(names = "--max-age-days", description = "Maximum password age (default: password.maxAgeDays of etc/org.smartproperty.security.cfg, else 90)")
        Integer maxAgeDays;

        @Option(names = "--security-config", description = "The platform's security settings (default: $SPM_HOME/etc/org.smartproperty.security.cfg)")
        Path securityConfig;

        @Override
        String command() {
            return "passwords status";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            int maxAge;
            if (maxAgeDays != null) {
                if (maxAgeDays < 1) {
                    throw new Common.Failure(Spm.USAGE, new OpsException("cli.failed", "--max-age-days must be at least 1"));
                }
                maxAge = maxAgeDays;
            } else {
                Path cfg = securityConfig != null ? securityConfig : Common.home() == null ? null : Common.home().resolve("etc/org.smartproperty.security.cfg");
                maxAge = PasswordOps.maxAgeDays(cfg);
            }
            List<Account> all = PasswordOps.status(common.db().dataSource(), maxAge, Instant.now());
            int code = all.stream().anyMatch(PasswordOps::needsAction) ? Spm.WARNING : Spm.OK;
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                env.put("maxAgeDays", maxAge);
                for (Account a : all) {
                    ObjectNode r = Common.record(env, "password.account");
                    r.put("username", a.username());
                    r.putPOJO("roles", a.roles());
                    r.put("changedAt", a.changedAt() == null ? null : a.changedAt().toString());
                    if (a.daysLeft() == null) {
                        r.putNull("daysLeft");
                    } else {
                        r.put("daysLeft", a.daysLeft());
                    }
                    r.put("state", a.state().name());
                    r.put("accountStatus", a.status());
                }
                print(out, env);
            } else if (all.isEmpty()) {
                out.println(OpsMessages.format(common.locale, "passwords.none"));
            } else {
                out.printf("%-24s %-10s %-24s %-16s %9s%n", "USER", "STATE", "ROLES", "CHANGED", "DAYS-LEFT");
                for (Account a : all) {
                    out.printf("%-24s %-10s %-24s %-16s %9s%n", a.username(), a.state() == State.NEVER_CHANGED ? "NEVER" : a.state().name(),
                            String.join(",", a.roles()), a.changedAt() == null ? "-" : DAY.format(a.changedAt()),
                            a.daysLeft() == null ? "-" : a.daysLeft().toString());
                }
                out.println(OpsMessages.format(common.locale, "passwords.summary", all.size(), count(all, State.EXPIRED),
                        count(all, State.INITIAL) + count(all, State.NEVER_CHANGED), count(all, State.EXPIRING), count(all, State.LOCKED), maxAge));
            }
            return code;
        }

        private static long count(List<Account> all, State s) {
            return all.stream().filter(a -> a.state() == s).count();
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = "Force a password change at the next login of one account or of every account of a role; revokes their tokens; audited")
    static class Expire extends Base {
        @Option(names = "--user", description = "The account")
        String user;

        @Option(names = "--role", description = "Every account holding this role (e.g. OFFICER)")
        String role;

        @Option(names = "--reason", description = "Why (kept in the audit record)")
        String reason;

        @Override
        String command() {
            return "passwords expire";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if ((user == null) == (role == null)) {
                throw new Common.Failure(Spm.USAGE, new OpsException("cli.passwordsUserOrRole"));
            }
            PasswordOps.Expired r = PasswordOps.expire(common.db().dataSource(), user, role, reason, actor());
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (String u : r.usernames()) {
                    Common.record(env, "password.expired").put("username", u);
                }
                ObjectNode s = Common.record(env, "password.expire");
                s.put("accounts", r.usernames().size());
                s.put("tokensRevoked", r.tokensRevoked());
                s.put("actor", actor());
                print(out, env);
            } else {
                out.println(OpsMessages.format(common.locale, "passwords.expireDone", r.usernames().size(), r.tokensRevoked(), String.join(", ", r.usernames())));
            }
            return Spm.OK;
        }
    }

    @Command(name = "rotate-db", mixinStandardHelpOptions = true,
            description = "New random password for the platform's database role (PostgreSQL), written to the settings file it was read from (mode 600, atomic); never printed; audited")
    static class RotateDb extends Base {
        @Option(names = "--length", defaultValue = "32", description = "Password length (16..128, default 32)")
        int length;

        @Override
        String command() {
            return "passwords rotate-db";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            Path file = common.config != null ? common.config : Common.home() == null ? null : Common.home().resolve("etc/org.smartproperty.db.cfg");
            if (file == null || !Files.isRegularFile(file)) {
                throw new Common.Failure(Spm.USAGE, new OpsException("passwords.rotateDbNoConfig", String.valueOf(file)));
            }
            Common.Db db = common.db();
            if (!db.url().startsWith("jdbc:postgresql:")) {
                throw new Common.Failure(Spm.USAGE, new OpsException("passwords.rotateDbNotPostgres"));
            }
            PasswordOps.DbRotation r = PasswordOps.rotateDb(db.url(), db.user(), db.password(), file, length, actor());
            int code = Spm.OK;
            String env = System.getenv("SPM_DB_PASSWORD");
            boolean envOverrides = env != null && !env.isBlank();
            if (envOverrides) {
                code = Spm.WARNING;
                err.println(OpsMessages.format(common.locale, "passwords.rotateDbEnv"));
            }
            if (common.json()) {
                ObjectNode e = common.envelope(command(), code);
                ObjectNode s = Common.record(e, "password.db-rotation");
                s.put("role", r.role());
                s.put("config", r.configFile().toString());
                s.put("length", length);
                s.put("environmentOverrides", envOverrides);
                print(out, e);
            } else {
                out.println(OpsMessages.format(common.locale, "passwords.rotateDbDone", r.role(), r.configFile()));
            }
            return code;
        }
    }
}
