package org.smartproperty.platform.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds active content in a PDF (issue 20 item 8): the names {@code /JavaScript}, {@code /JS} (JavaScript actions, the
 * document's JavaScript name tree, an OpenAction that runs a script), {@code /Launch} (starts a program) and {@code /AA}
 * (actions run automatically on open, close, print, page view…) anywhere in the file's objects. An OpenAction that only
 * shows a page is not active and passes.
 *
 * <p>The file is read with a PDF lexer, not searched as text: names are decoded ({@code /Java#53cript} is
 * {@code /JavaScript}), strings and comments are skipped (a title "About /JS" is harmless), stream data (page content,
 * images, fonts) is skipped, and object streams ({@code /Type /ObjStm}, PDF 1.5), where dictionaries may hide compressed,
 * are inflated and read too. An object stream that cannot be read (another filter, predictors, encryption, more than
 * {@code inflateLimit} bytes) makes the file {@link Unchecked}: refused rather than trusted.
 */
final class PdfActions {

    static final Set<String> ACTIVE = Set.of("JavaScript", "JS", "Launch", "AA");

    /** An object stream the check cannot read; the message names what (e.g. {@code /ObjStm /LZWDecode}). */
    static final class Unchecked extends Exception {
        private static final long serialVersionUID = 1L;

        Unchecked(String what) {
            super(what, null, false, false);
        }
    }

    private PdfActions() {
    }

    /** The first active name in the file ({@code "/JavaScript"}), or null when there is none. */
    static String find(Path file, long inflateLimit) throws IOException, Unchecked {
        return find(Files.readAllBytes(file), inflateLimit);
    }

    static String find(byte[] pdf, long inflateLimit) throws Unchecked {
        return new Scan(inflateLimit).scan(pdf, 0, pdf.length, 0);
    }

    private static final class Scan {
        private long budget;

        Scan(long inflateLimit) {
            this.budget = inflateLimit;
        }

        String scan(byte[] b, int from, int to, int level) throws Unchecked {
            Lexer lx = new Lexer(b, from, to);
            int depth = 0;
            int dictStart = -1;
            int lastDictStart = -1;
            int lastDictEnd = -1;
            Kind prev = null;
            for (Kind k = lx.next(); k != Kind.EOF; prev = k, k = lx.next()) {
                switch (k) {
                    case NAME -> {
                        String name = lx.name();
                        if (ACTIVE.contains(name)) {
                            return "/" + name;
                        }
                    }
                    case DICT_OPEN -> {
                        if (depth++ == 0) {
                            dictStart = lx.start;
                        }
                    }
                    case DICT_CLOSE -> {
                        if (depth > 0 && --depth == 0) {
                            lastDictStart = dictStart;
                            lastDictEnd = lx.end;
                        }
                    }
                    case OTHER -> {
                        if (lx.is("stream")) {
                            int data = lx.end;
                            if (data < to && b[data] == '\r') {
                                data++;
                            }
                            if (data < to && b[data] == '\n') {
                                data++;
                            }
                            int end = indexOf(b, ENDSTREAM, data, to);
                            int stop = end < 0 ? to : end;
                            if (prev == Kind.DICT_CLOSE && depth == 0 && lastDictEnd == lx.lastEnd) {
                                String found = stream(b, lastDictStart, lastDictEnd, data, stop, level);
                                if (found != null) {
                                    return found;
                                }
                            }
                            lx.i = end < 0 ? to : end + ENDSTREAM.length;
                            depth = 0;
                        }
                    }
                    default -> {
                        // arrays, strings, numbers, keywords: nothing to check
                    }
                }
            }
            return null;
        }

        /** Reads the data of an object stream (other streams are skipped); null when it holds nothing active. */
        private String stream(byte[] b, int dictFrom, int dictTo, int from, int to, int level) throws Unchecked {
            Dict d = Dict.of(b, dictFrom, dictTo);
            if (!d.objectStream()) {
                return null;
            }
            if (level > 0) {
                throw new Unchecked("/ObjStm in /ObjStm");
            }
            if (d.filters == null || d.predictor) {
                throw new Unchecked("/ObjStm /DecodeParms");
            }
            if (d.filters.isEmpty()) {
                return scan(b, from, to, level + 1);
            }
            if (!d.filters.equals(List.of("FlateDecode"))) {
                throw new Unchecked("/ObjStm /" + String.join(" /", d.filters));
            }
            byte[] plain = inflate(b, from, to);
            return scan(plain, 0, plain.length, level + 1);
        }

        private byte[] inflate(byte[] b, int from, int to) throws Unchecked {
            Inflater inf = new Inflater();
            try {
                inf.setInput(b, from, to - from);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[64 * 1024];
                while (!inf.finished()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        throw new Unchecked("/ObjStm /FlateDecode");
                    }
                    budget -= n;
                    if (budget < 0) {
                        throw new Unchecked("/ObjStm size");
                    }
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new Unchecked("/ObjStm /FlateDecode");
            } finally {
                inf.end();
            }
        }
    }

    /**
     * What matters of a stream dictionary: /Type, /Filter (null: not a plain name or array), whether a predictor is set and
     * whether it has /N and /First (readers take a stream for an object stream by the cross-reference table, whatever its
     * /Type says, so those two keys count as much as /Type /ObjStm).
     */
    private record Dict(String type, List<String> filters, boolean predictor, boolean nAndFirst) {

        boolean objectStream() {
            return "ObjStm".equals(type) || nAndFirst;
        }

        static Dict of(byte[] b, int from, int to) {
            Lexer lx = new Lexer(b, from, to);
            String type = null;
            List<String> filters = List.of();
            boolean predictor = false;
            int depth = 0;
            String key = null;
            boolean n = false;
            boolean first = false;
            for (Kind k = lx.next(); k != Kind.EOF; k = lx.next()) {
                if (k == Kind.DICT_OPEN) {
                    depth++;
                    if (depth == 2 && "DecodeParms".equals(key)) {
                        predictor |= hasPredictor(lx);
                        depth--;
                    }
                    key = null;
                    continue;
                }
                if (k == Kind.DICT_CLOSE) {
                    depth--;
                    continue;
                }
                if (depth != 1) {
                    continue;
                }
                if (k == Kind.NAME && key == null) {
                    key = lx.name();
                    n |= key.equals("N");
                    first |= key.equals("First");
                    continue;
                }
                switch (key == null ? "" : key) {
                    case "Type" -> type = k == Kind.NAME ? lx.name() : null;
                    case "Filter" -> filters = filterList(k, lx);
                    case "DecodeParms" -> {
                        if (k == Kind.ARRAY_OPEN) {
                            predictor |= hasPredictor(lx);
                        } else if (!(k == Kind.OTHER && lx.is("null"))) {
                            predictor = true; // an indirect reference: cannot tell, so not readable
                        }
                    }
                    default -> {
                        if (k == Kind.ARRAY_OPEN) {
                            skip(lx); // another key's array: its names are values, not keys
                        }
                    }
                }
                if (k == Kind.OTHER && key != null && !key.equals("DecodeParms")) {
                    skipReference(lx);
                }
                key = null;
            }
            return new Dict(type, filters, predictor, n && first);
        }

        private static List<String> filterList(Kind k, Lexer lx) {
            if (k == Kind.NAME) {
                return List.of(lx.name());
            }
            if (k != Kind.ARRAY_OPEN) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Kind x = lx.next(); x != Kind.ARRAY_CLOSE; x = lx.next()) {
                if (x != Kind.NAME) {
                    return null;
                }
                names.add(lx.name());
            }
            return names;
        }

        /** Consumes up to the end of the current dict or array; true when a /Predictor above 1 is in it. */
        private static boolean hasPredictor(Lexer lx) {
            int depth = 1;
            boolean found = false;
            boolean after = false;
            while (depth > 0) {
                Kind x = lx.next();
                if (x == Kind.EOF) {
                    break;
                }
                switch (x) {
                    case DICT_OPEN, ARRAY_OPEN -> depth++;
                    case DICT_CLOSE, ARRAY_CLOSE -> depth--;
                    case NAME -> {
                        after = lx.name().equals("Predictor");
                        continue;
                    }
                    case OTHER -> found |= after && !lx.is("1");
                    default -> {
                    }
                }
                after = false;
            }
            return found;
        }

        /** Consumes up to the end of the current array or dict, nested ones included. */
        private static void skip(Lexer lx) {
            int depth = 1;
            while (depth > 0) {
                Kind x = lx.next();
                if (x == Kind.EOF) {
                    break;
                }
                if (x == Kind.DICT_OPEN || x == Kind.ARRAY_OPEN) {
                    depth++;
                } else if (x == Kind.DICT_CLOSE || x == Kind.ARRAY_CLOSE) {
                    depth--;
                }
            }
        }

        /** After a number value, {@code n g R} may follow: consume {@code g R}. */
        private static void skipReference(Lexer lx) {
            int save = lx.i;
            if (lx.next() == Kind.OTHER && lx.next() == Kind.OTHER && lx.is("R")) {
                return;
            }
            lx.i = save;
        }
    }

    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] b, byte[] what, int from, int to) {
        outer:
        for (int i = from; i <= to - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private enum Kind { NAME, DICT_OPEN, DICT_CLOSE, ARRAY_OPEN, ARRAY_CLOSE, STRING, OTHER, EOF }

    /** PDF tokens (ISO 32000-1 7.2): white space and comments skipped, strings and hex strings as one token. */
    private static final class Lexer {
        final byte[] b;
        final int to;
        int i;
        int start;
        int end;
        /** End of the token before the current one. */
        int lastEnd = -1;

        Lexer(byte[] b, int from, int to) {
            this.b = b;
            this.i = from;
            this.to = to;
        }

        Kind next() {
            lastEnd = end;
            while (i < to) {
                int c = b[i] & 0xff;
                if (white(c)) {
                    i++;
                } else if (c == '%') {
                    while (i < to && b[i] != '\r' && b[i] != '\n') {
                        i++;
                    }
                } else {
                    break;
                }
            }
            start = i;
            if (i >= to) {
                end = i;
                return Kind.EOF;
            }
            int c = b[i] & 0xff;
            Kind k;
            switch (c) {
                case '/' -> {
                    i++;
                    while (i < to && !white(b[i] & 0xff) && !delimiter(b[i] & 0xff)) {
                        i++;
                    }
                    k = Kind.NAME;
                }
                case '<' -> {
                    if (i + 1 < to && b[i + 1] == '<') {
                        i += 2;
                        k = Kind.DICT_OPEN;
                    } else {
                        while (i < to && b[i] != '>') {
                            i++;
                        }
                        i = Math.min(to, i + 1);
                        k = Kind.STRING;
                    }
                }
                case '>' -> {
                    i += i + 1 < to && b[i + 1] == '>' ? 2 : 1;
                    k = Kind.DICT_CLOSE;
                }
                case '(' -> {
                    int depth = 0;
                    while (i < to) {
                        byte x = b[i++];
                        if (x == '\\') {
                            i++;
                        } else if (x == '(') {
                            depth++;
                        } else if (x == ')' && --depth == 0) {
                            break;
                        }
                    }
                    i = Math.min(i, to);
                    k = Kind.STRING;
                }
                case '[' -> {
                    i++;
                    k = Kind.ARRAY_OPEN;
                }
                case ']' -> {
                    i++;
                    k = Kind.ARRAY_CLOSE;
                }
                default -> {
                    if (delimiter(c)) {
                        i++; // a stray ) { }
                    } else {
                        while (i < to && !white(b[i] & 0xff) && !delimiter(b[i] & 0xff)) {
                            i++;
                        }
                    }
                    k = Kind.OTHER;
                }
            }
            end = i;
            return k;
        }

        /** The current NAME token without its slash, {@code #xx} escapes decoded. */
        String name() {
            StringBuilder s = new StringBuilder();
            for (int j = start + 1; j < end; j++) {
                int c = b[j] & 0xff;
                if (c == '#' && j + 2 < end) {
                    int hi = Character.digit(b[j + 1], 16);
                    int lo = Character.digit(b[j + 2], 16);
                    if (hi >= 0 && lo >= 0) {
                        s.append((char) (hi << 4 | lo));
                        j += 2;
                        continue;
                    }
                }
                s.append((char) c);
            }
            return s.toString();
        }

        boolean is(String keyword) {
            if (end - start != keyword.length()) {
                return false;
            }
            for (int j = 0; j < keyword.length(); j++) {
                if (b[start + j] != keyword.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean white(int c) {
            return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
        }

        private static boolean delimiter(int c) {
            return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
        }
    }
}
