package org.smartproperty.ops;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the backup operations answer; the CLI prints them as tables or versioned JSON. */
public final class BackupReports {

    private BackupReports() {
    }

    /** An archive found by {@code list}: name time, size, and its latest restore test when one was recorded. */
    public record ArchiveInfo(Path path, Instant created, long bytes, boolean encrypted, Boolean restoreTestOk, Instant restoreTestedAt) {
    }

    /** One part as checked: problem is a message key ({@code part.*}, texts without arguments) or null, detail technical. */
    public record PartCheck(String part, boolean ok, long bytes, String problem, String detail) {
    }

    /**
     * {@code verify}: ok when every part authenticated and matched the manifest's SHA-256; problem (a
     * message key) with its arguments when the archive as a whole could not be checked, else null.
     */
    public record VerifyReport(Path archive, boolean ok, String problem, List<PartCheck> parts, BackupManifest manifest, List<String> problemArgs) {

        public VerifyReport {
            problemArgs = problemArgs == null ? List.of() : List.copyOf(problemArgs);
        }

        /** Without arguments (the problem's text has none). */
        public VerifyReport(Path archive, boolean ok, String problem, List<PartCheck> parts, BackupManifest manifest) {
            this(archive, ok, problem, parts, manifest, List.of());
        }

        /** The problem's text with its arguments, or null. */
        public String problemMessage(Locale locale) {
            return problem == null ? null : OpsMessages.format(locale, problem, problemArgs.toArray());
        }

        public List<PartCheck> badParts() {
            return parts.stream().filter(p -> !p.ok()).toList();
        }
    }

    /** One table after a restore test. */
    public record TableCheck(String table, long expectedRows, long actualRows, String expectedHash, String actualHash) {
        public boolean ok() {
            return expectedRows == actualRows && expectedHash.equals(actualHash);
        }
    }

    /**
     * The restore-test record (kept beside the archive as {@code <archive>.restore-test.json}); problem
     * (a message key) with its arguments, null when ok.
     */
    public record RestoreTestReport(String archive, String archiveSha256, Instant startedAt, Instant finishedAt, String scratch,
            boolean ok, String problem, List<TableCheck> tables, Path record, List<String> problemArgs) {

        public RestoreTestReport {
            problemArgs = problemArgs == null ? List.of() : List.copyOf(problemArgs);
        }

        /** Without arguments (the problem's text has none). */
        public RestoreTestReport(String archive, String archiveSha256, Instant startedAt, Instant finishedAt, String scratch,
                boolean ok, String problem, List<TableCheck> tables, Path record) {
            this(archive, archiveSha256, startedAt, finishedAt, scratch, ok, problem, tables, record, List.of());
        }

        /** The problem's text with its arguments, or null. */
        public String problemMessage(Locale locale) {
            return problem == null ? null : OpsMessages.format(locale, problem, problemArgs.toArray());
        }
    }

    /** {@code restore}: what was written. */
    public record RestoreReport(int tables, long rows, long files, long etcFiles, int sequences, boolean schemaCreated) {
    }

    /** {@code prune}: archives kept and deleted (or that would be, on a dry run). */
    public record PruneReport(List<Path> kept, List<Path> deleted, boolean dryRun) {
    }
}
