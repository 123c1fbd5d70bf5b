package org.smartproperty.analytics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.smartproperty.analytics.AnalyticsFilter;
import org.smartproperty.analytics.AnalyticsMessages;
import org.smartproperty.analytics.StatRow;
import org.smartproperty.analytics.StatTable;
import org.smartproperty.analytics.TrendPoint;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;

/** The REST layer's parsing (months, ids, subject, format) and the CSV / XLSX exports in the caller's language (ANA-1..6). */
class AnalyticsResourceTest {

    static StatTable table() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("complaints", 2L);
        v1.put("satisfaction", new java.math.BigDecimal("87.50"));
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("complaints", 2L);
        v2.put("satisfaction", null);
        return new StatTable("estates", "estate", List.of("complaints", "satisfaction"), "complaints", true,
                List.of(new StatRow(1, 10, "East, \"Garden\"", "Hengqin", v1), new StatRow(1, 12, "=HYPERLINK(1)", null, v2)), 0, 20, 2);
    }

    @Test
    void monthsIdsAndSubjectAreParsedIntoFieldErrors() {
        Validation v = new Validation(AnalyticsMessages.TEXTS);
        AnalyticsFilter f = AnalyticsResource.filter(v, "2026-01", "2026-12", "10", null, " East ", "committee");
        assertTrue(!v.hasErrors(), v.errors().toString());
        assertEquals(new AnalyticsFilter(202601, 202612, 10L, null, "East", "COMMITTEE"), f);
        Validation bad = new Validation(AnalyticsMessages.TEXTS);
        AnalyticsResource.filter(bad, "2026-13", "26-01", "x", "-1", null, null);
        assertEquals(Set.of("from", "to", "estateId", "companyId"), bad.errors().stream().map(e -> e.field()).collect(Collectors.toSet()));
        Validation fmt = new Validation(AnalyticsMessages.TEXTS);
        assertNull(AnalyticsResource.format(fmt, "json"));
        assertEquals("xlsx", AnalyticsResource.format(fmt, "XLSX"));
        AnalyticsResource.format(fmt, "pdf");
        assertEquals("format", fmt.errors().get(0).field());
        assertEquals(404, assertThrows(ApiException.class, () -> AnalyticsResource.view("houses")).status());
        assertEquals("satisfaction", AnalyticsResource.view("satisfaction").path());
    }

    @Test
    void csvHasTheCallersHeadersQuotingAndNoFormulas() {
        AnalyticsExport.Export r = AnalyticsExport.table(table(), "csv", Messages.ENGLISH, "estates");
        String body = r.text();
        assertTrue(body.startsWith("\uFEFFRank,Name,Community,Complaints received,Satisfaction (0–100)\r\n"), body);
        assertTrue(body.contains("1,\"East, \"\"Garden\"\"\",Hengqin,2,87.50\r\n"), body);
        assertTrue(body.contains("1,'=HYPERLINK(1),,2,\r\n"), "a formula is defused: " + body);
        assertEquals("analytics-estates.csv", r.fileName());
        String zh = AnalyticsExport.table(table(), "csv", Messages.DEFAULT_LOCALE, "estates").text();
        assertTrue(zh.startsWith("\uFEFF排名,名称,社区,投诉受理数"), zh);
        String pt = AnalyticsExport.table(table(), "csv", Messages.PORTUGUESE, "estates").text();
        assertTrue(pt.startsWith("\uFEFFPosição,Nome"), pt);
    }

    @Test
    void xlsxIsAWorkbookWithTheHeaders() throws Exception {
        AnalyticsExport.Export r = AnalyticsExport.table(table(), "xlsx", Messages.TRADITIONAL_CHINESE, "estates");
        assertEquals(AnalyticsExport.XLSX, r.mediaType());
        byte[] bytes = r.body();
        String shared;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("analytics", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry("xl/sharedStrings.xml");
                shared = e == null ? null : java.util.regex.Pattern.compile("&#x([0-9a-f]+);").matcher(
                        new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8))
                        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertTrue(shared != null && shared.contains("投訴受理數") && shared.contains("排名"), String.valueOf(shared));
        AnalyticsExport.Export trend = AnalyticsExport.trend(List.of(new TrendPoint("2026-03", Map.of("complaints", 2L))), "csv", Messages.ENGLISH, "estates-trend");
        assertEquals("\uFEFFMonth,Complaints received\r\n2026-03,2\r\n", trend.text());
    }
}
