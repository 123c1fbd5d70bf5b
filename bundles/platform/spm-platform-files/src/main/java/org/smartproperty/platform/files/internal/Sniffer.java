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
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what a file IS from its bytes, never from its name: PDF by its header and trailer,
 * JPEG and PNG by their signatures and by decoding the image completely (a renamed executable
 * or a truncated photo is refused).
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

    /** The outcome of checking a whole file. */
    record Result(String type, boolean intact, BufferedImage image) {
    }

    static Result check(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String type = announced(Arrays.copyOf(head, n));
        switch (type) {
            case PDF:
                return new Result(type, pdfTrailer(file), null);
            case JPEG:
            case PNG:
                BufferedImage img = decode(file, type);
                return new Result(type, img != null, img);
            default:
                return new Result(UNKNOWN, false, null);
        }
    }

    /** A complete PDF ends with %%EOF (possibly followed by whitespace) within its last 1 KiB. */
    private static boolean pdfTrailer(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            int tail = (int) Math.min(1024, len);
            byte[] b = new byte[tail];
            raf.seek(len - tail);
            raf.readFully(b);
            return new String(b, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static BufferedImage decode(Path file, String type) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (!readers.hasNext() || iis == null) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(iis, true, true);
                BufferedImage img = r.read(0);
                // a truncated JPEG decodes with a warning and grey rows: refuse data after the image ends missing
                return img != null && img.getWidth() > 0 && img.getHeight() > 0 && complete(file, type) ? img : null;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
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
