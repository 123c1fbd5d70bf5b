package org.smartproperty.platform.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/** Issue 20 item 8: the PDF check reads names as a PDF reader does, skips text and stream data, and opens object streams. */
class PdfActionsTest {

    static String find(byte[] pdf) throws PdfActions.Unchecked {
        return PdfActions.find(pdf, 1 << 20);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An object stream holding {@code objects}, with the given stream dictionary entries and, when {@code flate}, compressed. */
    static byte[] objStm(String dictEntries, String objects, boolean flate) throws Exception {
        byte[] plain = bytes("9 0 " + objects);
        byte[] data = plain;
        if (flate) {
            Deflater d = new Deflater();
            d.setInput(plain);
            d.finish();
            byte[] buf = new byte[4096];
            int n = d.deflate(buf);
            d.end();
            data = java.util.Arrays.copyOf(buf, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /OpenAction 9 0 R >>\nendobj\n4 0 obj\n<< " + dictEntries
                + " /Length " + data.length + " >>\nstream\r\n"));
        out.write(data);
        out.write(bytes("\r\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        return out.toByteArray();
    }

    @Test
    void activeNamesAreFoundAsNamesWhateverTheirSpelling_issue20item8() throws Exception {
        assertEquals("/JavaScript", find(Crafted.pdf("/OpenAction << /S /JavaScript /JS (x) >>")));
        assertEquals("/JS", find(Crafted.pdf("/OpenAction << /S /J#61vaScript#20 /JS (x) >>")), "/JavaScript#20 is another name");
        assertEquals("/JavaScript", find(Crafted.pdf("/OpenAction << /S /#4A#61#76#61Script /JS (x) >>")));
        assertEquals("/Launch", find(Crafted.pdf("/OpenAction<</S/Launch/Win<</F(calc.exe)>>>>")));
        assertEquals("/AA", find(Crafted.pdf("", "<< /Type /Annot /Subtype /Widget /AA << /Fo 5 0 R >> >>")));
    }

    @Test
    void wordsInStringsCommentsAndStreamDataAreNotNames_issue20item8() throws Exception {
        assertNull(find(Crafted.pdf("/OpenAction [3 0 R /XYZ 0 842 0]",
                "<< /Title (a \\) /JS \\( /JavaScript) /Author <2F4A53> >>",
                "<< /Length 30 >>\nstream\nBT /JS 12 Tf (/AA /Launch) Tj ET\nendstream")));
        assertNull(find(bytes("%PDF-1.4\n% /JavaScript in a comment\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")));
        assertNull(find(bytes("%PDF-1.4\n1 0 obj << /Type /Catalog /JSX 1 /AAA 2 /Launcher 3 >> endobj\n%%EOF\n")), "other names");
    }

    @Test
    void objectStreamsAreInflatedAndRead_issue20item8() throws Exception {
        assertEquals("/JavaScript", find(Crafted.pdfWithScriptInObjectStream()));
        assertEquals("/JS", find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", "<< /S /Jav#61Script2 /JS (x) >>", true)));
        assertEquals("/JS", find(objStm("/N 1 /First 4 /Filter [/FlateDecode]", "<< /JS (x) >>", true)),
                "an object stream without /Type is still one (readers go by the cross-reference)");
        assertEquals("/AA", find(objStm("/Type /ObjStm /N 1 /First 4", "<< /AA << >> >>", false)), "uncompressed");
        assertNull(find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", "<< /Type /Page >>", true)));
    }

    @Test
    void objectStreamsThatCannotBeReadMakeTheFileUnchecked_issue20item8() throws Exception {
        assertEquals("/ObjStm /LZWDecode", assertThrows(PdfActions.Unchecked.class,
                () -> find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", "<< >>", false))).getMessage());
        assertEquals("/ObjStm /FlateDecode", assertThrows(PdfActions.Unchecked.class,
                () -> find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", "<< /JS (x) >>", false))).getMessage(),
                "not Flate data (e.g. encrypted)");
        assertEquals("/ObjStm /DecodeParms", assertThrows(PdfActions.Unchecked.class,
                () -> find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >>",
                        "<< >>", true))).getMessage());
        byte[] big = objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", "<< >>" + " ".repeat(3000), true);
        assertEquals("/ObjStm size", assertThrows(PdfActions.Unchecked.class, () -> PdfActions.find(big, 1000)).getMessage(),
                "inflating stops at the limit");
        assertNull(PdfActions.find(objStm("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 1 >>",
                "<< >>", true), 1 << 20), "predictor 1 is none");
    }
}
