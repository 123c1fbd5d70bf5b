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
 * decompression bombs are refused from their header, thumbnails are decoded subsampled, decodes are bounded. Item 8: file
 * names follow the sniffed type and are cleaned; PDFs with JavaScript or automatic actions are refused.
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
        assertEquals(100, d.maxNameLength());
        assertTrue(d.refusePdfActions());
        FileStoreImpl small = new FileStoreImpl(db.dataSource(), FileStoreImpl.Settings.defaults(dir,
                java.util.Map.of("maxImageMegapixels", 1)));
        ApiException e = assertThrows(ApiException.class, () -> small.upload(in(Crafted.blackPng(1001, 1000)), "a.png", "owner-1"));
        assertEquals(java.util.List.of(1001, 1000, 1), e.errors().get(0).args());
        assertEquals(1000, small.upload(in(Crafted.blackPng(1000, 1000)), "a.png", "owner-1").width(), "exactly 1 megapixel passes");
        for (String bad : new String[] {"maxImageMegapixels=0", "maxImageMegapixels=201", "maxConcurrentDecodes=0",
            "maxConcurrentDecodes=17", "decodeWaitSeconds=-1", "decodeWaitSeconds=61", "maxNameLength=31", "maxNameLength=201"}) {
            String[] kv = bad.split("=");
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> FileStoreImpl.Settings.defaults(dir, java.util.Map.of(kv[0], Integer.parseInt(kv[1]))), bad);
            assertTrue(x.getMessage().contains(kv[0]), x.getMessage());
        }
    }

    /** Issue 20 items 2 and 8: the new refusals read in zh-CN and English; the 413 has a title of its own. */
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
        for (String key : java.util.List.of("file.pixels", "file.pixels.title", "file.busy", "file.pdfActive", "file.pdfUnchecked")) {
            assertTrue(FileStoreImpl.TEXTS.has(key), key);
        }
        assertEquals("图片尺寸过大：20000 × 20000 像素，上限为 40 百万像素；请缩小图片后重新上传",
                FileStoreImpl.TEXTS.format(java.util.Locale.SIMPLIFIED_CHINESE, "file.pixels", 20000, 20000, 40));
        assertEquals("The image is too large: 20000 x 20000 pixels, the limit is 40 megapixels; scale it down and upload it again",
                FileStoreImpl.TEXTS.format(java.util.Locale.ENGLISH, "file.pixels", 20000, 20000, 40));
        assertTrue(FileStoreImpl.TEXTS.format(java.util.Locale.ENGLISH, "file.pdfActive", "/JS").contains("(/JS)"));
    }

    // ---- issue 20 item 8: file names and active PDF content ----

    /** Issue 20 item 8: markup in the name is stripped and the extension follows the sniffed type, not the name. */
    @Test
    void anHtmlNameIsCleanedAndTakesTheExtensionOfTheSniffedType_issue20item8() throws Exception {
        StoredFile f = store.upload(in(photo("png", 40, 30)), "<img src=x onerror=alert(1)>.html", "owner-1");
        assertEquals("img src=x onerror=alert(1).png", f.name());
        StoredFile p = store.upload(in(Crafted.pdf("")), "../../etc/报告\u202Egpj.exe", "owner-1");
        assertEquals("报告gpj.pdf", p.name(), "path, bidi override and wrong extension gone, CJK kept");
        StoredFile q = store.upload(in(Crafted.pdf("")), "a\"b';c`d\r\nContent-Type: text-html.pdf", "owner-1");
        assertEquals("abcd Content-Type text-html.pdf", q.name(), "quotes, semicolons, backticks, CR LF and colons gone");
        StoredFile kept = store.upload(in(photo("jpg", 40, 30)), "现场照片.JPEG", "owner-1");
        assertEquals("现场照片.JPEG", kept.name(), "an extension that matches the type is kept as written");
    }

    /** Issue 20 item 8: an over-long name is shortened to the configured length (default 100), keeping its extension. */
    @Test
    void aLongNameIsShortenedKeepingItsExtension_issue20item8() {
        StoredFile f = store.upload(in(Crafted.pdf("")), "物业".repeat(150) + ".pdf", "owner-1");
        assertEquals(100, f.name().length());
        assertTrue(f.name().endsWith("物业.pdf"), f.name());
    }

    /** Issue 20 item 8 (OPS-7): PDFs with JavaScript, launch or automatic actions are refused with file.pdfActive. */
    @Test
    void pdfsWithJavaScriptOrAutomaticActionsAreRefused_issue20item8_OPS_7() throws Exception {
        String[][] cases = {
            {"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", "/JavaScript"},
            {"/OpenAction 4 0 R", "/JS", "<< /S /Java#20Script /JS 5 0 R >>"},
            {"/Names << /JavaScript 4 0 R >>", "/JavaScript", "<< /Names [(a) 5 0 R] >>"},
            {"/AA << /WC << /S /GoTo /D [3 0 R /Fit] >> >>", "/AA"},
            {"/OpenAction << /S /Launch /F (cmd.exe) >>", "/Launch"},
            {"/OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >>", "/JavaScript"},
        };
        for (String[] c : cases) {
            byte[] pdf = c.length > 2 ? Crafted.pdf(c[0], c[2]) : Crafted.pdf(c[0]);
            ApiException e = assertThrows(ApiException.class, () -> store.upload(in(pdf), "a.pdf", "owner-1"), c[0]);
            assertEquals(400, e.status(), c[0]);
            assertEquals("file", e.errors().get(0).field());
            assertEquals("file.pdfActive", code(e), c[0]);
            assertEquals(c[1], e.errors().get(0).args().get(0), "the message names what was found");
        }
        ApiException hidden = assertThrows(ApiException.class,
                () -> store.upload(in(Crafted.pdfWithScriptInObjectStream()), "a.pdf", "owner-1"));
        assertEquals("file.pdfActive", code(hidden), "a script inside a compressed object stream is found too");
    }

    /** Issue 20 item 8: a PDF whose object streams cannot be read is refused as unchecked; refusePdfActions=false lets scripts in. */
    @Test
    void uncheckablePdfsAreRefusedAndTheCheckCanBeSwitchedOff_issue20item8() throws Exception {
        byte[] lzw = PdfActionsTest.objStm("/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", "<< >>", false);
        ApiException e = assertThrows(ApiException.class, () -> store.upload(in(lzw), "a.pdf", "owner-1"));
        assertEquals("file.pdfUnchecked", code(e));
        FileStoreImpl lenient = new FileStoreImpl(db.dataSource(), FileStoreImpl.Settings.defaults(dir,
                java.util.Map.of("refusePdfActions", false)));
        assertEquals("application/pdf", lenient.upload(in(Crafted.pdf("/OpenAction << /S /JavaScript /JS (x) >>")), "a.pdf", "owner-1")
                .contentType());
    }

    /** Issue 20 item 8: the words in text, an OpenAction that only opens a page and plain PDFs stay accepted. */
    @Test
    void pdfsWithoutActiveContentAreAccepted_issue20item8_SUP_CO_2() {
        assertEquals("application/pdf", store.upload(in(Crafted.pdf("/OpenAction [3 0 R /Fit]")), "a.pdf", "owner-1").contentType());
        assertEquals("application/pdf", store.upload(in(Crafted.pdf("/Lang (zh-CN)",
                "<< /Title (About /JavaScript and /JS \\(and /AA\\)) /Subject <2F4A53> >>")), "b.pdf", "owner-1").contentType());
    }
}
