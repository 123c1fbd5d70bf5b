package org.smartproperty.ops;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.BackupManifest.Column;
import org.smartproperty.ops.BackupManifest.FileSet;
import org.smartproperty.ops.BackupManifest.PartEntry;
import org.smartproperty.ops.BackupManifest.SchemaVersion;
import org.smartproperty.ops.BackupManifest.SequenceEntry;
import org.smartproperty.ops.BackupManifest.TableEntry;
import org.smartproperty.ops.BackupReports.ArchiveInfo;
import org.smartproperty.ops.BackupReports.PartCheck;
import org.smartproperty.ops.BackupReports.PruneReport;
import org.smartproperty.ops.BackupReports.RestoreReport;
import org.smartproperty.ops.BackupReports.RestoreTestReport;
import org.smartproperty.ops.BackupReports.TableCheck;
import org.smartproperty.ops.BackupReports.VerifyReport;

/**
 * OPS-3 backups: one encrypted archive per backup holding all tables of the platform's schema
 * (portable JSON lines, so a backup of the embedded H2 restores into PostgreSQL), the uploaded
 * files ({@code data/files}) and the configuration ({@code etc/}); see {@link Container} for the
 * format. Every operation appends a line to {@code spm-backup-records.jsonl} in the archive's folder.
 */
public final class BackupService {

    public static final String EXTENSION = ".spmbak";
    public static final String RECORDS = "spm-backup-records.jsonl";
    public static final String MANIFEST = "manifest.json";
    private static final Pattern NAME = Pattern.compile("spm-backup-(\\d{8}T\\d{6}Z)-[a-z0-9.-]*\\.spmbak");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final int level;
    private final int threads = Integer.getInteger("spm.backup.threads", 3);
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public BackupService() {
        this(Clock.systemUTC(), Deflater.BEST_SPEED);
    }

    public BackupService(Clock clock, int compressionLevel) {
        this.clock = clock;
        this.level = compressionLevel;
    }

    // ------------------------------------------------------------------------------------ create

    /**
     * Takes a backup of the schema of {@code db} (one consistent snapshot), {@code dataDir/files}
     * and {@code etcDir} (either may be null) into {@code targetDir}.
     *
     * @return the archive
     */
    public Path create(DataSource db, Path dataDir, Path etcDir, Path targetDir, BackupKey key, Progress progress) {
        Instant started = clock.instant();
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new OpsException(e, "create.targetUnwritable", targetDir, e.getMessage());
        }
        Path body = targetDir.resolve(".spm-backup-" + STAMP.format(started) + "-" + Long.toHexString(System.nanoTime()) + ".body");
        Path partial = null;
        try {
            Container.Crypto crypto = Container.Crypto.create(key);
            List<TableEntry> tables = new ArrayList<>();
            List<PartEntry> parts = new ArrayList<>();
            List<SchemaVersion> versions;
            List<SequenceEntry> sequences;
            BackupManifest.Source source;
            FileSet files = null;
            FileSet etc = null;
            int index = 1;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(body), 1 << 16))) {
                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    } catch (SQLException ignored) {
                        // the engine's default isolation
                    }
                    c.setReadOnly(true);
                    source = source(c);
                    List<String> names = Tables.ordered(c);
                    Map<String, List<Column>> columns = new LinkedHashMap<>();
                    long total = 0;
                    Map<String, Long> counts = new HashMap<>();
                    for (String t : names) {
                        columns.put(t, new ArrayList<>(Tables.columns(c, t).values()));
                        long n = Tables.count(c, t);
                        counts.put(t, n);
                        total += n;
                    }
                    // PostgreSQL: tables in parallel, each on its own connection importing this transaction's snapshot
                    String snapshot = null;
                    if (threads > 1 && Tables.isPostgres(c)) {
                        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                            rs.next();
                            snapshot = rs.getString(1);
                        }
                    }
                    Progress shared = synchronizedProgress(progress);
                    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
                    List<java.util.concurrent.Future<TablePart>> futures = new ArrayList<>();
                    java.util.concurrent.ExecutorService pool = snapshot == null ? null : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                        Thread th = new Thread(r, "spm-backup-dump");
                        th.setDaemon(true);
                        return th;
                    });
                    try {
                        for (String t : names) {
                            int partIndex = index++;
                            long tableTotal = total;
                            if (pool == null) {
                                futures.add(java.util.concurrent.CompletableFuture.completedFuture(
                                        dumpTable(c, t, columns.get(t), partIndex, crypto, key, body, shared, done, tableTotal)));
                            } else {
                                String snap = snapshot;
                                futures.add(pool.submit(() -> {
                                    try (Connection wc = db.getConnection()) {
                                        wc.setAutoCommit(false);
                                        wc.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                                        wc.setReadOnly(true);
                                        try (Statement st = wc.createStatement()) {
                                            st.execute("SET TRANSACTION SNAPSHOT '" + snap + "'");
                                        }
                                        TablePart tp = dumpTable(wc, t, columns.get(t), partIndex, crypto, key, body, shared, done, tableTotal);
                                        wc.rollback();
                                        return tp;
                                    }
                                }));
                            }
                        }
                        for (java.util.concurrent.Future<TablePart> f : futures) {
                            TablePart tp;
                            try {
                                tp = f.get();
                            } catch (java.util.concurrent.ExecutionException e) {
                                Throwable cause = e.getCause();
                                if (cause instanceof SQLException se) {
                                    throw se;
                                }
                                if (cause instanceof IOException ie) {
                                    throw ie;
                                }
                                if (cause instanceof RuntimeException re) {
                                    throw re;
                                }
                                throw new IOException(cause);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IOException(e);
                            }
                            tables.add(tp.table());
                            parts.add(tp.part());
                            try {
                                Files.copy(tp.file(), out);
                            } finally {
                                Files.deleteIfExists(tp.file());
                            }
                        }
                    } finally {
                        if (pool != null) {
                            pool.shutdown(); // never interrupts a thread in JDBC: lets the others finish, then cleans up
                            try {
                                pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        for (java.util.concurrent.Future<TablePart> f : futures) {
                            if (f.isDone()) {
                                try {
                                    Files.deleteIfExists(f.get().file());
                                } catch (Exception ignored) {
                                    // best effort
                                }
                            }
                        }
                    }
                    versions = Tables.schemaVersions(c);
                    sequences = Tables.sequences(c);
                    c.rollback();
                }
                if (dataDir != null && Files.isDirectory(dataDir.resolve("files"))) {
                    files = writeTree(out, crypto, index++, "files", dataDir.resolve("files"), parts, progress);
                }
                if (etcDir != null && Files.isDirectory(etcDir)) {
                    etc = writeTree(out, crypto, index++, "etc", etcDir, parts, progress);
                }
                Container.end(out);
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, started.toString(), crypto.encrypted(),
                    source, versions, tables, sequences, files, etc, parts);
            String label = (source.host() == null ? "spm" : source.host()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
            Path target = uniqueName(targetDir, "spm-backup-" + STAMP.format(started) + "-" + label);
            partial = target.resolveSibling(target.getFileName() + ".partial");
            try (FileChannel dst = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                try (DataOutputStream hout = new DataOutputStream(head)) {
                    Container.writeHeader(hout, crypto);
                    try (OutputStream p = Container.part(hout, crypto, 0, MANIFEST); DeflaterOutputStream z = new DeflaterOutputStream(p)) {
                        z.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    }
                }
                dst.write(java.nio.ByteBuffer.wrap(head.toByteArray()));
                try (FileChannel src = FileChannel.open(body, StandardOpenOption.READ)) {
                    long pos = 0;
                    long size = src.size();
                    while (pos < size) {
                        pos += src.transferTo(pos, size - pos, dst);
                    }
                }
                dst.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            long rows = tables.stream().mapToLong(TableEntry::rows).sum();
            record(targetDir, "backup.created", Map.of("archive", target.getFileName().toString(), "bytes", Files.size(target),
                    "tables", tables.size(), "rows", rows, "files", files == null ? 0 : files.count(), "encrypted", crypto.encrypted(),
                    "seconds", Duration.between(started, clock.instant()).toMillis() / 1000.0));
            return target;
        } catch (SQLException | IOException | RuntimeException e) {
            record(targetDir, "backup.failed", Map.of("error", String.valueOf(e.getMessage())));
            if (e instanceof OpsException oe) {
                throw oe;
            }
            throw new OpsException(e, "create.failed", e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(body);
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // left for the operator
            }
        }
    }

    /** One table written as a complete part into its own file (appended to the body in order by the caller). */
    private record TablePart(TableEntry table, PartEntry part, Path file) {
    }

    private TablePart dumpTable(Connection c, String t, List<Column> cols, int partIndex, Container.Crypto shared, BackupKey key, Path body,
            Progress progress, java.util.concurrent.atomic.AtomicLong done, long total) throws SQLException, IOException {
        Container.Crypto crypto = new Container.Crypto(key, shared.archiveId); // Cipher and digests are per thread
        String partName = "db/" + t + ".jsonl";
        Path file = body.resolveSibling(body.getFileName() + "." + partIndex);
        MessageDigest md = Container.sha256();
        Deflater def = new Deflater(level);
        long bytes;
        Tables.Dumped d;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                OutputStream part = Container.part(out, crypto, partIndex, partName);
                DeflaterOutputStream z = new DeflaterOutputStream(part, def, 1 << 16)) {
            ObjectNode header = json.createObjectNode();
            header.put("table", t);
            header.set("columns", json.valueToTree(cols));
            byte[] h = (json.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
            md.update(h);
            z.write(h);
            CountingOut raw = new CountingOut(z);
            long[] mine = {0};
            Progress counting = (phase, n, all) -> progress.update(phase, done.get() + n, total);
            d = Tables.dump(c, t, cols, raw, md, counting, mine, total);
            done.addAndGet(mine[0]);
            progress.update(t, done.get(), total);
            bytes = h.length + raw.count;
        } finally {
            def.end();
        }
        return new TablePart(new TableEntry(t, partName, d.rows(), d.contentHash(), cols), new PartEntry(partName, hex(md.digest()), bytes), file);
    }

    private static Progress synchronizedProgress(Progress p) {
        return (phase, n, total) -> {
            synchronized (p) {
                p.update(phase, n, total);
            }
        };
    }

    private static Path uniqueName(Path dir, String base) {
        Path p = dir.resolve(base + EXTENSION);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "." + i + EXTENSION);
        }
        return p;
    }

    private BackupManifest.Source source(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return new BackupManifest.Source(md.getDatabaseProductName(), md.getDatabaseProductVersion(), safeUrl(md.getURL()), md.getUserName(),
                Tables.schema(c), host);
    }

    public static String safeUrl(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** A folder as a part: entries (1, path, size, mtime, bytes)…, 0. {@code tmp/} (uploads in progress) is left out. */
    private FileSet writeTree(DataOutputStream out, Container.Crypto crypto, int index, String name, Path root, List<PartEntry> parts,
            Progress progress) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith("tmp/"))
                    .sorted().toList();
        }
        MessageDigest md = Container.sha256();
        Deflater def = new Deflater(level);
        long bytes = 0;
        long count = 0;
        try (DeflaterOutputStream z = new DeflaterOutputStream(Container.part(out, crypto, index, name), def, 1 << 16);
                CountingOut counting = new CountingOut(new DigestOutputStream(z, md));
                DataOutputStream d = new DataOutputStream(counting)) {
            for (Path f : files) {
                d.writeByte(1);
                d.writeUTF(root.relativize(f).toString().replace('\\', '/'));
                d.writeLong(Files.size(f));
                d.writeLong(Files.getLastModifiedTime(f).toMillis());
                Files.copy(f, d);
                count++;
                bytes += Files.size(f);
                progress.update(name, count, files.size());
            }
            d.writeByte(0);
            d.flush();
            parts.add(new PartEntry(name, hex(md.digest()), counting.count));
        } finally {
            def.end();
        }
        return new FileSet(name, root.toString(), count, bytes);
    }

    // ------------------------------------------------------------------------------------ list

    /** The archives of a folder, newest first (by the time in their names). */
    public List<ArchiveInfo> list(Path dir) {
        List<ArchiveInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new OpsException("list.noDirectory", dir);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EXTENSION)) {
            for (Path p : ds) {
                Instant created = created(p);
                if (created == null) {
                    continue;
                }
                boolean encrypted = false;
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 128))) {
                    encrypted = Container.readHeader(in).encrypted();
                } catch (IOException ignored) {
                    // listed anyway; verify tells what is wrong
                }
                Boolean testOk = null;
                Instant testedAt = null;
                Path side = restoreTestRecord(p);
                if (Files.exists(side)) {
                    try {
                        var node = json.readTree(side.toFile());
                        if (node.hasNonNull("ok") && node.hasNonNull("finishedAt")) {
                            testOk = node.path("ok").asBoolean();
                            testedAt = Instant.parse(node.path("finishedAt").asText());
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // an unreadable record counts as none
                    }
                }
                out.add(new ArchiveInfo(p, created, Files.size(p), encrypted, testOk, testedAt));
            }
        } catch (IOException e) {
            throw new OpsException(e, "list.noDirectory", dir);
        }
        out.sort(Comparator.comparing(ArchiveInfo::created).reversed().thenComparing(a -> a.path().getFileName().toString()));
        return out;
    }

    /** The time in an archive's name, or null when the name is not one of ours. */
    public static Instant created(Path archive) {
        Matcher m = NAME.matcher(archive.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
    }

    public static Path restoreTestRecord(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".restore-test.json");
    }

    // ------------------------------------------------------------------------------------ verify

    /** Decrypts and checks every part against the manifest; never throws for a damaged archive. */
    public VerifyReport verify(Path archive, BackupKey key, Progress progress) {
        VerifyReport r = verifyQuietly(archive, key, progress);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("archive", archive.getFileName().toString());
        rec.put("ok", r.ok());
        if (!r.ok()) {
            rec.put("badParts", r.badParts().stream().map(PartCheck::part).toList());
            rec.put("problem", r.problem() == null ? "part.corrupt" : r.problem());
        }
        record(archive.toAbsolutePath().getParent(), "backup.verified", rec);
        return r;
    }

    private VerifyReport verifyQuietly(Path archive, BackupKey key, Progress progress) {
        List<PartCheck> checks = new ArrayList<>();
        BackupManifest manifest = null;
        long size;
        try {
            size = Files.size(archive);
        } catch (IOException e) {
            return new VerifyReport(archive, false, "verify.unreadable", checks, null);
        }
        try (CountingIn counted = new CountingIn(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
                DataInputStream in = new DataInputStream(counted)) {
            Container.Header h;
            try {
                h = Container.readHeader(in);
            } catch (IOException e) {
                checks.add(new PartCheck("header", false, 0, "part.unreadable", e.getMessage()));
                return new VerifyReport(archive, false, "verify.notArchive", checks, null);
            }
            Container.Crypto crypto = crypto(h, key);
            if (crypto == null) {
                return new VerifyReport(archive, false, h.encrypted() ? (key.encrypts() ? "verify.wrongKey" : "verify.keyRequired") : null,
                        checks, null);
            }
            Set<String> seen = new HashSet<>();
            int expectedIndex = 0;
            while (true) {
                Container.PartHeader ph;
                try {
                    ph = Container.nextPart(in);
                } catch (IOException e) {
                    checks.add(new PartCheck("(after " + (checks.isEmpty() ? "header" : checks.get(checks.size() - 1).part()) + ")", false, 0,
                            "part.structure", e.getMessage()));
                    break;
                }
                if (ph == null) {
                    break;
                }
                String name = ph.name();
                Container.PartIn raw = Container.partBytes(in, crypto, ph);
                MessageDigest md = Container.sha256();
                long bytes = 0;
                long lines = 0;
                String problem = null;
                String detail = null;
                try (InflaterInputStream z = new InflaterInputStream(raw, new java.util.zip.Inflater(), 1 << 16)) {
                    byte[] buf = new byte[1 << 16];
                    ByteArrayOutputStream keep = ph.index() == 0 ? new ByteArrayOutputStream() : null;
                    int n;
                    while ((n = z.read(buf)) > 0) {
                        md.update(buf, 0, n);
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                        if (keep != null) {
                            keep.write(buf, 0, n);
                        }
                        progress.update(name, counted.count, size);
                    }
                    if (keep != null) {
                        manifest = json.readValue(keep.toByteArray(), BackupManifest.class);
                    }
                } catch (Container.StructureException e) {
                    checks.add(new PartCheck(name, false, bytes, "part.structure", e.getMessage()));
                    break;
                } catch (IOException | RuntimeException e) {
                    problem = "part.corrupt";
                    detail = e.getMessage();
                    try {
                        raw.skipRaw();
                    } catch (IOException se) {
                        checks.add(new PartCheck(name, false, bytes, "part.structure", se.getMessage()));
                        break;
                    }
                }
                if (ph.index() != expectedIndex++) {
                    problem = problem == null ? "part.order" : problem;
                }
                if (problem == null && ph.index() > 0 && manifest != null) { // without a manifest: authenticated chunk by chunk only
                    PartEntry e = manifest.part(name);
                    TableEntry t = manifest.tables().stream().filter(x -> x.part().equals(name)).findFirst().orElse(null);
                    if (e == null) {
                        problem = "part.unexpected";
                    } else if (!e.sha256().equals(hex(md.digest()))) {
                        problem = "part.hashMismatch";
                    } else if (t != null && t.rows() != lines - 1) {
                        problem = "part.rowsMismatch";
                        detail = t.rows() + " != " + (lines - 1);
                    }
                } else if (problem == null && ph.index() == 0 && (manifest == null || !MANIFEST.equals(name))) {
                    problem = "part.unexpected";
                }
                seen.add(name);
                checks.add(new PartCheck(name, problem == null, bytes, problem, detail));
            }
            if (manifest != null) {
                for (PartEntry p : manifest.parts()) {
                    if (!seen.contains(p.name())) {
                        checks.add(new PartCheck(p.name(), false, 0, "part.missing", null));
                    }
                }
            } else if (checks.stream().noneMatch(c -> MANIFEST.equals(c.part()))) {
                checks.add(new PartCheck(MANIFEST, false, 0, "part.missing", null));
            }
            if (counted.count != size) {
                checks.add(new PartCheck("(end)", false, 0, "part.trailing", (size - counted.count) + " bytes"));
            }
        } catch (IOException e) {
            checks.add(new PartCheck("(archive)", false, 0, "part.unreadable", e.getMessage()));
        }
        boolean ok = manifest != null && checks.stream().allMatch(PartCheck::ok);
        return new VerifyReport(archive, ok, ok ? null : manifest == null ? "verify.noManifest" : null, checks, manifest);
    }

    /** Crypto for reading, or null when the key does not fit. */
    private static Container.Crypto crypto(Container.Header h, BackupKey key) {
        if (!h.encrypted()) {
            return new Container.Crypto(BackupKey.NONE, h.archiveId());
        }
        if (!key.encrypts()) {
            return null;
        }
        for (BackupKey k : key.ring()) { // the current key, then the retired ones (KeyRing)
            Container.Crypto c = new Container.Crypto(k, h.archiveId());
            if (MessageDigest.isEqual(c.keyCheck(), h.keyCheck())) {
                return c;
            }
        }
        return null;
    }

    /** The manifest of an archive (authenticated). */
    public BackupManifest manifest(Path archive, BackupKey key) {
        try (Reader r = new Reader(archive, key)) {
            return r.manifest;
        }
    }

    /** Sequential reader: header, manifest, then the parts in order. */
    private final class Reader implements AutoCloseable {
        final DataInputStream in;
        final Container.Crypto crypto;
        final BackupManifest manifest;

        Reader(Path archive, BackupKey key) {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
                Container.Header h = Container.readHeader(in);
                crypto = BackupService.crypto(h, key);
                if (crypto == null) {
                    in.close();
                    throw new OpsException(key.encrypts() ? "verify.wrongKey" : "verify.keyRequired");
                }
                Container.PartHeader ph = Container.nextPart(in);
                if (ph == null || ph.index() != 0 || !MANIFEST.equals(ph.name())) {
                    throw new OpsException("verify.noManifest");
                }
                try (InputStream z = new InflaterInputStream(Container.partBytes(in, crypto, ph))) {
                    manifest = json.readValue(z.readAllBytes(), BackupManifest.class);
                }
            } catch (IOException e) {
                throw new OpsException(e, "restore.archiveDamaged", archive.getFileName(), MANIFEST, e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read only
            }
        }
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
        if (!options.force()) {
            if (options.platformUrl() != null && platformAnswers(options.platformUrl())) {
                throw new OpsException("restore.platformLive", options.platformUrl());
            }
            if (migrationLocked(target)) {
                throw new OpsException("restore.migrationRunning");
            }
        }
        RestoreReport r = restoreInto(archive, key, target, options.schema(), options.dataDir(), options.etcDir(), progress);
        record(archive.toAbsolutePath().getParent(), "backup.restored", Map.of("archive", archive.getFileName().toString(),
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
        try (Reader r = new Reader(archive, key)) {
            BackupManifest m = r.manifest;
            boolean created = prepareSchema(m, target, schema);
            long total = m.tables().stream().mapToLong(TableEntry::rows).sum();
            long[] done = {0};
            long rows = 0;
            long files = 0;
            long etcFiles = 0;
            Map<String, TableEntry> byPart = new HashMap<>();
            m.tables().forEach(t -> byPart.put(t.part(), t));
            String current = MANIFEST;
            try (Connection c = target.getConnection()) {
                c.setAutoCommit(false);
                try {
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
                                BufferedReader br = new BufferedReader(new InputStreamReader(z, StandardCharsets.UTF_8), 1 << 16);
                                br.readLine(); // header: the manifest has the columns
                                long n = Tables.load(c, t.name(), t.columns(), Tables.columns(c, t.name()), br, progress, done, total);
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
                        if (!pe.sha256().equals(hex(md.digest()))) {
                            throw new OpsException("restore.archiveDamaged", archive.getFileName(), ph.name(), "part.hashMismatch");
                        }
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
    public RestoreTestReport restoreTest(Path archive, BackupKey key, ScratchDatabase.Factory scratch, SchemaPreparer schema, Progress progress) {
        Instant started = clock.instant();
        String sha = sha256(archive);
        List<TableCheck> checks = new ArrayList<>();
        String problem = null;
        String where = null;
        BackupManifest m = null;
        try (ScratchDatabase db = scratch.create()) {
            where = db.describe();
            m = manifest(archive, key);
            restoreInto(archive, key, db.dataSource(), schema, null, null, progress);
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                long total = m.tables().stream().mapToLong(TableEntry::rows).sum();
                long[] done = {0};
                for (TableEntry t : m.tables()) {
                    Tables.Dumped d = Tables.dump(c, t.name(), t.columns(), null, null, progress, done, total);
                    checks.add(new TableCheck(t.name(), t.rows(), d.rows(), t.contentHash(), d.contentHash()));
                }
                c.rollback();
            }
        } catch (OpsException e) {
            problem = e.key();
        } catch (SQLException | IOException e) {
            problem = "restore.failed";
        }
        boolean ok = problem == null && !checks.isEmpty() && checks.stream().allMatch(TableCheck::ok);
        if (problem == null && !ok) {
            problem = "restoreTest.mismatch";
        }
        Path recordFile = restoreTestRecord(archive);
        RestoreTestReport report = new RestoreTestReport(archive.getFileName().toString(), sha, started, clock.instant(), where, ok, problem,
                checks, recordFile);
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
            node.set("tables", json.valueToTree(checks.stream().map(t -> Map.of("table", t.table(), "expectedRows", t.expectedRows(),
                    "actualRows", t.actualRows(), "expectedHash", t.expectedHash(), "actualHash", t.actualHash(), "ok", t.ok())).toList()));
            Files.write(recordFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(archive.toAbsolutePath().getParent(), "backup.restore-tested", Map.of("archive", report.archive(), "ok", ok,
                "tables", checks.size(), "problem", String.valueOf(problem)));
        return report;
    }

    // ------------------------------------------------------------------------------------ prune

    /**
     * Keeps the newest archive of each of the last {@code daily} days, {@code weekly} ISO weeks and
     * {@code monthly} months that have archives (and always the newest one); deletes the rest
     * with their restore-test files. Archives whose names are not ours are never touched.
     */
    public PruneReport prune(Path dir, int daily, int weekly, int monthly, boolean dryRun) {
        if (daily < 0 || weekly < 0 || monthly < 0) {
            throw new OpsException("prune.negative");
        }
        List<ArchiveInfo> all = list(dir);
        Set<Path> keep = new LinkedHashSet<>();
        if (!all.isEmpty()) {
            keep.add(all.get(0).path());
        }
        keepNewestPer(all, daily, a -> LocalDate.ofInstant(a.created(), ZoneOffset.UTC).toString(), keep);
        keepNewestPer(all, weekly, a -> {
            LocalDate d = LocalDate.ofInstant(a.created(), ZoneOffset.UTC);
            return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, keep);
        keepNewestPer(all, monthly, a -> LocalDate.ofInstant(a.created(), ZoneOffset.UTC).toString().substring(0, 7), keep);
        List<Path> kept = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        for (ArchiveInfo a : all) {
            if (keep.contains(a.path())) {
                kept.add(a.path());
            } else {
                deleted.add(a.path());
                if (!dryRun) {
                    try {
                        Files.deleteIfExists(a.path());
                        Files.deleteIfExists(restoreTestRecord(a.path()));
                    } catch (IOException e) {
                        throw new OpsException(e, "prune.deleteFailed", a.path(), e.getMessage());
                    }
                }
            }
        }
        if (!dryRun) {
            record(dir, "backup.pruned", Map.of("kept", kept.size(), "deleted", deleted.stream().map(p -> p.getFileName().toString()).toList()));
        }
        return new PruneReport(kept, deleted, dryRun);
    }

    private static void keepNewestPer(List<ArchiveInfo> newestFirst, int count, java.util.function.Function<ArchiveInfo, String> period,
            Set<Path> keep) {
        Set<String> periods = new HashSet<>();
        for (ArchiveInfo a : newestFirst) {
            if (periods.size() >= count && !periods.contains(period.apply(a))) {
                break;
            }
            if (periods.add(period.apply(a))) {
                keep.add(a.path());
            }
        }
    }

    // ------------------------------------------------------------------------------------ records

    /** Appends one record line ({@code type}, {@code at}, fields) to the folder's records file; never fails the operation. */
    void record(Path dir, String type, Map<String, ?> fields) {
        if (dir == null) {
            return;
        }
        try {
            ObjectNode node = json.createObjectNode();
            node.put("type", type);
            node.put("version", 1);
            node.put("at", clock.instant().toString());
            fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RECORDS), json.writeValueAsString(node) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // the operation's own result still tells the operator
        }
    }

    /** The records of a folder, oldest first. */
    public List<Map<String, Object>> records(Path dir) {
        Path f = dir.resolve(RECORDS);
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = json.readValue(line, Map.class);
                    out.add(m);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static String sha256(Path f) {
        MessageDigest md = Container.sha256();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new OpsException(e, "verify.unreadable", f);
        }
        return hex(md.digest());
    }

    /** Counts bytes written through it. */
    private static final class CountingOut extends java.io.FilterOutputStream {
        long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Counts bytes read through it. */
    private static final class CountingIn extends java.io.FilterInputStream {
        long count;

        CountingIn(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += k;
            return k;
        }
    }
}
