package org.smartproperty.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.KeyRing;
import org.smartproperty.ops.KeyRing.KeyInfo;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.TotpKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spm keys …} (OPS-1): the backup encryption key ring. The current key file stays where
 * it is; a rotation keeps the former key beside it as {@code FILE.<yyyyMMddHHmmss>.old}, and
 * every backup command that reads archives tries the whole ring.
 *
 * <p>With {@code --totp} (issue 10 item 8) the same three commands work on the key ring of the
 * TOTP secrets in {@code sec_account.totp_secret}: {@code rotate --totp} also re-encrypts every
 * secret with the new key in one transaction (audited), {@code list --totp} counts the secrets
 * per key, {@code prune --totp} deletes the retired keys no secret uses. The key file defaults to
 * {@code totp.keyFile} of {@code etc/org.smartproperty.security.cfg}, else
 * {@code data/security/totp.key} of the installation.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The backup encryption key ring, or with --totp the TOTP secrets' key ring: rotate, list, prune (OPS-1)",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListCmd.class, KeysCommand.Prune.class, CommandLine.HelpCommand.class})
public class KeysCommand extends GroupCommand {


    abstract static class Base extends OpsCommand {
        @Option(names = "--key-file", description = "The current key file (mode 600): the backup key (required without --totp); "
                + "with --totp default totp.keyFile of the security settings, else $SPM_HOME/data/security/totp.key")
        Path keyFile;

        @Option(names = "--totp", description = "The key ring of the TOTP secrets in the database (sec_account.totp_secret) instead of the backup key ring")
        boolean totp;

        @Option(names = "--security-config",
                description = "With --totp: the platform's security settings, for totp.keyFile (default: $SPM_HOME/etc/org.smartproperty.security.cfg)")
        Path securityConfig;

        /** The key file: --key-file, or with --totp the installation's TOTP key file. */
        Path keyFile() {
            if (keyFile != null) {
                return keyFile;
            }
            if (!totp) {
                throw new Common.Failure(Spm.USAGE, new OpsException("keys.keyFileRequired"));
            }
            Path home = Common.home();
            Path cfg = securityConfig != null ? securityConfig : home == null ? null : home.resolve("etc/org.smartproperty.security.cfg");
            String data = System.getenv("KARAF_DATA");
            Path dataDir = data != null && !data.isBlank() ? Path.of(data) : home == null ? null : home.resolve("data");
            Path f = TotpKeys.keyFile(cfg, home, dataDir);
            if (f == null) {
                throw new Common.Failure(Spm.USAGE, new OpsException("keys.noTotpKeyFile", "-"));
            }
            return f;
        }

        @Override
        int failureCode(OpsException e) {
            String k = e.key();
            if (k.equals("keys.totpUnknownKey")) {
                return Spm.CRITICAL;
            }
            return k.startsWith("cli.") || k.startsWith("key.") || k.equals("keys.noKeyFile") || k.equals("keys.noTotpKeyFile")
                    || k.equals("keys.keyFileRequired") || k.equals("keys.totpDirNotApplicable") || k.equals("list.noDirectory") ? Spm.USAGE : Spm.UNKNOWN;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Keep the current key as FILE.<yyyyMMddHHmmss>.old and write a new one (mode 600); archives of the old key stay readable. "
                    + "--totp: and re-encrypt every TOTP secret with the new key in one transaction (audited)")
    static class Rotate extends Base {
        @Override
        String command() {
            return "keys rotate";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (totp) {
                TotpKeys.Rotation r = TotpKeys.rotate(common.db().dataSource(), keyFile(), Clock.systemDefaultZone(), PasswordsCommand.actor());
                if (common.json()) {
                    ObjectNode env = common.envelope(command(), Spm.OK);
                    ObjectNode n = Common.record(env, "key.rotation");
                    n.put("ring", "totp");
                    n.put("keyFile", r.keyFile().toString());
                    n.put("retired", r.retired().toString());
                    n.put("oldFingerprint", r.oldKeyId());
                    n.put("newFingerprint", r.newKeyId());
                    n.put("secrets", r.secrets());
                    n.put("fromPlain", r.fromPlain());
                    print(out, env);
                } else {
                    out.println(OpsMessages.format(common.locale, "keys.totpRotated", r.keyFile(), r.oldKeyId(), r.retired().getFileName(), r.newKeyId(),
                            r.secrets(), r.fromPlain()));
                }
                return Spm.OK;
            }
            KeyRing.Rotation r = KeyRing.rotate(keyFile(), Clock.systemDefaultZone());
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                ObjectNode n = Common.record(env, "key.rotation");
                n.put("keyFile", r.keyFile().toString());
                n.put("retired", r.retired().toString());
                n.put("oldFingerprint", r.oldFingerprint());
                n.put("newFingerprint", r.newFingerprint());
                print(out, env);
            } else {
                out.println(OpsMessages.format(common.locale, "keys.rotated", r.keyFile(), r.oldFingerprint(), r.retired().getFileName(), r.newFingerprint()));
            }
            return Spm.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each key of the ring, its fingerprint (first 16 hex of SHA-256) and how many archives of --dir need it; "
            + "--totp: how many TOTP secrets each key encrypts")
    static class ListCmd extends Base {
        @Option(names = "--dir", description = "Folder of the archives to count")
        Path dir;

        @Override
        String command() {
            return "keys list";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (totp) {
                if (dir != null) {
                    throw new OpsException("keys.totpDirNotApplicable");
                }
                TotpKeys.Listing l = TotpKeys.list(common.db().dataSource(), keyFile());
                int code = l.plain() > 0 || l.unknown() > 0 ? Spm.WARNING : Spm.OK;
                if (common.json()) {
                    ObjectNode env = common.envelope(command(), code);
                    for (TotpKeys.KeyInfo k : l.keys()) {
                        ObjectNode n = Common.record(env, "key");
                        n.put("ring", "totp");
                        n.put("file", k.file().toString());
                        n.put("fingerprint", k.keyId());
                        n.put("current", k.current());
                        n.put("secrets", k.secrets());
                    }
                    ObjectNode s = Common.record(env, "key.secrets");
                    s.put("plain", l.plain());
                    s.put("unknownKey", l.unknown());
                    print(out, env);
                } else {
                    out.printf("%-48s %-16s %-8s %s%n", "KEY", "FINGERPRINT", "STATE", "SECRETS");
                    for (TotpKeys.KeyInfo k : l.keys()) {
                        out.printf("%-48s %-16s %-8s %d%n", k.file().getFileName(), k.keyId(), k.current() ? "current" : "retired", k.secrets());
                    }
                    if (code != Spm.OK) {
                        out.println(OpsMessages.format(common.locale, "keys.totpListSummary", l.plain(), l.unknown()));
                    }
                }
                return code;
            }
            List<KeyInfo> all = KeyRing.list(keyFile(), dir);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (KeyInfo k : all) {
                    ObjectNode n = Common.record(env, "key");
                    n.put("file", k.file().toString());
                    n.put("fingerprint", k.fingerprint());
                    n.put("current", k.current());
                    if (k.archives() >= 0) {
                        n.put("archives", k.archives());
                    }
                }
                print(out, env);
            } else {
                out.printf("%-48s %-16s %-8s %s%n", "KEY", "FINGERPRINT", "STATE", "ARCHIVES");
                for (KeyInfo k : all) {
                    out.printf("%-48s %-16s %-8s %s%n", k.file().getFileName(), k.fingerprint(), k.current() ? "current" : "retired",
                            k.archives() < 0 ? "-" : Integer.toString(k.archives()));
                }
            }
            return Spm.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete the retired keys that no archive of --dir needs any more; "
            + "--totp: the retired keys no TOTP secret uses")
    static class Prune extends Base {
        @Option(names = "--dir", description = "Folder of the archives (all of them: a key is deleted only when none of these needs it); required without --totp")
        Path dir;

        @Option(names = "--dry-run", description = "Only show what would be deleted")
        boolean dryRun;

        @Override
        String command() {
            return "keys prune";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (totp && dir != null) {
                throw new OpsException("keys.totpDirNotApplicable");
            }
            if (!totp && dir == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--dir=<dir>'");
            }
            List<Path> deleted = totp ? TotpKeys.prune(common.db().dataSource(), keyFile(), dryRun) : KeyRing.prune(keyFile(), dir, dryRun);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (Path p : deleted) {
                    ObjectNode n = Common.record(env, "key.deleted");
                    n.put("file", p.toString());
                    n.put("dryRun", dryRun);
                }
                print(out, env);
            } else {
                for (Path p : deleted) {
                    out.println((dryRun ? "would delete " : "deleted ") + p.getFileName());
                }
                out.println(OpsMessages.format(common.locale, totp ? "keys.totpPruned" : "keys.pruned", dryRun ? 0 : deleted.size()));
            }
            return Spm.OK;
        }
    }
}
