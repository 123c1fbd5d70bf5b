package org.smartproperty.analytics.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.smartproperty.analytics.AnalyticsMessages;
import org.smartproperty.analytics.StatRow;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;

/**
 * CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese headers; RFC 4180 quoting; a cell starting
 * with = + - @ is prefixed with an apostrophe against formula injection) and XLSX (fastexcel, embedded privately in this
 * bundle: Apache POI's jars are no OSGi bundles and pull XMLBeans and half a dozen others) of a ranking or a trend, with
 * the headers in the caller's language.
 */
final class AnalyticsExport {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private AnalyticsExport() {
    }

    static List<String> headers(StatTable t, Locale locale) {
        List<String> h = new ArrayList<>();
        h.add(text(locale, "column.rank"));
        h.add(text(locale, "column.name"));
        if (t.grain().equals("estate")) {
            h.add(text(locale, "column.community"));
        }
        for (String c : t.columns()) {
            h.add(text(locale, "column." + c));
        }
        return h;
    }

    static List<List<Object>> rows(StatTable t) {
        List<List<Object>> rows = new ArrayList<>();
        for (StatRow r : t.rows()) {
            List<Object> row = new ArrayList<>();
            row.add(r.rank());
            row.add(r.name());
            if (t.grain().equals("estate")) {
                row.add(r.community());
            }
            for (String c : t.columns()) {
                row.add(r.values().get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** An export's bytes, media type and file name. */
    record Export(byte[] body, String mediaType, String fileName) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Export table(StatTable t, String format, Locale locale, String name) {
        return build(headers(t, locale), rows(t), format, text(locale, "view." + t.view()), name);
    }

    static Export trend(List<TrendPoint> points, String format, Locale locale, String name) {
        List<String> keys = points.isEmpty() ? List.of() : List.copyOf(points.get(0).values().keySet());
        List<String> h = new ArrayList<>();
        h.add(text(locale, "column.month"));
        for (String k : keys) {
            h.add(text(locale, "column." + k));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TrendPoint p : points) {
            List<Object> row = new ArrayList<>();
            row.add(p.month());
            for (String k : keys) {
                row.add(p.values().get(k));
            }
            rows.add(row);
        }
        return build(h, rows, format, name, name);
    }

    private static String text(Locale locale, String key) {
        return AnalyticsMessages.TEXTS.format(locale, key);
    }

    private static Export build(List<String> headers, List<List<Object>> rows, String format, String sheet, String name) {
        byte[] body = format.equals("csv") ? csv(headers, rows) : xlsx(headers, rows, sheet);
        return new Export(body, format.equals("csv") ? CSV + "; charset=UTF-8" : XLSX, "analytics-" + name + "." + format);
    }

    static byte[] csv(List<String> headers, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, new ArrayList<>(headers));
        for (List<Object> r : rows) {
            line(sb, r);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String s = v.toString();
            if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    static byte[] xlsx(List<String> headers, List<List<Object>> rows, String sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, headers, rows, sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, List<String> headers, List<List<Object>> rows, String sheet) throws IOException {
        Workbook wb = new Workbook(out, "SmartProperty", "1.0");
        Worksheet ws = wb.newWorksheet(sheet.length() > 31 ? sheet.substring(0, 31) : sheet);
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
    }
}
