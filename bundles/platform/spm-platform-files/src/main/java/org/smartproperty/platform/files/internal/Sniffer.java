package org.smartproperty.platform.files.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what a file IS from its bytes, never from its name: PDF by its header and trailer,
 * JPEG and PNG by their signatures, their header's size and by decoding the image stream completely
 * (a renamed executable or a truncated photo is refused). Images are never decoded at full size: the
 * size comes from the header and the decoding is subsampled to what a thumbnail needs (issue 20 item 2).
 */
final class Sniffer {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String UNKNOWN = "application/octet-stream";

    private static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Sniffer() {
    }

    /** The type the first bytes announce, or {@link #UNKNOWN}. */
    static String announced(byte[] head) {
        if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return PDF;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), PNG_SIG)) {
            return PNG;
        }
        return UNKNOWN;
    }

    /** The type the first bytes of {@code file} announce, or {@link #UNKNOWN}. */
    static String announced(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return announced(Arrays.copyOf(head, n));
    }

    /** Width and height of an image. */
    record Size(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /**
     * Width and height from the image header alone (PNG: IHDR; JPEG: the frame header), nothing decoded; null when the
     * header cannot be read. Issue 20 item 2: this is what is compared with the pixel limit before any decoding.
     */
    static Size size(Path file, String type) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = reader(type);
            if (r == null || iis == null) {
                return null;
            }
            try {
                r.setInput(iis, true, true);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                return w > 0 && h > 0 ? new Size(w, h) : null;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** How much larger than the thumbnail the subsampled decode may be, so that the final scaling is smooth. */
    static final int OVERSAMPLING = 2;

    /** The subsampling step for a thumbnail of {@code thumbnailSize} px: 1 up to twice that size, then larger. */
    static int step(Size size, int thumbnailSize) {
        return Math.max(1, Math.max(size.width(), size.height()) / (OVERSAMPLING * thumbnailSize));
    }

    /**
     * Decodes the whole image stream, but keeps only every {@link #step}-th pixel of every {@code step}-th row
     * ({@link ImageReadParam#setSourceSubsampling}), so the raster in memory is at most about
     * {@code 4 × thumbnailSize} on its longest side whatever the image's size (issue 20 item 2). The decoding still reads
     * every byte: a truncated or damaged image gives null, as does one without its end marker.
     */
    static BufferedImage preview(Path file, String type, Size size, int thumbnailSize) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = reader(type);
            if (r == null || iis == null) {
                return null;
            }
            try {
                r.setInput(iis, true, true);
                ImageReadParam p = r.getDefaultReadParam();
                int step = step(size, thumbnailSize);
                p.setSourceSubsampling(step, step, 0, 0);
                BufferedImage img = r.read(0, p);
                // a truncated JPEG decodes with a warning and grey rows: refuse data after the image ends missing
                return img != null && img.getWidth() > 0 && img.getHeight() > 0 && complete(file, type) ? img : null;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ImageReader reader(String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        return readers.hasNext() ? readers.next() : null;
    }

    /** A complete PDF ends with %%EOF (possibly followed by whitespace) within its last 1 KiB. */
    static boolean pdfTrailer(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            int tail = (int) Math.min(1024, len);
            byte[] b = new byte[tail];
            raf.seek(len - tail);
            raf.readFully(b);
            return new String(b, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    /** JPEG must contain its end-of-image marker, PNG its IEND chunk. */
    private static boolean complete(Path file, String type) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            int tail = (int) Math.min(64, len);
            byte[] b = new byte[tail];
            raf.seek(len - tail);
            raf.readFully(b);
            if (JPEG.equals(type)) {
                for (int i = 0; i + 1 < b.length; i++) {
                    if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                        return true;
                    }
                }
                return false;
            }
            return new String(b, StandardCharsets.ISO_8859_1).contains("IEND");
        }
    }
}
