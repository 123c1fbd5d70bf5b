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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spm keys …} (OPS-1): the backup encryption key ring. The current key file stays where
 * it is; a rotation keeps the former key beside it as {@code FILE.<yyyyMMddHHmmss>.old}, and
 * every backup command that reads archives tries the whole ring.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The backup encryption key ring: rotate, list, prune (OPS-1)",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListCmd.class, KeysCommand.Prune.class, CommandLine.HelpCommand.class})
public class KeysCommand extends GroupCommand {


    abstract static class Base extends OpsCommand {
        @Option(names = "--key-file", required = true, description = "The current backup key file (mode 600)")
        Path keyFile;

        @Override
        int failureCode(OpsException e) {
            String k = e.key();
            return k.startsWith("cli.") || k.startsWith("key.") || k.equals("keys.noKeyFile") || k.equals("list.noDirectory") ? Spm.USAGE : Spm.UNKNOWN;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Keep the current key as FILE.<yyyyMMddHHmmss>.old and write a new one (mode 600); archives of the old key stay readable")
    static class Rotate extends Base {
        @Override
        String command() {
            return "keys rotate";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            KeyRing.Rotation r = KeyRing.rotate(keyFile, Clock.systemDefaultZone());
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each key of the ring, its fingerprint (first 16 hex of SHA-256) and how many archives of --dir need it")
    static class ListCmd extends Base {
        @Option(names = "--dir", description = "Folder of the archives to count")
        Path dir;

        @Override
        String command() {
            return "keys list";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            List<KeyInfo> all = KeyRing.list(keyFile, dir);
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

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete the retired keys that no archive of --dir needs any more")
    static class Prune extends Base {
        @Option(names = "--dir", required = true, description = "Folder of the archives (all of them: a key is deleted only when none of these needs it)")
        Path dir;

        @Option(names = "--dry-run", description = "Only show what would be deleted")
        boolean dryRun;

        @Override
        String command() {
            return "keys prune";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            List<Path> deleted = KeyRing.prune(keyFile, dir, dryRun);
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
                out.println(OpsMessages.format(common.locale, "keys.pruned", dryRun ? 0 : deleted.size()));
            }
            return Spm.OK;
        }
    }
}
