package org.smartproperty.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.BackupKey;
import org.smartproperty.ops.BackupManifest;
import org.smartproperty.ops.BackupReports.ArchiveInfo;
import org.smartproperty.ops.BackupReports.PartCheck;
import org.smartproperty.ops.BackupReports.PruneReport;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.TableCheck;
import org.smartproperty.ops.BackupReports.VerifyReport;
import org.smartproperty.ops.BackupService;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.ScratchDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spm backup …} (OPS-3): create, list, verify, restore-test, restore, prune, keygen. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Encrypted backups of the database, uploaded files and etc/ (OPS-3)",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListCmd.class, BackupCommand.Verify.class, BackupCommand.RestoreTest.class,
            BackupCommand.Restore.class, BackupCommand.Prune.class, BackupCommand.Keygen.class, CommandLine.HelpCommand.class})
public class BackupCommand extends GroupCommand {


    /** Key options shared by the commands that read or write archives. */
    static class KeyOptions {
        @Option(names = "--key-file", description = "AES-256 key file (32 bytes, raw or base64; mode 600)")
        Path keyFile;

        @Option(names = "--no-encryption", description = "Write / read an unencrypted archive")
        boolean noEncryption;

        BackupKey key(PrintWriter err, Common c) {
            if (keyFile != null && noEncryption) {
                throw new Common.Failure(Spm.USAGE, new OpsException("cli.keyAndNoEncryption"));
            }
            if (keyFile == null) {
                if (!noEncryption) {
                    throw new Common.Failure(Spm.USAGE, new OpsException("key.required"));
                }
                return BackupKey.NONE;
            }
            if (Files.exists(keyFile) && Common.readableByOthers(keyFile)) {
                err.println(OpsMessages.format(c.locale, "cli.keyMode", keyFile));
            }
            try {
                return BackupKey.load(keyFile);
            } catch (OpsException e) {
                throw new Common.Failure(Spm.USAGE, e);
            }
        }
    }

    /** The backup commands: {@link OpsCommand} with the backup service and its failure codes. */
    abstract static class Base extends OpsCommand {

        final BackupService backups = new BackupService();

        /** Damaged archives, refused restores: CRITICAL; unreachable things: UNKNOWN. */
        @Override
        int failureCode(OpsException e) {
            String k = e.key();
            if (k.startsWith("key.") || k.startsWith("cli.") || k.equals("prune.negative")) {
                return Spm.USAGE;
            }
            if (k.contains("Unreachable") || k.equals("list.noDirectory")) {
                return Spm.UNKNOWN;
            }
            return Spm.CRITICAL;
        }

        /** A report's problem in a JSON record: its key, its arguments and the text in the operator's language. */
        static void problem(ObjectNode record, String key, java.util.List<String> args, String message) {
            record.put("problem", key);
            args.forEach(record.putArray("problemArgs")::add);
            record.put("message", message);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Take a backup now; prints the archive's path")
    static class Create extends Base {
        @Option(names = "--to", required = true, description = "Folder of the archives")
        Path to;

        @Mixin
        KeyOptions keys;

        @Option(names = "--data-dir", description = "The platform's data folder (its files/ is backed up; default: $SPM_HOME/data)")
        Path dataDir;

        @Option(names = "--etc-dir", description = "The platform's etc folder (default: $SPM_HOME/etc)")
        Path etcDir;

        @Override
        String command() {
            return "backup create";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            BackupKey key = keys.key(err, common);
            Common.Db db = common.db();
            Path data = dataDir != null ? dataDir : Common.home() == null ? null : Common.home().resolve("data");
            Path etc = etcDir != null ? etcDir : Common.home() == null ? null : Common.home().resolve("etc");
            Path archive = backups.create(db.dataSource(), data, etc, to, key, common.progress(err));
            common.endProgress(err);
            if (common.json()) {
                BackupManifest m = backups.manifest(archive, key);
                ObjectNode env = common.envelope(command(), Spm.OK);
                ObjectNode r = Common.record(env, "backup.archive");
                r.put("path", archive.toString());
                r.put("bytes", size(archive));
                r.put("encrypted", m.encrypted());
                r.put("created", m.created());
                r.put("tables", m.tables().size());
                r.put("rows", m.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum());
                r.put("files", m.files() == null ? 0 : m.files().count());
                print(out, env);
            } else {
                out.println(archive);
            }
            return Spm.OK;
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The archives of a folder, newest first, with their latest restore test")
    static class ListCmd extends Base {
        @Parameters(index = "0", description = "Folder of the archives")
        Path dir;

        @Override
        String command() {
            return "backup list";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            java.util.List<ArchiveInfo> all = backups.list(dir);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (ArchiveInfo a : all) {
                    ObjectNode r = Common.record(env, "backup.archive");
                    r.put("path", a.path().toString());
                    r.put("created", a.created().toString());
                    r.put("bytes", a.bytes());
                    r.put("encrypted", a.encrypted());
                    if (a.restoreTestOk() != null) {
                        r.put("restoreTestOk", a.restoreTestOk());
                        r.put("restoreTestedAt", a.restoreTestedAt().toString());
                    }
                }
                print(out, env);
            } else if (all.isEmpty()) {
                out.println(OpsMessages.format(common.locale, "cli.noArchives", dir));
            } else {
                out.printf("%-52s %-20s %12s %-9s %s%n", "ARCHIVE", "CREATED", "BYTES", "ENCRYPTED", "RESTORE-TEST");
                for (ArchiveInfo a : all) {
                    out.printf("%-52s %-20s %12d %-9s %s%n", a.path().getFileName(), a.created(), a.bytes(), a.encrypted() ? "yes" : "NO",
                            a.restoreTestOk() == null ? "-" : (a.restoreTestOk() ? "OK " : "FAILED ") + a.restoreTestedAt());
                }
            }
            return Spm.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Decrypt every part and check its SHA-256 against the manifest")
    static class Verify extends Base {
        @Parameters(index = "0", description = "The archive")
        Path archive;

        @Mixin
        KeyOptions keys;

        @Override
        String command() {
            return "backup verify";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            BackupKey key = keys.key(err, common);
            if (!Files.isRegularFile(archive)) {
                throw new Common.Failure(Spm.UNKNOWN, new OpsException("verify.unreadable", archive));
            }
            VerifyReport r = backups.verify(archive, key, common.progress(err));
            common.endProgress(err);
            int code = r.ok() ? Spm.OK : Spm.CRITICAL;
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                ObjectNode s = Common.record(env, "backup.verify");
                s.put("archive", archive.toString());
                s.put("ok", r.ok());
                if (r.problem() != null) {
                    problem(s, r.problem(), r.problemArgs(), r.problemMessage(common.locale));
                }
                for (PartCheck p : r.parts()) {
                    ObjectNode n = Common.record(env, "backup.part");
                    n.put("part", p.part());
                    n.put("ok", p.ok());
                    n.put("bytes", p.bytes());
                    if (p.problem() != null) {
                        n.put("problem", p.problem());
                        n.put("message", OpsMessages.format(common.locale, p.problem()));
                        n.put("detail", p.detail());
                    }
                }
                print(out, env);
            } else {
                out.printf("%-40s %-7s %12s %s%n", "PART", "STATUS", "BYTES", "PROBLEM");
                for (PartCheck p : r.parts()) {
                    out.printf("%-40s %-7s %12d %s%n", p.part(), p.ok() ? "OK" : "BAD", p.bytes(),
                            p.problem() == null ? "" : OpsMessages.format(common.locale, p.problem()) + (p.detail() == null ? "" : " (" + p.detail() + ")"));
                }
                String summary = r.ok() ? OpsMessages.format(common.locale, "verify.ok", r.parts().size())
                        : OpsMessages.format(common.locale, "verify.bad", r.problem() != null ? r.problemMessage(common.locale)
                                : String.join(", ", r.badParts().stream().map(PartCheck::part).toList()));
                out.println(summary);
            }
            return code;
        }
    }

    @Command(name = "restore-test", mixinStandardHelpOptions = true,
            description = "Restore into a scratch database, compare row counts and content hashes with the manifest, drop it; keeps the record beside the archive")
    static class RestoreTest extends Base {
        @Parameters(index = "0", description = "The archive")
        Path archive;

        @Mixin
        KeyOptions keys;

        @Option(names = "--scratch-db", description = "Server for the scratch schema (jdbc:postgresql://…) or jdbc:h2:mem; default: the platform's PostgreSQL server, else H2 in memory")
        String scratchDb;

        @Option(names = "--changelogs", description = "Folder of the platform's bundle jars (default: the installation's system/ and deploy/, found from bin/spm's location)")
        Path changelogs;

        @Override
        String command() {
            return "backup restore-test";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            BackupKey key = keys.key(err, common);
            ScratchDatabase.Factory scratch;
            String url = scratchDb;
            Common.Db db = null;
            if (url == null) {
                try {
                    db = common.db();
                    url = db.url().startsWith("jdbc:postgresql:") ? db.url() : "jdbc:h2:mem";
                } catch (Common.Failure f) {
                    url = "jdbc:h2:mem";
                }
            } else if (url.startsWith("jdbc:postgresql:")) {
                try {
                    db = common.db();
                } catch (Common.Failure f) {
                    db = new Common.Db(url, System.getenv().getOrDefault("SPM_DB_USER", "postgres"), System.getenv("SPM_DB_PASSWORD"));
                }
            }
            scratch = url.startsWith("jdbc:postgresql:") ? ScratchDatabase.postgresSchema(url, db.user(), db.password()) : ScratchDatabase.h2Memory();
            RestoreTestReport r = backups.restoreTest(archive, key, scratch, Common.changelogs(changelogs), common.progress(err));
            common.endProgress(err);
            int code = r.ok() ? Spm.OK : Spm.CRITICAL;
            if (common.json()) {
                ObjectNode env = common.envelope(command(), code);
                ObjectNode s = Common.record(env, "backup.restore-test");
                s.put("archive", archive.toString());
                s.put("archiveSha256", r.archiveSha256());
                s.put("ok", r.ok());
                s.put("scratch", r.scratch());
                s.put("startedAt", r.startedAt().toString());
                s.put("finishedAt", r.finishedAt().toString());
                s.put("record", r.record().toString());
                if (r.problem() != null) {
                    problem(s, r.problem(), r.problemArgs(), r.problemMessage(common.locale));
                }
                for (TableCheck t : r.tables()) {
                    ObjectNode n = Common.record(env, "backup.table");
                    n.put("table", t.table());
                    n.put("ok", t.ok());
                    n.put("expectedRows", t.expectedRows());
                    n.put("actualRows", t.actualRows());
                    n.put("expectedHash", t.expectedHash());
                    n.put("actualHash", t.actualHash());
                }
                print(out, env);
            } else {
                out.printf("%-32s %-7s %10s %10s%n", "TABLE", "STATUS", "EXPECTED", "RESTORED");
                for (TableCheck t : r.tables()) {
                    out.printf("%-32s %-7s %10d %10d%n", t.table(), t.ok() ? "OK" : "DIFFERS", t.expectedRows(), t.actualRows());
                }
                out.println(r.ok() ? OpsMessages.format(common.locale, "restoreTest.ok", r.tables().size(), r.record())
                        : OpsMessages.format(common.locale, "restoreTest.bad", r.problemMessage(common.locale), r.record()));
            }
            return code;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore an archive into a database (empty, or migrated by the platform); refuses while the platform answers unless --force")
    static class Restore extends Base {
        @Parameters(index = "0", description = "The archive")
        Path archive;

        @Mixin
        KeyOptions keys;

        @Option(names = "--target-db", required = true, description = "JDBC URL of the target database (user and password as for the platform's database)")
        String targetDb;

        @Option(names = "--force", description = "Restore even while the platform answers at --url")
        boolean force;

        @Option(names = "--url", description = "Platform base URL checked for a live platform (default: $SPM_URL or http://localhost:8181)")
        String url;

        @Option(names = "--data-dir", description = "Write the uploaded files to DIR/files")
        Path dataDir;

        @Option(names = "--etc-dir", description = "Write the backed-up configuration to DIR")
        Path etcDir;

        @Option(names = "--changelogs", description = "Folder of the platform's bundle jars (default: the installation's system/ and deploy/, found from bin/spm's location)")
        Path changelogs;

        @Override
        String command() {
            return "backup restore";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            BackupKey key = keys.key(err, common);
            String user;
            String password;
            try {
                Common.Db db = common.db();
                user = db.user();
                password = db.password();
            } catch (Common.Failure f) {
                user = System.getenv().getOrDefault("SPM_DB_USER", "");
                password = System.getenv("SPM_DB_PASSWORD");
            }
            String platform = url != null ? url : System.getenv().getOrDefault("SPM_URL", "http://localhost:8181");
            RestoreReport r = backups.restore(archive, key, new org.smartproperty.ops.SimpleDataSource(Common.resolve(targetDb), user, password),
                    new BackupService.RestoreOptions(force, platform, Common.changelogs(changelogs), dataDir, etcDir),
                    common.progress(err));
            common.endProgress(err);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                ObjectNode s = Common.record(env, "backup.restore");
                s.put("archive", archive.toString());
                s.put("target", BackupService.safeUrl(targetDb));
                s.put("schemaCreated", r.schemaCreated());
                s.put("tables", r.tables());
                s.put("rows", r.rows());
                s.put("files", r.files());
                s.put("etcFiles", r.etcFiles());
                s.put("sequences", r.sequences());
                print(out, env);
            } else {
                out.println(OpsMessages.format(common.locale, "restore.done", r.tables(), r.rows(), r.files(), r.etcFiles(), r.sequences()));
            }
            return Spm.OK;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete archives outside the retention (newest per day, ISO week, month)")
    static class Prune extends Base {
        @Parameters(index = "0", description = "Folder of the archives")
        Path dir;

        @Option(names = "--daily", required = true, description = "Days to keep")
        int daily;

        @Option(names = "--weekly", required = true, description = "Weeks to keep")
        int weekly;

        @Option(names = "--monthly", required = true, description = "Months to keep")
        int monthly;

        @Option(names = "--dry-run", description = "Only show what would be deleted")
        boolean dryRun;

        @Override
        String command() {
            return "backup prune";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            PruneReport r = backups.prune(dir, daily, weekly, monthly, dryRun);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                for (Path p : r.kept()) {
                    Common.record(env, "backup.kept").put("path", p.toString());
                }
                for (Path p : r.deleted()) {
                    ObjectNode n = Common.record(env, "backup.deleted");
                    n.put("path", p.toString());
                    n.put("dryRun", r.dryRun());
                }
                print(out, env);
            } else {
                for (Path p : r.deleted()) {
                    out.println((r.dryRun() ? "would delete " : "deleted ") + p.getFileName());
                }
                out.println(OpsMessages.format(common.locale, "prune.done", r.kept().size(), r.deleted().size()));
            }
            return Spm.OK;
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true, description = "Write a new random backup key file (mode 600); keep a copy off the machine")
    static class Keygen extends Base {
        @Parameters(index = "0", description = "The key file to create")
        Path file;

        @Override
        String command() {
            return "backup keygen";
        }

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (Files.exists(file)) {
                throw new Common.Failure(Spm.USAGE, new OpsException("key.unreadable", file));
            }
            BackupKey.generate(file);
            if (common.json()) {
                ObjectNode env = common.envelope(command(), Spm.OK);
                Common.record(env, "backup.key").put("path", file.toString());
                print(out, env);
            } else {
                out.println(file);
            }
            return Spm.OK;
        }
    }
}
