package org.smartproperty.platform.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.files.StoredFile;

/** Issue 20 item 8: upload names are cleaned, follow the sniffed type, and go out in a safe Content-Disposition. */
class FileNamesTest {

    @Test
    void pathsMarkupQuotesAndControlCharactersAreStrippedAndCjkIsKept_issue20item8() {
        assertEquals("img src=x onerror=alert(1).png", FileNames.clean("<img src=x onerror=alert(1)>.html", Sniffer.PNG, 100));
        assertEquals("passwd.pdf", FileNames.clean("../../etc/passwd", Sniffer.PDF, 100));
        assertEquals("boot.pdf", FileNames.clean("C:\\windows\\boot.ini", Sniffer.PDF, 100));
        assertEquals("营业执照(副本) 2024.pdf", FileNames.clean("  营业执照（副本）\t2024.pdf  ", Sniffer.PDF, 100), "NFKC, one space");
        assertEquals("abcdef.pdf", FileNames.clean("a\"b'c`d;e\u0000\u0007f.pdf", Sniffer.PDF, 100));
        assertEquals("a b.pdf", FileNames.clean("a\r\nb.pdf", Sniffer.PDF, 100), "CR LF cannot split a header");
        assertEquals("invoicefdp.exe.pdf", FileNames.clean("invoice\u202Efdp.exe.pdf", Sniffer.PDF, 100), "no bidi override");
        assertEquals("zero width.jpg", FileNames.clean("zero\u200B width.jpg", Sniffer.JPEG, 100));
        assertEquals("script.pdf", FileNames.clean("＜script＞.pdf", Sniffer.PDF, 100), "fullwidth brackets count as < >");
        assertEquals("htaccess.png", FileNames.clean(".htaccess", Sniffer.PNG, 100), "no hidden names");
        assertEquals("file.pdf", FileNames.clean(null, Sniffer.PDF, 100));
        assertEquals("file.pdf", FileNames.clean("<>\"';", Sniffer.PDF, 100));
        assertEquals("file.jpg", FileNames.clean("...", Sniffer.JPEG, 100));
    }

    @Test
    void theExtensionFollowsTheSniffedType_issue20item8() {
        assertEquals("licence.pdf", FileNames.clean("licence.jpg", Sniffer.PDF, 100));
        assertEquals("photo.jpg", FileNames.clean("photo", Sniffer.JPEG, 100));
        assertEquals("photo.JPEG", FileNames.clean("photo.JPEG", Sniffer.JPEG, 100), "one of the type's extensions is kept as written");
        assertEquals("photo.png", FileNames.clean("photo.png.exe", Sniffer.PNG, 100));
        assertEquals("scan.pdf", FileNames.clean("scan.pdf.html", Sniffer.PDF, 100));
        assertEquals("report v1.2.pdf", FileNames.clean("report v1.2", Sniffer.PDF, 100), "a number is not an extension");
        assertEquals("报告.pdf", FileNames.clean("报告.html", Sniffer.PDF, 100));
    }

    @Test
    void longNamesAreCutToTheLimitKeepingTheExtensionAndWholeCharacters_issue20item8() {
        String n = FileNames.clean("照".repeat(300) + ".png", Sniffer.PNG, 100);
        assertEquals(100, n.length());
        assertTrue(n.endsWith("照.png"));
        String emoji = FileNames.clean("\uD83D\uDCF7".repeat(60) + ".jpg", Sniffer.JPEG, 51);
        assertEquals(50, emoji.length(), "47 chars would split the 24th camera in half: 46");
        assertTrue(emoji.substring(0, 46).codePoints().allMatch(cp -> cp == 0x1F4F7), "no half surrogate pair before .jpg");
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheUtf8NameAsRfc5987_issue20item8() {
        assertEquals("attachment; filename=\"file.pdf\"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf",
                FileNames.contentDisposition("attachment", "营业执照.pdf"));
        assertEquals("attachment; filename=\"2024.jpg\"; filename*=UTF-8''%E9%9A%8F%E6%89%8B%E6%8B%8D%202024.jpg",
                FileNames.contentDisposition("attachment", "随手拍 2024.jpg"));
        // whatever the name, no quote, backslash, CR, LF, semicolon or raw non-ASCII reaches the header
        String h = FileNames.contentDisposition("attachment", "a\"b\\c\r\nSet-Cookie: x=1;%41'*.pdf");
        assertEquals("attachment; filename=\"a_b_c_Set-Cookie_ x=1_41.pdf\"; "
                + "filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%3B%2541%27%2A.pdf", h);
        assertTrue(h.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }

    @Test
    void downloadsCleanNamesStoredBeforeTheFixAndNameThumbnailsJpg_issue20item8() {
        StoredFile legacy = new StoredFile("id", "<img src=x onerror=alert(1)>.html", Sniffer.PNG, 10, "ab", 1, 1, "u", Instant.EPOCH);
        assertEquals("attachment; filename=\"img src=x onerror=alert(1).png\"; "
                + "filename*=UTF-8''img%20src%3Dx%20onerror%3Dalert%281%29.png", FileResource.disposition(legacy, false, 100));
        assertEquals("inline; filename=\"img src=x onerror=alert(1).jpg\"; "
                + "filename*=UTF-8''img%20src%3Dx%20onerror%3Dalert%281%29.jpg", FileResource.disposition(legacy, true, 100));
    }
}
