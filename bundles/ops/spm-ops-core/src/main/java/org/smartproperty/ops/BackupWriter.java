package org.smartproperty.ops;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.BackupManifest.Column;
import org.smartproperty.ops.BackupManifest.FileSet;
import org.smartproperty.ops.BackupManifest.PartEntry;
import org.smartproperty.ops.BackupManifest.SchemaVersion;
import org.smartproperty.ops.BackupManifest.SequenceEntry;
import org.smartproperty.ops.BackupManifest.TableEntry;

/** Create: one consistent snapshot of the schema (tables in parallel on PostgreSQL), files and etc/ into a new archive. */
final class BackupWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final int level;
    private final int threads;
    private final ObjectMapper json;
    private final BackupCatalog catalog;

    BackupWriter(Clock clock, int level, int threads, ObjectMapper json, BackupCatalog catalog) {
        this.clock = clock;
        this.level = level;
        this.threads = threads;
        this.json = json;
        this.catalog = catalog;
    }

    /**
     * Takes a backup of the schema of {@code db} (one consistent snapshot), {@code dataDir/files}
     * and {@code etcDir} (either may be null) into {@code targetDir}.
     *
     * @return the archive
     */
    Path create(DataSource db, Path dataDir, Path etcDir, Path targetDir, BackupKey key, Progress progress) {
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
                    try (OutputStream p = Container.part(hout, crypto, 0, BackupService.MANIFEST); DeflaterOutputStream z = new DeflaterOutputStream(p)) {
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
            catalog.record(targetDir, "backup.created", Map.of("archive", target.getFileName().toString(), "bytes", Files.size(target),
                    "tables", tables.size(), "rows", rows, "files", files == null ? 0 : files.count(), "encrypted", crypto.encrypted(),
                    "seconds", Duration.between(started, clock.instant()).toMillis() / 1000.0));
            return target;
        } catch (SQLException | IOException | RuntimeException e) {
            catalog.record(targetDir, "backup.failed", Map.of("error", String.valueOf(e.getMessage())));
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
        TableDump.Dumped d;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                OutputStream part = Container.part(out, crypto, partIndex, partName);
                DeflaterOutputStream z = new DeflaterOutputStream(part, def, 1 << 16)) {
            ObjectNode header = json.createObjectNode();
            header.put("table", t);
            header.set("columns", json.valueToTree(cols));
            byte[] h = (json.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
            md.update(h);
            z.write(h);
            BackupIo.CountingOut raw = new BackupIo.CountingOut(z);
            long[] mine = {0};
            Progress counting = (phase, n, all) -> progress.update(phase, done.get() + n, total);
            d = TableDump.dump(c, t, cols, raw, md, counting, mine, total);
            done.addAndGet(mine[0]);
            progress.update(t, done.get(), total);
            bytes = h.length + raw.count;
        } finally {
            def.end();
        }
        return new TablePart(new TableEntry(t, partName, d.rows(), d.contentHash(), cols), new PartEntry(partName, BackupIo.hex(md.digest()), bytes), file);
    }

    private static Progress synchronizedProgress(Progress p) {
        return (phase, n, total) -> {
            synchronized (p) {
                p.update(phase, n, total);
            }
        };
    }

    private static Path uniqueName(Path dir, String base) {
        Path p = dir.resolve(base + BackupService.EXTENSION);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "." + i + BackupService.EXTENSION);
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
        return new BackupManifest.Source(md.getDatabaseProductName(), md.getDatabaseProductVersion(), BackupService.safeUrl(md.getURL()),
                md.getUserName(), Tables.schema(c), host);
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
                BackupIo.CountingOut counting = new BackupIo.CountingOut(new DigestOutputStream(z, md));
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
            parts.add(new PartEntry(name, BackupIo.hex(md.digest()), counting.count));
        } finally {
            def.end();
        }
        return new FileSet(name, root.toString(), count, bytes);
    }
}
