package org.smartproperty.platform.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hand-made test files: a PNG decompression bomb and PDFs with or without active content (issue 20 items 2 and 8). */
final class Crafted {

    private Crafted() {
    }

    /**
     * An 8-bit RGB PNG of {@code width} × {@code height} black pixels, built without ever holding the raster: its IDAT is
     * the zlib stream of {@code height} rows of zeros (filter byte + 3 × width), compressed in chunks of rows that are
     * full-flushed so one compressed chunk can be repeated. At 20000 × 20000 that is 1.2 GB of pixels in about 1.2 MB,
     * the bomb of issue 20 item 2. Small sizes give an ordinary, decodable PNG of the same construction.
     */
    static byte[] blackPng(int width, int height) throws IOException {
        byte[] row = new byte[1 + 3 * width];
        int rowsPerChunk = Math.max(1, Math.min(height, (8 << 20) / row.length));
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        idat.write(0x78);
        idat.write(0xDA);
        byte[] chunk = fullFlushed(row, rowsPerChunk);
        int rows = 0;
        for (; rows + rowsPerChunk <= height; rows += rowsPerChunk) {
            idat.write(chunk);
        }
        if (rows < height) {
            idat.write(fullFlushed(row, height - rows));
        }
        idat.write(new byte[] {0x03, 0x00}); // final fixed-Huffman block holding only end-of-block
        // Adler-32 of n zero bytes: A stays 1, B adds A once per byte
        int a = (int) (((long) height * row.length % 65521) << 16 | 1);
        idat.write(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(width);
        d.writeInt(height);
        d.writeByte(8); // bit depth
        d.writeByte(2); // colour type RGB
        d.writeByte(0); // deflate
        d.writeByte(0); // adaptive filtering
        d.writeByte(0); // not interlaced
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] fullFlushed(byte[] row, int rows) {
        Deflater def = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            for (int i = 0; i < rows; i++) {
                def.setInput(row);
                while (!def.needsInput()) {
                    out.write(buf, 0, def.deflate(buf, 0, buf.length, Deflater.NO_FLUSH));
                }
            }
            int n;
            do {
                n = def.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
            return out.toByteArray();
        } finally {
            def.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(png);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A one-page PDF whose catalog carries {@code catalogExtra} and which has {@code extraObjects} as objects 4, 5, … */
    static byte[] pdf(String catalogExtra, String... extraObjects) {
        StringBuilder b = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        b.append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R ").append(catalogExtra).append(" >>\nendobj\n");
        b.append("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        b.append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        int n = 4;
        for (String o : extraObjects) {
            b.append(n++).append(" 0 obj\n").append(o).append("\nendobj\n");
        }
        b.append("trailer\n<< /Root 1 0 R /Size ").append(n).append(" >>\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A PDF 1.5 whose object 5 (a JavaScript action, the catalog's OpenAction) is hidden in a Flate-compressed object
     * stream, where no plain-text search of the file finds it.
     */
    static byte[] pdfWithScriptInObjectStream() throws IOException {
        String inner = "5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>";
        String offsets = "5 0 ";
        byte[] plain = (offsets + inner.substring(4)).getBytes(StandardCharsets.ISO_8859_1);
        Deflater def = new Deflater();
        def.setInput(plain);
        def.finish();
        byte[] buf = new byte[4096];
        int len = def.deflate(buf);
        def.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                + "4 0 obj\n<< /Type /ObjStm /N 1 /First " + offsets.length() + " /Filter /FlateDecode /Length " + len
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buf, 0, len);
        out.write("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
