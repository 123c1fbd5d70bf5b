package org.smartproperty.cli;

import java.io.PrintWriter;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.PermissionAudit;
import org.smartproperty.ops.PermissionAudit.Finding;
import org.smartproperty.platform.security.audit.AuditChain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spm audit …} (OPS-1): permissions (accounts, roles, database privileges) and the audit log's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Permission audit and audit-chain verification (OPS-1)",
        subcommands = {AuditCommand.Permissions.class, AuditCommand.Chain.class, CommandLine.HelpCommand.class})
public class AuditCommand extends GroupCommand {


    @Command(name = "permissions", mixinStandardHelpOptions = true,
            description = "Separation of duties, roles beyond an account's scope, dormant accounts, accounts of inactive organisations, "
                    + "database privileges; exit 2 on CRITICAL, 1 on WARNING")
    static class Permissions extends OpsCommand {
        @Option(names = "--dormant-days", defaultValue = "90", description = "Days without login before an account counts as dormant (default 90)")
        int dormantDays;

        @Override
        String command() {
            return "audit permissions";
        }

        @Override
        int failureCode(org.smartproperty.ops.OpsException e) {
            return e.key().equals("audit.dormantDays") ? Spm.USAGE : super.failureCode(e);
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            PermissionAudit.Report r = new PermissionAudit().run(common.db().dataSource(), dormantDays, Instant.now());
            int code = r.exitCode();
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                for (Finding f : r.findings()) {
                    ObjectNode n = Common.record(env, "audit.finding");
                    n.put("severity", f.severity().name());
                    n.put("code", f.code());
                    n.put("subject", f.subject());
                    n.put("message", f.message(common.locale));
                    n.put("fix", f.fix(common.locale));
                }
                ObjectNode s = Common.record(env, "audit.summary");
                s.put("accounts", r.accounts());
                s.put("dormantDays", r.dormantDays());
                s.put("findings", r.findings().size());
                print(out, env);
            } else if (r.findings().isEmpty()) {
                out.println(OpsMessages.format(common.locale, "audit.none", r.accounts()));
            } else {
                out.printf("%-8s %-18s %-22s %s%n", "SEVERITY", "CODE", "SUBJECT", "FINDING / FIX");
                for (Finding f : r.findings()) {
                    out.printf("%-8s %-18s %-22s %s%n", f.severity(), f.code(), f.subject(), f.message(common.locale));
                    out.printf("%-8s %-18s %-22s   → %s%n", "", "", "", f.fix(common.locale));
                }
            }
            return code;
        }
    }

    @Command(name = "chain", mixinStandardHelpOptions = true,
            description = "Walk the audit log's hash chain: OK with the rows checked, or CRITICAL (exit 2) naming the first broken row")
    static class Chain extends OpsCommand {
        @Override
        String command() {
            return "audit chain";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            AuditChain.Verification v = new PermissionAudit().verifyChain(common.db().dataSource());
            int code = v.intact() ? Spm.OK : Spm.CRITICAL;
            String text = v.intact() ? OpsMessages.format(common.locale, "audit.chain.ok", v.checked())
                    : OpsMessages.format(common.locale, "audit.chain.broken", String.valueOf(v.firstBrokenSeq()), v.reason(), v.checked());
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                ObjectNode n = Common.record(env, "audit.chain");
                n.put("intact", v.intact());
                n.put("checked", v.checked());
                if (!v.intact()) {
                    n.put("firstBrokenSeq", v.firstBrokenSeq());
                    n.put("reason", v.reason());
                }
                n.put("message", text);
                print(out, env);
            } else {
                out.println((v.intact() ? "OK: " : "CRITICAL: ") + text);
            }
            return code;
        }
    }
}
