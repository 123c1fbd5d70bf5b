package org.smartproperty.platform.files.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Job;
import org.smartproperty.platform.JobSchedule;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.FileContent;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The file store. Bytes are written to a temporary file while they are counted and hashed, checked
 * by content ({@link Sniffer}), then moved to {@code <dir>/<sha[0..2]>/<sha>} (identical uploads
 * share one copy); image thumbnails sit beside them as {@code <sha>.thumb.jpg}. Metadata and links
 * are rows in {@code plt_file} / {@code plt_file_link}. Unattached uploads are purged after
 * {@code pendingHours}. Its parts (issue 10 item 5): {@link UploadInspection} checks an upload's
 * content, {@link FileReadAccess} decides who reads a file.
 */
@Component(service = {FileStore.class, LocalFileStore.class}, configurationPid = "org.smartproperty.files",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FilesConfig.class)
public class FileStoreImpl implements LocalFileStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStoreImpl.class);
    static final String FIELD = "file";
    /** This bundle's texts (zh-CN base, _en beside it): image and PDF refusals of issue 20. */
    static final Messages TEXTS = Messages.of(FileStoreImpl.class, "org.smartproperty.platform.files.internal.messages");
    private static final String SELECT = "SELECT id, name, content_type, size_bytes, sha256, width, height, uploaded_by, uploaded_at FROM plt_file";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.files)")
    private SchemaReady schema;

    private volatile Settings settings;
    /** Image decodes running at a time (issue 20 item 2); replaced when {@code maxConcurrentDecodes} changes. */
    private volatile Semaphore decodes;
    /**
     * Policies are looked up when a file is read, not bound by DS: a policy usually needs its
     * domain service, which needs this store, and a bound reference would be a cycle.
     */
    private volatile BundleContext context;
    private ServiceRegistration<Job> job;
    private final UploadInspection inspection = new UploadInspection(this);
    private final FileReadAccess readAccess = new FileReadAccess(this);

    /** Validated configuration. */
    record Settings(Path directory, long maxBytes, Set<String> allowedTypes, int thumbnailSize, Duration pending,
                    int maxAttachments, int maxImageMegapixels, int maxConcurrentDecodes, Duration decodeWait, int maxNameLength,
                    boolean refusePdfActions) {

        /** Largest accepted image in pixels (issue 20 item 2). */
        long maxPixels() {
            return maxImageMegapixels * 1_000_000L;
        }

        static Settings of(FilesConfig c) {
            List<String> bad = new ArrayList<>();
            if (c.maxSizeMb() < 1 || c.maxSizeMb() > 100) {
                bad.add("maxSizeMb must be 1-100");
            }
            Set<String> known = Set.of(Sniffer.PDF, Sniffer.JPEG, Sniffer.PNG);
            Set<String> types = new LinkedHashSet<>();
            for (String t : c.allowedTypes()) {
                String x = t.trim().toLowerCase(Locale.ROOT);
                if (!known.contains(x)) {
                    bad.add("allowedTypes: " + t + " is not one of " + known);
                }
                types.add(x);
            }
            if (c.thumbnailSize() < 64 || c.thumbnailSize() > 1024) {
                bad.add("thumbnailSize must be 64-1024");
            }
            if (c.pendingHours() < 1 || c.pendingHours() > 720) {
                bad.add("pendingHours must be 1-720");
            }
            if (c.maxAttachments() < 1 || c.maxAttachments() > 100) {
                bad.add("maxAttachments must be 1-100");
            }
            if (c.maxImageMegapixels() < 1 || c.maxImageMegapixels() > 200) {
                bad.add("maxImageMegapixels must be 1-200");
            }
            if (c.maxConcurrentDecodes() < 1 || c.maxConcurrentDecodes() > 16) {
                bad.add("maxConcurrentDecodes must be 1-16");
            }
            if (c.decodeWaitSeconds() < 0 || c.decodeWaitSeconds() > 60) {
                bad.add("decodeWaitSeconds must be 0-60");
            }
            if (c.maxNameLength() < 32 || c.maxNameLength() > 200) {
                bad.add("maxNameLength must be 32-200");
            }
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException("Invalid org.smartproperty.files configuration: " + String.join("; ", bad));
            }
            Path dir = c.directory().isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "files") : Path.of(c.directory());
            return new Settings(dir.toAbsolutePath(), c.maxSizeMb() * 1024L * 1024L, Set.copyOf(types), c.thumbnailSize(),
                    Duration.ofHours(c.pendingHours()), c.maxAttachments(), c.maxImageMegapixels(), c.maxConcurrentDecodes(),
                    Duration.ofSeconds(c.decodeWaitSeconds()), c.maxNameLength(), c.refusePdfActions());
        }

        /** The metatype defaults of {@link FilesConfig} with {@code directory} and the given attributes replaced (outside OSGi). */
        static Settings defaults(Path directory, Map<String, Object> overrides) {
            Map<String, Object> values = new java.util.HashMap<>(overrides);
            values.put("directory", directory.toAbsolutePath().toString());
            return of(config(values));
        }

        static FilesConfig config(Map<String, Object> values) {
            return (FilesConfig) Proxy.newProxyInstance(FilesConfig.class.getClassLoader(), new Class<?>[] {FilesConfig.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "annotationType" -> FilesConfig.class;
                        case "toString" -> "FilesConfig" + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
                    });
        }
    }

    public FileStoreImpl() {
    }

    /** Outside OSGi (tests of the domains that attach files): default limits, bytes under {@code directory}. */
    public FileStoreImpl(DataSource ds, Path directory) {
        this(ds, Settings.defaults(directory, Map.of()));
    }

    FileStoreImpl(DataSource ds, Settings settings) {
        this.dataSource = ds;
        this.settings = settings;
        this.decodes = new Semaphore(settings.maxConcurrentDecodes(), true);
    }

    @Activate
    void activate(BundleContext context, FilesConfig config) throws IOException {
        this.context = context;
        modified(config);
        job = context.registerService(Job.class, purgeJob(), null);
    }

    /** The purge as a platform job (issue 10 item 3): hourly, the first run 5 minutes after start, one node at a time. */
    Job purgeJob() {
        return Job.of("files.purge", () -> JobSchedule.every(Duration.ofMinutes(60), Duration.ofMinutes(5)), c -> {
            int n = purge(c.now());
            if (n > 0) {
                LOG.info("File store: {} unattached uploads purged", n);
            }
            return n + " unattached upload(s) purged";
        });
    }

    @Modified
    void modified(FilesConfig config) throws IOException {
        Settings s = Settings.of(config);
        Files.createDirectories(s.directory().resolve("tmp"));
        Settings before = settings;
        if (decodes == null || before == null || before.maxConcurrentDecodes() != s.maxConcurrentDecodes()) {
            decodes = new Semaphore(s.maxConcurrentDecodes(), true); // decodes running on the old one release it
        }
        settings = s;
        LOG.info("File store at {} (limit {} MiB, types {}, images up to {} megapixels, {} decodes at a time)", s.directory(),
                config.maxSizeMb(), s.allowedTypes(), s.maxImageMegapixels(), s.maxConcurrentDecodes());
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            try {
                job.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            job = null;
        }
    }

    /** Registers a policy outside OSGi (tests); inside, policies are looked up as services when a file is read. */
    public void addPolicy(FileAccessPolicy policy, Map<String, Object> props) {
        readAccess.addPolicy(policy, props);
    }

    public void removePolicy(FileAccessPolicy policy, Map<String, Object> props) {
        readAccess.removePolicy(policy, props);
    }

    BundleContext context() {
        return context;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public int maxNameLength() {
        return settings.maxNameLength();
    }

    /** The decode slots (tests hold them to show what waits for one). */
    Semaphore decodeSlots() {
        return decodes;
    }

    @Override
    public StoredFile upload(InputStream in, String name, String uploader) {
        Settings s = settings;
        if (in == null) {
            throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.required");
        }
        Path tmp = s.directory().resolve("tmp").resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tmp.getParent());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > s.maxBytes()) {
                        throw new ApiException(413, "file.tooLarge", Messages.PLATFORM,
                                List.of(FieldError.of(Messages.PLATFORM, FIELD, "file.tooLarge", s.maxBytes() / 1024 / 1024)),
                                s.maxBytes() / 1024 / 1024);
                    }
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.empty");
            }
            String type = Sniffer.announced(tmp);
            if (!s.allowedTypes().contains(type)) {
                throw ApiException.invalid(Messages.PLATFORM, FIELD, "file.type", FileNames.extensionOf(name));
            }
            UploadInspection.Inspected r = inspection.inspect(tmp, type, s, uploader);
            String hash = HexFormat.of().formatHex(sha.digest());
            Path blob = blob(hash);
            Files.createDirectories(blob.getParent());
            if (Files.exists(blob)) {
                Files.delete(tmp);
            } else {
                move(tmp, blob);
            }
            if (r.thumbnail() != null) {
                Path thumb = thumbnail(hash);
                if (!Files.exists(thumb)) {
                    UploadInspection.writeThumbnail(r.thumbnail(), thumb);
                }
            }
            // issue 20 item 8: the name is a cleaned label whose extension follows the sniffed type
            String cleanName = FileNames.clean(name, type, s.maxNameLength());
            StoredFile f = new StoredFile(UUID.randomUUID().toString(), cleanName, type, size, hash,
                    r.width(), r.height(), uploader, Instant.now().truncatedTo(ChronoUnit.MICROS));
            insert(f);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException("Storing an upload failed: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", tmp, e.toString());
            }
        }
    }

    @Override
    public List<Attachment> attach(Connection c, List<AttachmentInput> items, String uploader, String ownerKind, String ownerRef,
                                   String field) {
        List<AttachmentInput> list = items == null ? List.of() : items;
        String base = field.replace("[]", "");
        if (list.size() > settings.maxAttachments()) {
            throw ApiException.invalid(Messages.PLATFORM, base, "file.tooMany", settings.maxAttachments());
        }
        List<FieldError> errors = new ArrayList<>();
        List<StoredFile> files = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        try {
            for (int i = 0; i < list.size(); i++) {
                String id = list.get(i) == null ? null : list.get(i).fileId();
                StoredFile f = id == null ? null : find(c, id);
                String at = base + "[" + i + "].fileId";
                if (f == null) {
                    errors.add(FieldError.of(Messages.PLATFORM, at, id == null ? "file.required" : "file.unknown",
                            String.valueOf(id)));
                } else if (!f.uploadedBy().equals(uploader)) {
                    errors.add(FieldError.of(Messages.PLATFORM, at, "file.notYours", id));
                } else if (list.get(i).title() != null && list.get(i).title().strip().length() > 200) {
                    errors.add(FieldError.of(Messages.PLATFORM, base + "[" + i + "].title", "file.name"));
                } else {
                    files.add(f);
                    titles.add(list.get(i).title() == null || list.get(i).title().isBlank() ? null : list.get(i).title().strip());
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO plt_file_link (file_id, owner_kind, owner_ref, position, linked_at, title) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pos = 0;
                Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < files.size(); i++) {
                    StoredFile f = files.get(i);
                    if (!seen.add(f.id())) {
                        continue;
                    }
                    ps.setString(1, f.id());
                    ps.setString(2, ownerKind);
                    ps.setString(3, ownerRef);
                    ps.setInt(4, pos++);
                    ps.setTimestamp(5, now);
                    ps.setString(6, titles.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return attached(c, ownerKind, ownerRef);
        } catch (SQLException e) {
            throw new IllegalStateException("Attaching files failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Attachment> attached(Connection c, String ownerKind, String ownerRef) {
        if (c == null) {
            try (Connection own = dataSource.getConnection()) {
                return attached(own, ownerKind, ownerRef);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading attachments failed: " + e.getMessage(), e);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.name, f.content_type, f.size_bytes, f.sha256, f.width, f.height, "
                + "f.uploaded_by, f.uploaded_at, l.title FROM plt_file f JOIN plt_file_link l ON l.file_id = f.id "
                + "WHERE l.owner_kind = ? AND l.owner_ref = ? ORDER BY l.position")) {
            ps.setString(1, ownerKind);
            ps.setString(2, ownerRef);
            List<Attachment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Attachment.of(rs.getString(10), row(rs)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading attachments failed: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredFile get(SpmPrincipal caller, String id) {
        try (Connection c = dataSource.getConnection()) {
            StoredFile f = id == null ? null : find(c, id);
            if (f == null || !readAccess.mayRead(c, caller, f)) {
                throw ApiException.notFound("objects.file", id);
            }
            return f;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a file failed: " + e.getMessage(), e);
        }
    }

    @Override
    public FileContent open(SpmPrincipal caller, String id, boolean thumbnail) {
        StoredFile f = get(caller, id);
        if (thumbnail && !f.image()) {
            throw ApiException.notFound("objects.file", id + "/thumbnail");
        }
        Path p = thumbnail ? thumbnail(f.sha256()) : blob(f.sha256());
        return new FileContent() {
            @Override
            public StoredFile file() {
                return f;
            }

            @Override
            public String contentType() {
                return thumbnail ? Sniffer.JPEG : f.contentType();
            }

            @Override
            public long length() {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(p);
            }
        };
    }

    /** Deletes unattached uploads older than the pending time, and bytes no row refers to any more. */
    int purge(Instant now) throws SQLException, IOException {
        Timestamp before = Timestamp.from(now.minus(settings.pending()));
        List<String[]> gone = org.smartproperty.platform.Jdbc.transaction(dataSource, c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sha256 FROM plt_file f WHERE uploaded_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM plt_file_link l WHERE l.file_id = f.id)")) {
                ps.setTimestamp(1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plt_file WHERE id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM plt_file_link l WHERE l.file_id = plt_file.id)")) {
                for (String[] g : rows) {
                    ps.setString(1, g[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows;
        });
        // the rows are gone (committed); bytes that no other row shares go too
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plt_file WHERE sha256 = ?")) {
            for (String[] g : gone) {
                ps.setString(1, g[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        Files.deleteIfExists(blob(g[1]));
                        Files.deleteIfExists(thumbnail(g[1]));
                    }
                }
            }
        }
        return gone.size();
    }

    Path blob(String sha) {
        return settings.directory().resolve(sha.substring(0, 2)).resolve(sha);
    }

    Path thumbnail(String sha) {
        return settings.directory().resolve(sha.substring(0, 2)).resolve(sha + ".thumb.jpg");
    }

    private void insert(StoredFile f) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO plt_file (id, name, content_type, size_bytes, sha256, width, height, "
                     + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, f.id());
            ps.setString(2, f.name());
            ps.setString(3, f.contentType());
            ps.setLong(4, f.size());
            ps.setString(5, f.sha256());
            ps.setObject(6, f.width(), java.sql.Types.INTEGER);
            ps.setObject(7, f.height(), java.sql.Types.INTEGER);
            ps.setString(8, f.uploadedBy());
            ps.setTimestamp(9, Timestamp.from(f.uploadedAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording an upload failed: " + e.getMessage(), e);
        }
    }

    private static StoredFile find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static StoredFile row(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code preview} (a subsampled decode) scaled to the thumbnail of an image of {@code size}: longest side at most {@code max}. */
    static BufferedImage thumbnailOf(BufferedImage preview, Sniffer.Size size, int max) {
        return UploadInspection.thumbnailOf(preview, size, max);
    }
}
