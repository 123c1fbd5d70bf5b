package org.smartproperty.ops;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.BackupManifest.PartEntry;
import org.smartproperty.ops.BackupManifest.SchemaVersion;
import org.smartproperty.ops.BackupManifest.SequenceEntry;
import org.smartproperty.ops.BackupManifest.TableEntry;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.TableCheck;

/** Restore into a database (and the files and etc/ folders), and the restore test into a scratch database. */
final class BackupRestorer {

    private final Clock clock;
    private final ObjectMapper json;
    private final BackupCatalog catalog;

    BackupRestorer(Clock clock, ObjectMapper json, BackupCatalog catalog) {
        this.clock = clock;
        this.json = json;
        this.catalog = catalog;
    }

    /**
     * Restores the archive into {@code target}: refuses while the platform answers at
     * {@code platformUrl} or a migration holds the Liquibase lock (unless forced); creates the
     * schema with {@code schema} when the target is empty; replaces the rows of every backed-up
     * table in one transaction; moves sequences past the restored ids; writes files and etc/
     * when their folders are given.
     */
    RestoreReport restore(Path archive, BackupKey key, DataSource target, BackupService.RestoreOptions options, Progress progress) {
        if (!options.force()) {
            if (options.platformUrl() != null && platformAnswers(options.platformUrl())) {
                throw new OpsException("restore.platformLive", options.platformUrl());
            }
            if (migrationLocked(target)) {
                throw new OpsException("restore.migrationRunning");
            }
        }
        RestoreReport r = restoreInto(archive, key, target, options.schema(), options.dataDir(), options.etcDir(), progress);
        catalog.record(archive.toAbsolutePath().getParent(), "backup.restored", Map.of("archive", archive.getFileName().toString(),
                "tables", r.tables(), "rows", r.rows(), "files", r.files()));
        return r;
    }

    static boolean platformAnswers(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            client.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/v1/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean migrationLocked(DataSource target) {
        try (Connection c = target.getConnection()) {
            if (Tables.columns(c, "databasechangeloglock").isEmpty()) {
                return false;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE")) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new OpsException(e, "restore.targetUnreachable", e.getMessage());
        }
    }

    private RestoreReport restoreInto(Path archive, BackupKey key, DataSource target, SchemaPreparer schema, Path dataDir, Path etcDir,
            Progress progress) {
        try (ArchiveReader r = new ArchiveReader(archive, key, json)) {
            BackupManifest m = r.manifest;
            boolean created = prepareSchema(m, target, schema);
            long total = m.tables().stream().mapToLong(TableEntry::rows).sum();
            long[] done = {0};
            long rows = 0;
            long files = 0;
            long etcFiles = 0;
            Map<String, TableEntry> byPart = new HashMap<>();
            m.tables().forEach(t -> byPart.put(t.part(), t));
            String current = BackupService.MANIFEST;
            try (Connection c = target.getConnection()) {
                c.setAutoCommit(false);
                try {
                    // PostgreSQL: indexes and foreign keys built after the load, as pg_restore does (issue 19 item 4)
                    PgPostData postData = Tables.isPostgres(c) ? PgPostData.drop(c, m.tables().stream().map(TableEntry::name).toList()) : null;
                    List<TableEntry> reverse = new ArrayList<>(m.tables());
                    java.util.Collections.reverse(reverse);
                    try (Statement s = c.createStatement()) {
                        for (TableEntry t : reverse) {
                            if (Tables.count(c, t.name()) > 0) { // rows of append-only tables (aud_event) cannot be deleted: restore into a fresh database
                                s.executeUpdate("DELETE FROM " + t.name());
                            }
                        }
                    }
                    Container.PartHeader ph;
                    while ((ph = Container.nextPart(r.in)) != null) {
                        current = ph.name();
                        PartEntry pe = m.part(ph.name());
                        if (pe == null) {
                            throw new OpsException("restore.archiveDamaged", archive.getFileName(), ph.name(), "part.unexpected");
                        }
                        MessageDigest md = Container.sha256();
                        try (InputStream z = new java.security.DigestInputStream(
                                new InflaterInputStream(Container.partBytes(r.in, r.crypto, ph), new java.util.zip.Inflater(), 1 << 16), md)) {
                            TableEntry t = byPart.get(ph.name());
                            if (t != null) {
                                long n = TableLoad.load(c, t.name(), t.columns(), Tables.columns(c, t.name()), z, progress, done, total);
                                if (n != t.rows()) {
                                    throw new OpsException("restore.archiveDamaged", archive.getFileName(), ph.name(), "part.rowsMismatch");
                                }
                                rows += n;
                            } else if ("files".equals(ph.name()) && dataDir != null) {
                                files = extractTree(z, dataDir.resolve("files"));
                            } else if ("etc".equals(ph.name()) && etcDir != null) {
                                etcFiles = extractTree(z, etcDir);
                            }
                            z.transferTo(OutputStream.nullOutputStream());
                        }
                        if (!pe.sha256().equals(BackupIo.hex(md.digest()))) {
                            throw new OpsException("restore.archiveDamaged", archive.getFileName(), ph.name(), "part.hashMismatch");
                        }
                    }
                    current = "post-data";
                    if (postData != null) {
                        postData.recreate(c);
                    }
                    c.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
                c.setAutoCommit(true);
                int seqs = resetSequences(c, m);
                return new RestoreReport(m.tables().size(), rows, files, etcFiles, seqs, created);
            } catch (SQLException e) {
                throw new OpsException(e, "restore.failed", current, e.getMessage());
            } catch (IOException e) {
                throw new OpsException(e, "restore.archiveDamaged", archive.getFileName(), current, e.getMessage());
            }
        }
    }

    /** @return whether the schema had to be created */
    private boolean prepareSchema(BackupManifest m, DataSource target, SchemaPreparer schema) {
        List<String> missing = missingTables(m, target);
        boolean created = false;
        if (!missing.isEmpty()) {
            if (schema == null) {
                throw new OpsException("restore.notMigrated", String.join(", ", missing));
            }
            schema.prepare(target, m.schemaVersions().stream().map(SchemaVersion::bundle).toList());
            created = true;
            missing = missingTables(m, target);
            if (!missing.isEmpty()) {
                throw new OpsException("restore.notMigrated", String.join(", ", missing));
            }
        }
        try (Connection c = target.getConnection()) {
            Map<String, Set<String>> have = new HashMap<>();
            for (SchemaVersion v : Tables.schemaVersions(c)) {
                have.put(v.bundle(), new HashSet<>(v.ids()));
            }
            for (SchemaVersion v : m.schemaVersions()) {
                for (String id : v.ids()) {
                    if (!have.getOrDefault(v.bundle(), Set.of()).contains(id)) {
                        throw new OpsException("restore.schemaOlder", v.bundle(), id);
                    }
                }
            }
        } catch (SQLException e) {
            throw new OpsException(e, "restore.targetUnreachable", e.getMessage());
        }
        return created;
    }

    private static List<String> missingTables(BackupManifest m, DataSource target) {
        try (Connection c = target.getConnection()) {
            Set<String> have = new LinkedHashSet<>(Tables.ordered(c));
            return m.tables().stream().map(TableEntry::name).filter(t -> !have.contains(t)).toList();
        } catch (SQLException e) {
            throw new OpsException(e, "restore.targetUnreachable", e.getMessage());
        }
    }

    private static int resetSequences(Connection c, BackupManifest m) throws SQLException {
        Set<String> existing = new HashSet<>();
        for (SequenceEntry s : Tables.sequences(c)) {
            existing.add(s.name());
        }
        int n = 0;
        for (SequenceEntry s : m.sequences()) {
            if (!existing.contains(s.name())) {
                continue;
            }
            long next = s.next();
            String table = s.name().endsWith("_seq") ? s.name().substring(0, s.name().length() - 4) : null;
            TableEntry t = table == null ? null : m.table(table);
            if (t != null && t.columns().stream().anyMatch(col -> col.name().equals("id") && col.type().equals("int"))) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + table)) {
                    if (rs.next()) {
                        long max = rs.getLong(1);
                        if (!rs.wasNull()) {
                            next = Math.max(next, max + s.increment());
                        }
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER SEQUENCE " + s.name() + " RESTART WITH " + next);
            }
            n++;
        }
        return n;
    }

    private static long extractTree(InputStream z, Path root) throws IOException {
        DataInputStream d = new DataInputStream(z);
        long n = 0;
        Path base = root.toAbsolutePath().normalize();
        while (d.readByte() == 1) {
            String rel = d.readUTF();
            long size = d.readLong();
            long mtime = d.readLong();
            Path f = base.resolve(rel).normalize();
            if (!f.startsWith(base)) {
                throw new IOException("entry outside its folder: " + rel);
            }
            Files.createDirectories(f.getParent());
            try (OutputStream o = Files.newOutputStream(f)) {
                copy(d, o, size);
            }
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(mtime));
            n++;
        }
        return n;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (size > 0) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, size));
            if (k < 0) {
                throw new EOFException();
            }
            out.write(buf, 0, k);
            size -= k;
        }
    }

    // ------------------------------------------------------------------------------------ restore test

    /**
     * Restores the archive into a scratch database made by {@code scratch}, compares every table's
     * row count and content hash with the manifest, drops the scratch database and keeps the
     * record as {@code <archive>.restore-test.json} (and a line in the records file).
     */
    RestoreTestReport restoreTest(Path archive, BackupKey key, ScratchDatabase.Factory scratch, SchemaPreparer schema, Progress progress) {
        Instant started = clock.instant();
        String sha = BackupIo.sha256(archive);
        List<TableCheck> checks = new ArrayList<>();
        String problem = null;
        List<String> problemArgs = List.of();
        String where = null;
        BackupManifest m = null;
        try (ScratchDatabase db = scratch.create()) {
            where = db.describe();
            m = ArchiveReader.manifest(archive, key, json);
            restoreInto(archive, key, db.dataSource(), schema, null, null, progress);
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                long total = m.tables().stream().mapToLong(TableEntry::rows).sum();
                long[] done = {0};
                for (TableEntry t : m.tables()) {
                    TableDump.Dumped d = TableDump.dump(c, t.name(), t.columns(), null, null, progress, done, total);
                    checks.add(new TableCheck(t.name(), t.rows(), d.rows(), t.contentHash(), d.contentHash()));
                }
                c.rollback();
            }
        } catch (OpsException e) {
            problem = e.key();
            problemArgs = e.args();
        } catch (SQLException | IOException e) {
            problem = "restore.failed";
            problemArgs = List.of("-", String.valueOf(e.getMessage()));
        }
        boolean ok = problem == null && !checks.isEmpty() && checks.stream().allMatch(TableCheck::ok);
        if (problem == null && !ok) {
            problem = "restoreTest.mismatch";
        }
        Path recordFile = BackupCatalog.restoreTestRecord(archive);
        RestoreTestReport report = new RestoreTestReport(archive.getFileName().toString(), sha, started, clock.instant(), where, ok, problem,
                checks, recordFile, problemArgs);
        try {
            ObjectNode node = json.createObjectNode();
            node.put("type", "backup.restore-test");
            node.put("version", 1);
            node.put("archive", report.archive());
            node.put("archiveSha256", sha);
            node.put("startedAt", started.toString());
            node.put("finishedAt", report.finishedAt().toString());
            node.put("scratch", where);
            node.put("ok", ok);
            node.put("problem", problem);
            if (problem != null) {
                node.set("problemArgs", json.valueToTree(report.problemArgs()));
                node.put("message", report.problemMessage(OpsMessages.fromEnvironment()));
            }
            node.set("tables", json.valueToTree(checks.stream().map(t -> Map.of("table", t.table(), "expectedRows", t.expectedRows(),
                    "actualRows", t.actualRows(), "expectedHash", t.expectedHash(), "actualHash", t.actualHash(), "ok", t.ok())).toList()));
            Files.write(recordFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("archive", report.archive());
        line.put("ok", ok);
        line.put("tables", checks.size());
        line.put("problem", String.valueOf(problem));
        if (!report.problemArgs().isEmpty()) {
            line.put("problemArgs", report.problemArgs());
        }
        catalog.record(archive.toAbsolutePath().getParent(), "backup.restore-tested", line);
        return report;
    }
}
