package org.smartproperty.platform.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Upload hardening of issue 20 (OPS-7 security detection and repair: fix security risks; OPS-2: no hangs). Item 2: image
 * decompression bombs are refused from their header, thumbnails are decoded subsampled, decodes are bounded.
 */
class UploadHardeningPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    static Path dir;

    /** The store as other bundles build it: default limits (10 MB, 40 megapixels, 2 decodes). */
    static FileStoreImpl store;

    @BeforeAll
    static void setUp() throws Exception {
        db.migrate("db/files.changelog.xml");
        store = new FileStoreImpl(db.dataSource(), dir);
    }

    static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    static String code(ApiException e) {
        return e.errors().isEmpty() ? e.code() : e.errors().get(0).code();
    }

    static byte[] photo(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            img.setRGB(x, x % h, 0x2060C0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static SpmPrincipal owner(String name) {
        return new SpmPrincipal(1, name, Set.of(Role.OWNER), Set.of("file:read"), DataScope.owner(1), false, "127.0.0.1");
    }

    // ---- issue 20 item 2: image decompression bomb ----

    /** Issue 20 item 2 (OPS-7, OPS-2): 1.2 MB declaring 20000 × 20000 RGB = 1.2 GB decoded; refused from the IHDR alone. */
    @Test
    void aPngDeclaring20000x20000PixelsIsRefusedFromItsHeader_issue20item2_OPS_7() throws Exception {
        byte[] bomb = Crafted.blackPng(20000, 20000);
        assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small: " + bomb.length);
        long t0 = System.nanoTime();
        ApiException e = assertThrows(ApiException.class, () -> store.upload(in(bomb), "bomb.png", "owner-1"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("issue 20 item 2: " + bomb.length + "-byte PNG declaring 20000x20000 refused in " + ms + " ms");
        assertEquals(413, e.status());
        assertEquals("file.pixels", e.code());
        assertEquals("file", e.errors().get(0).field());
        assertEquals("file.pixels", code(e));
        assertEquals(java.util.List.of(20000, 20000, 40), e.errors().get(0).args(), "width, height, limit in megapixels");
    }

    /** Issue 20 item 2: the crafted bytes are a real PNG (the same construction decodes at a small size), so the refusal is for the size. */
    @Test
    void theCraftedPngIsAValidPngAtASmallSize_issue20item2() throws Exception {
        BufferedImage small = ImageIO.read(in(Crafted.blackPng(300, 200)));
        assertEquals(300, small.getWidth());
        assertEquals(200, small.getHeight());
        StoredFile f = store.upload(in(Crafted.blackPng(3000, 2000)), "大图.png", "owner-1");
        assertEquals(3000, f.width());
        assertEquals(2000, f.height());
    }

    /** Issue 20 item 2 (SVC-PAT-1 photos): a normal photo still gets its dimensions and a thumbnail of the configured size. */
    @Test
    void aNormalImageStillGetsAThumbnail_issue20item2_SVC_PAT_1() throws Exception {
        StoredFile f = store.upload(in(photo("png", 2400, 1600)), "随手拍.png", "owner-1");
        assertEquals(2400, f.width());
        assertEquals(1600, f.height());
        BufferedImage thumb = ImageIO.read(store.open(owner("owner-1"), f.id(), true).open());
        assertEquals(320, thumb.getWidth());
        assertEquals(213, thumb.getHeight());
        StoredFile j = store.upload(in(photo("jpg", 900, 1200)), "竖拍.jpg", "owner-1");
        BufferedImage jt = ImageIO.read(store.open(owner("owner-1"), j.id(), true).open());
        assertEquals(240, jt.getWidth());
        assertEquals(320, jt.getHeight());
    }

    /** Issue 20 item 2: the size is read from the header (nothing decoded) and the thumbnail decode is subsampled. */
    @Test
    void theSizeComesFromTheHeaderAndThumbnailsAreDecodedSubsampled_issue20item2() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        java.nio.file.Files.write(bomb, Crafted.blackPng(20000, 20000));
        assertEquals(new Sniffer.Size(20000, 20000), Sniffer.size(bomb, Sniffer.PNG));
        Path big = dir.resolve("big.png");
        java.nio.file.Files.write(big, Crafted.blackPng(4000, 3000));
        Sniffer.Size size = Sniffer.size(big, Sniffer.PNG);
        assertEquals(6, Sniffer.step(size, 320));
        BufferedImage preview = Sniffer.preview(big, Sniffer.PNG, size, 320);
        assertEquals(667, preview.getWidth(), "every 6th pixel of 4000, never the 12-megapixel raster");
        assertEquals(500, preview.getHeight());
        BufferedImage thumb = FileStoreImpl.thumbnailOf(preview, size, 320);
        assertEquals(320, thumb.getWidth());
        assertEquals(240, thumb.getHeight(), "the thumbnail keeps the image's own proportions");
    }

    /**
     * Issue 20 item 2 (OPS-2 no hangs): at most maxConcurrentDecodes decodes; with all of them busy an image waits
     * decodeWaitSeconds, then 503 file.busy. The bomb is refused even then: its header is checked before any slot is taken.
     */
    @Test
    void decodesAreBoundedAndTheBombIsRefusedBeforeWaitingForOne_issue20item2_OPS_2() throws Exception {
        FileStoreImpl one = new FileStoreImpl(db.dataSource(), FileStoreImpl.Settings.defaults(dir,
                java.util.Map.of("maxConcurrentDecodes", 1, "decodeWaitSeconds", 1)));
        java.util.concurrent.Semaphore slots = one.decodeSlots();
        assertEquals(1, slots.availablePermits());
        byte[] bomb = Crafted.blackPng(20000, 20000);
        slots.acquire();
        try {
            ApiException busy = assertThrows(ApiException.class, () -> one.upload(in(photo("png", 64, 48)), "a.png", "owner-1"));
            assertEquals(503, busy.status());
            assertEquals("file.busy", busy.code());
            ApiException e = assertThrows(ApiException.class, () -> one.upload(in(bomb), "bomb.png", "owner-1"));
            assertEquals("file.pixels", e.code(), "refused from the header, no decode slot needed");
        } finally {
            slots.release();
        }
        assertEquals("image/png", one.upload(in(photo("png", 64, 48)), "a.png", "owner-1").contentType());
        byte[] png = photo("png", 64, 48);
        assertThrows(ApiException.class, () -> one.upload(in(java.util.Arrays.copyOf(png, png.length - 30)), "a.png", "owner-1"));
        assertEquals(1, slots.availablePermits(), "a failed decode gives its slot back");
    }

    /** Issue 20 item 2: the limit is configuration (maxImageMegapixels), checked like the other limits. */
    @Test
    void thePixelLimitAndDecodeBoundsAreConfiguration_issue20item2() throws Exception {
        FileStoreImpl.Settings d = FileStoreImpl.Settings.defaults(dir, java.util.Map.of());
        assertEquals(40_000_000L, d.maxPixels());
        assertEquals(2, d.maxConcurrentDecodes());
        assertEquals(java.time.Duration.ofSeconds(5), d.decodeWait());
        FileStoreImpl small = new FileStoreImpl(db.dataSource(), FileStoreImpl.Settings.defaults(dir,
                java.util.Map.of("maxImageMegapixels", 1)));
        ApiException e = assertThrows(ApiException.class, () -> small.upload(in(Crafted.blackPng(1001, 1000)), "a.png", "owner-1"));
        assertEquals(java.util.List.of(1001, 1000, 1), e.errors().get(0).args());
        assertEquals(1000, small.upload(in(Crafted.blackPng(1000, 1000)), "a.png", "owner-1").width(), "exactly 1 megapixel passes");
        for (String bad : new String[] {"maxImageMegapixels=0", "maxImageMegapixels=201", "maxConcurrentDecodes=0",
            "maxConcurrentDecodes=17", "decodeWaitSeconds=-1", "decodeWaitSeconds=61"}) {
            String[] kv = bad.split("=");
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> FileStoreImpl.Settings.defaults(dir, java.util.Map.of(kv[0], Integer.parseInt(kv[1]))), bad);
            assertTrue(x.getMessage().contains(kv[0]), x.getMessage());
        }
    }

    /** Issue 20 item 2: the new refusals read in zh-CN and English; the 413 has a title of its own. */
    @Test
    void theRefusalsHaveTextsInBothLanguages_issue20() throws Exception {
        java.util.Properties zh = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var a = new java.io.InputStreamReader(FileStoreImpl.class.getResourceAsStream("messages.properties"), "UTF-8");
             var b = new java.io.InputStreamReader(FileStoreImpl.class.getResourceAsStream("messages_en.properties"), "UTF-8")) {
            zh.load(a);
            en.load(b);
        }
        assertEquals(zh.keySet(), en.keySet());
        for (String key : java.util.List.of("file.pixels", "file.pixels.title", "file.busy")) {
            assertTrue(FileStoreImpl.TEXTS.has(key), key);
        }
        assertEquals("图片尺寸过大：20000 × 20000 像素，上限为 40 百万像素；请缩小图片后重新上传",
                FileStoreImpl.TEXTS.format(java.util.Locale.SIMPLIFIED_CHINESE, "file.pixels", 20000, 20000, 40));
        assertEquals("The image is too large: 20000 x 20000 pixels, the limit is 40 megapixels; scale it down and upload it again",
                FileStoreImpl.TEXTS.format(java.util.Locale.ENGLISH, "file.pixels", 20000, 20000, 40));
    }
}
