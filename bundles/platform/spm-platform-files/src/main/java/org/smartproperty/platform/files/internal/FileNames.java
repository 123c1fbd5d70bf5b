package org.smartproperty.platform.files.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * File names of uploads (issue 20 item 8). A name is only a label: it is cleaned to letters (any script, CJK included),
 * digits, spaces and harmless punctuation, cut to a configured length, and its extension always follows the type sniffed
 * from the content. Downloads name it in a {@code Content-Disposition} built per RFC 6266 with an ASCII {@code filename}
 * fallback and the exact name as RFC 5987 {@code filename*}.
 */
final class FileNames {

    static final String FALLBACK = "file";

    /** Extensions per sniffed type, the canonical one first; a name already ending in one of them keeps it as written. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            Sniffer.PDF, List.of("pdf"),
            Sniffer.JPEG, List.of("jpg", "jpeg", "jpe"),
            Sniffer.PNG, List.of("png"));

    /** What counts as an extension to replace: a dot and 1-10 ASCII letters/digits starting with a letter ("report v1.2" keeps its ".2"). */
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z][A-Za-z0-9]{0,9})$");

    /** ASCII punctuation that may stay in a name; everything else ASCII that is not a letter, digit or space is dropped
     * (path separators, {@code < > " ' ` ; : * ? |} and control characters among them). */
    private static final String ASCII_KEPT = "-_.,()[]{}+=@#~!&^$%";

    /** ASCII characters the quoted {@code filename} fallback keeps; others become {@code _}. No {@code %} (RFC 6266 appendix D). */
    private static final String FALLBACK_KEPT = " -_.,()[]{}+=@#~!&^$";

    /** RFC 5987 attr-char besides letters and digits ({@code `} and {@code |} are legal too but encoded for safety). */
    private static final String ATTR_CHAR = "!#$&+-.^_~";

    private FileNames() {
    }

    /**
     * The name to store for an upload named {@code raw} whose content is {@code type}: cleaned ({@link #strip}), the
     * extension replaced by the type's unless it already is one of the type's, at most {@code maxLength} UTF-16 chars.
     */
    static String clean(String raw, String type, int maxLength) {
        String n = strip(raw);
        String base = n;
        String given = null;
        var m = EXTENSION.matcher(n);
        if (m.find()) {
            base = n.substring(0, m.start());
            given = m.group(1);
        }
        List<String> known = EXTENSIONS.get(type);
        String ext;
        if (known == null) {
            ext = given; // not a type we sniff: keep what the name says
        } else if (given != null && known.contains(given.toLowerCase(Locale.ROOT))) {
            ext = given;
        } else {
            ext = known.get(0);
            var inner = EXTENSION.matcher(base); // "photo.png.exe" of a PNG is "photo.png", not "photo.png.png"
            if (inner.find() && known.contains(inner.group(1).toLowerCase(Locale.ROOT))) {
                ext = inner.group(1);
                base = base.substring(0, inner.start());
            }
        }
        base = trimEnds(base);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        String suffix = ext == null ? "" : "." + ext;
        base = trimEnds(cut(base, Math.max(1, maxLength - suffix.length())));
        return (base.isEmpty() ? FALLBACK : base) + suffix;
    }

    /**
     * The last path segment of {@code raw} (after NFKC, so fullwidth {@code ／＜＞} count as {@code /<>}), keeping letters,
     * digits and marks of every script, spaces, {@link #ASCII_KEPT} and non-ASCII punctuation and symbols; dropping control,
     * format (bidi overrides, zero-width), private-use and unassigned characters and any other ASCII. Runs of white space
     * become one space; no leading dots.
     */
    static String strip(String raw) {
        if (raw == null) {
            return "";
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (!kept(cp)) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(cp);
        }
        return trimEnds(b.toString());
    }

    private static boolean kept(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        if (cp < 128) {
            return ASCII_KEPT.indexOf(cp) >= 0;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false; // Cc, Cf, Cs, Co, Cn, Zl, Zp and the rest
        }
    }

    /** No leading dots or spaces (hidden files, "..") and no trailing ones (Windows drops them). */
    private static String trimEnds(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == '.' || s.charAt(from) == ' ')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == '.' || s.charAt(to - 1) == ' ')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** At most {@code max} UTF-16 chars, never splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * {@code <disposition>; filename="<ascii>"; filename*=UTF-8''<pct-encoded>} (RFC 6266 section 4.3, RFC 5987): old
     * clients read the ASCII fallback, current ones the exact UTF-8 name. Safe for any {@code name}, cleaned or not.
     */
    static String contentDisposition(String disposition, String name) {
        String n = name == null || name.isEmpty() ? FALLBACK : name;
        return disposition + "; filename=\"" + asciiFallback(n) + "\"; filename*=UTF-8''" + rfc5987(n);
    }

    /** Letters, digits and {@link #FALLBACK_KEPT} of ASCII; runs of anything else become one {@code _}; "file" when no letter or digit is left. */
    static String asciiFallback(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = cp < 128 && (Character.isLetterOrDigit(cp) || FALLBACK_KEPT.indexOf(cp) >= 0);
            if (ok) {
                b.appendCodePoint(cp);
            } else if (b.length() == 0 || b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        String s = b.toString();
        int dot = s.lastIndexOf('.');
        String base = dot < 0 ? s : s.substring(0, dot);
        String ext = dot < 0 ? "" : s.substring(dot);
        base = base.replaceAll("^[_ .]+|[_ .]+$", "");
        if (!base.chars().anyMatch(Character::isLetterOrDigit)) {
            base = FALLBACK;
        }
        return base + (ext.chars().anyMatch(Character::isLetterOrDigit) ? ext : "");
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
    static String rfc5987(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || ATTR_CHAR.indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** The extension of a name as the user gave it, else the cleaned name cut to 40 chars (for the file.type message). */
    static String extensionOf(String raw) {
        String n = strip(raw);
        var m = EXTENSION.matcher(n);
        return m.find() ? m.group(1) : cut(n, 40);
    }
}
