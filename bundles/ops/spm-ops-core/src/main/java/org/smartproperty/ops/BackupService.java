package org.smartproperty.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.smartproperty.ops.BackupReports.ArchiveInfo;
import org.smartproperty.ops.BackupReports.PruneReport;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.VerifyReport;

/**
 * OPS-3 backups: one encrypted archive per backup holding all tables of the platform's schema
 * (portable JSON lines, so a backup of the embedded H2 restores into PostgreSQL), the uploaded
 * files ({@code data/files}) and the configuration ({@code etc/}); see {@link Container} for the
 * format. Every operation appends a line to {@code spm-backup-records.jsonl} in the archive's folder.
 *
 * <p>The front ends' one entry point; the work is done by {@link BackupWriter} (create),
 * {@link BackupVerifier} and {@link ArchiveReader} (verify, manifest), {@link BackupRestorer}
 * (restore, restore test) and {@link BackupCatalog} (list, prune, records).
 */
public final class BackupService {

    public static final String EXTENSION = ".spmbak";
    public static final String RECORDS = "spm-backup-records.jsonl";
    public static final String MANIFEST = "manifest.json";

    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final BackupCatalog catalog;
    private final BackupWriter writer;
    private final BackupVerifier verifier;
    private final BackupRestorer restorer;

    public BackupService() {
        this(Clock.systemUTC(), Deflater.BEST_SPEED);
    }

    public BackupService(Clock clock, int compressionLevel) {
        this.catalog = new BackupCatalog(clock, json);
        this.writer = new BackupWriter(clock, compressionLevel, Integer.getInteger("spm.backup.threads", 3), json, catalog);
        this.verifier = new BackupVerifier(json, catalog);
        this.restorer = new BackupRestorer(clock, json, catalog);
    }

    // ------------------------------------------------------------------------------------ create

    /**
     * Takes a backup of the schema of {@code db} (one consistent snapshot), {@code dataDir/files}
     * and {@code etcDir} (either may be null) into {@code targetDir}.
     *
     * @return the archive
     */
    public Path create(DataSource db, Path dataDir, Path etcDir, Path targetDir, BackupKey key, Progress progress) {
        return writer.create(db, dataDir, etcDir, targetDir, key, progress);
    }

    public static String safeUrl(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    // ------------------------------------------------------------------------------------ list

    /** The archives of a folder, newest first (by the time in their names). */
    public List<ArchiveInfo> list(Path dir) {
        return catalog.list(dir);
    }

    /** The time in an archive's name, or null when the name is not one of ours. */
    public static Instant created(Path archive) {
        return BackupCatalog.created(archive);
    }

    public static Path restoreTestRecord(Path archive) {
        return BackupCatalog.restoreTestRecord(archive);
    }

    // ------------------------------------------------------------------------------------ verify

    /** Decrypts and checks every part against the manifest; never throws for a damaged archive. */
    public VerifyReport verify(Path archive, BackupKey key, Progress progress) {
        return verifier.verify(archive, key, progress);
    }

    /** The manifest of an archive (authenticated). */
    public BackupManifest manifest(Path archive, BackupKey key) {
        return ArchiveReader.manifest(archive, key, json);
    }

    // ------------------------------------------------------------------------------------ restore

    /** Options of {@link #restore}. */
    public record RestoreOptions(boolean force, String platformUrl, SchemaPreparer schema, Path dataDir, Path etcDir) {
    }

    /**
     * Restores the archive into {@code target}: refuses while the platform answers at
     * {@code platformUrl} or a migration holds the Liquibase lock (unless forced); creates the
     * schema with {@code schema} when the target is empty; replaces the rows of every backed-up
     * table in one transaction; moves sequences past the restored ids; writes files and etc/
     * when their folders are given.
     */
    public RestoreReport restore(Path archive, BackupKey key, DataSource target, RestoreOptions options, Progress progress) {
        return restorer.restore(archive, key, target, options, progress);
    }

    // ------------------------------------------------------------------------------------ restore test

    /**
     * Restores the archive into a scratch database made by {@code scratch}, compares every table's
     * row count and content hash with the manifest, drops the scratch database and keeps the
     * record as {@code <archive>.restore-test.json} (and a line in the records file).
     */
    public RestoreTestReport restoreTest(Path archive, BackupKey key, ScratchDatabase.Factory scratch, SchemaPreparer schema, Progress progress) {
        return restorer.restoreTest(archive, key, scratch, schema, progress);
    }

    // ------------------------------------------------------------------------------------ prune

    /**
     * Keeps the newest archive of each of the last {@code daily} days, {@code weekly} ISO weeks and
     * {@code monthly} months that have archives (and always the newest one); deletes the rest
     * with their restore-test files. Archives whose names are not ours are never touched.
     */
    public PruneReport prune(Path dir, int daily, int weekly, int monthly, boolean dryRun) {
        return catalog.prune(dir, daily, weekly, monthly, dryRun);
    }

    // ------------------------------------------------------------------------------------ records

    /** Appends one record line ({@code type}, {@code at}, fields) to the folder's records file; never fails the operation. */
    public void record(Path dir, String type, Map<String, ?> fields) {
        catalog.record(dir, type, fields);
    }

    /** The records of a folder, oldest first. */
    public List<Map<String, Object>> records(Path dir) {
        return catalog.records(dir);
    }

    /** SHA-256 of a file, hex. */
    static String sha256(Path f) {
        return BackupIo.sha256(f);
    }
}
