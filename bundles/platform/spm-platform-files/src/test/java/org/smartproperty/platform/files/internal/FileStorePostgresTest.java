package org.smartproperty.platform.files.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The file store on PostgreSQL: content sniffing, limits, dedup, thumbnails, attachments, access, purge. */
class FileStorePostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path dir;

    static FileStoreImpl store;

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/files.changelog.xml");
        store = new FileStoreImpl(db.dataSource(), new FileStoreImpl.Settings(dir, 64 * 1024, Set.of(Sniffer.PDF, Sniffer.JPEG, Sniffer.PNG),
                320, Duration.ofHours(24), 5, 40, 2, Duration.ofSeconds(5), 100, true));
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            img.setRGB(x, x % h, 0xC00000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    static SpmPrincipal who(String name, Role role, DataScope scope) {
        return new SpmPrincipal(1, name, Set.of(role), Set.of("file:read"), scope, false, "127.0.0.1");
    }

    static List<AttachmentInput> refs(String... ids) {
        return Arrays.stream(ids).map(id -> new AttachmentInput(null, id)).toList();
    }

    static String code(ApiException e) {
        return e.errors().isEmpty() ? e.code() : e.errors().get(0).code();
    }

    @Test
    void pdfIsRecognisedByContentEvenWhenNamedLikeAPhoto_SUP_CO_2() {
        StoredFile f = store.upload(in(pdf("licence")), "营业执照.jpg", "company-a");
        assertEquals("application/pdf", f.contentType());
        assertEquals("营业执照.pdf", f.name(), "issue 20 item 8: the extension follows the sniffed type");
        assertFalse(f.image());
    }

    @Test
    void anExecutableRenamedToPdfIsRefused() {
        byte[] exe = new byte[200];
        exe[0] = 'M';
        exe[1] = 'Z';
        ApiException e = assertThrows(ApiException.class, () -> store.upload(in(exe), "资质证书.pdf", "company-a"));
        assertEquals(400, e.status());
        assertEquals("file", e.errors().get(0).field());
        assertEquals("file.type", code(e));
    }

    @Test
    void aTruncatedPhotoOrPdfIsRefusedAsBroken() throws Exception {
        byte[] png = image("png", 120, 80);
        ApiException e = assertThrows(ApiException.class, () -> store.upload(in(Arrays.copyOf(png, png.length / 2)), "a.png", "owner-1"));
        assertEquals("file.broken", code(e));
        byte[] pdf = pdf("x");
        e = assertThrows(ApiException.class, () -> store.upload(in(Arrays.copyOf(pdf, 20)), "a.pdf", "owner-1"));
        assertEquals("file.broken", code(e));
        e = assertThrows(ApiException.class, () -> store.upload(in(new byte[0]), "a.pdf", "owner-1"));
        assertEquals("file.empty", code(e));
    }

    @Test
    void anUploadOverTheLimitIs413AndLeavesNothingBehind() throws Exception {
        long before = rows();
        byte[] big = new byte[70 * 1024];
        System.arraycopy(pdf("x"), 0, big, 0, 20);
        ApiException e = assertThrows(ApiException.class, () -> store.upload(in(big), "big.pdf", "company-a"));
        assertEquals(413, e.status());
        assertEquals(before, rows());
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, tmp.count(), "no partial file stays in tmp/");
        }
    }

    @Test
    void photosGetDimensionsAndAThumbnailAndIdenticalUploadsShareTheirBytes_SVC_PAT_1() throws Exception {
        byte[] jpg = image("jpg", 1200, 900);
        StoredFile a = store.upload(in(jpg), "随手拍.jpg", "owner-1");
        StoredFile b = store.upload(in(jpg), "again.jpeg", "owner-2");
        assertEquals("image/jpeg", a.contentType());
        assertEquals(1200, a.width());
        assertEquals(900, a.height());
        assertNotEquals(a.id(), b.id());
        assertEquals(a.sha256(), b.sha256());
        assertTrue(Files.exists(store.blob(a.sha256())));
        BufferedImage thumb = ImageIO.read(store.open(who("owner-1", Role.OWNER, DataScope.owner(1)), a.id(), true).open());
        assertEquals(320, thumb.getWidth());
        assertEquals(240, thumb.getHeight());
        try (InputStream back = store.open(who("owner-1", Role.OWNER, DataScope.owner(1)), a.id(), false).open()) {
            assertArrayEquals(jpg, back.readAllBytes());
        }
    }

    @Test
    void onlyTheUploaderOrWhomTheOwningDomainAllowsReadsAFile() throws Exception {
        StoredFile f = store.upload(in(pdf("materials")), "材料.pdf", "company-a");
        SpmPrincipal other = who("company-b", Role.COMPANY, DataScope.company(2));
        SpmPrincipal regulator = who("regulator", Role.REGULATOR, DataScope.ALL);
        assertEquals(f.id(), store.get(who("company-a", Role.COMPANY, DataScope.company(1)), f.id()).id());
        assertEquals(404, assertThrows(ApiException.class, () -> store.get(regulator, f.id())).status());

        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            store.attach(c, refs(f.id()), "company-a", "test-filing", "7", "materials[]");
            c.commit();
        }
        FileAccessPolicy policy = (p, ref) -> p.scope().all() || (p.scope().companyId() != null && ref.equals("7") && p.scope().companyId() == 1);
        store.addPolicy(policy, Map.of(FileAccessPolicy.OWNER_KIND, "test-filing"));
        try {
            assertEquals(f.id(), store.get(regulator, f.id()).id());
            assertEquals(404, assertThrows(ApiException.class, () -> store.open(other, f.id(), false)).status());
        } finally {
            store.removePolicy(policy, Map.of(FileAccessPolicy.OWNER_KIND, "test-filing"));
        }
        assertEquals(404, assertThrows(ApiException.class, () -> store.get(regulator, f.id())).status(), "no policy, no access");
    }

    @Test
    void attachReportsEveryBadIdAsAFieldErrorAndRollsBackWithTheCaller() throws Exception {
        StoredFile mine = store.upload(in(pdf("a")), "a.pdf", "company-a");
        StoredFile theirs = store.upload(in(pdf("b")), "b.pdf", "company-b");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            ApiException e = assertThrows(ApiException.class, () -> store.attach(c, refs(mine.id(), theirs.id(), "nope"),
                    "company-a", "test-filing", "8", "materials[]"));
            assertEquals(List.of("materials[1].fileId", "materials[2].fileId"), e.errors().stream().map(x -> x.field()).toList());
            assertEquals(List.of("file.notYours", "file.unknown"), e.errors().stream().map(x -> x.code()).toList());

            List<Attachment> linked = store.attach(c, List.of(new AttachmentInput(" 营业执照 ", mine.id())), "company-a", "test-filing", "9",
                    "materials[]");
            assertEquals("营业执照", linked.get(0).title());
            assertEquals("a.pdf", linked.get(0).name());
            c.rollback();
            assertEquals(0, store.attached(c, "test-filing", "9").size(), "the link rolled back with the business change");
        }
        ApiException tooMany = assertThrows(ApiException.class, () -> {
            try (Connection c = db.dataSource().getConnection()) {
                store.attach(c, refs("1", "2", "3", "4", "5", "6"), "company-a", "test-filing", "10", "materials[]");
            }
        });
        assertEquals("file.tooMany", code(tooMany));
    }

    @Test
    void purgeDeletesOldUnattachedUploadsAndTheirBytesButKeepsAttachedOnes() throws Exception {
        StoredFile kept = store.upload(in(pdf("kept")), "kept.pdf", "company-a");
        StoredFile dropped = store.upload(in(pdf("dropped-" + System.nanoTime())), "dropped.pdf", "company-a");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            store.attach(c, refs(kept.id()), "company-a", "test-filing", "11", "materials[]");
            c.commit();
        }
        store.purge(Instant.now().plus(Duration.ofHours(25)));
        assertTrue(exists(kept.id()));
        assertFalse(exists(dropped.id()));
        assertFalse(Files.exists(store.blob(dropped.sha256())), "bytes of a purged upload are deleted");
        assertTrue(Files.exists(store.blob(kept.sha256())));
    }

    private static long rows() throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plt_file");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(String id) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plt_file WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
