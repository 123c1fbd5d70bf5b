package org.smartproperty.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smartproperty.ops.OpsReport.DomainVolume;
import org.smartproperty.ops.OpsReport.GroupStats;
import org.smartproperty.ops.OpsReport.Report;
import org.smartproperty.ops.OpsReport.RoleActivity;

/**
 * The report as ONE self-contained HTML file (OPS-6): inline CSS, bar charts as inline SVG, no
 * scripts and no external references; labels from the ops messages in the operator's language.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(Report r, Locale locale) {
        StringBuilder h = new StringBuilder(16_384);
        String title = t(locale, "report.title");
        h.append("<!DOCTYPE html>\n<html lang=\"").append(org.smartproperty.platform.Messages.supported(locale).toLanguageTag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(title)).append(" ").append(esc(r.period().label())).append("</title>\n<style>\n")
                .append("body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;margin:2em auto;max-width:60em;color:#222}\n")
                .append("h1{font-size:1.6em;border-bottom:2px solid #2a5d9f}h2{font-size:1.2em;color:#2a5d9f;margin-top:1.6em}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}th{background:#eef3fa}\n")
                .append(".warn{background:#fff4e0;border-left:4px solid #e08a00;padding:.5em 1em}.ok{color:#2a7d2a}.note{color:#666}\n")
                .append("svg text{font-size:12px}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(t(locale, "report.period"))).append(": <b>").append(esc(r.period().label()))
                .append("</b> (").append(esc(r.period().from().toString())).append(" – ").append(esc(r.period().to().toString())).append(", ")
                .append(esc(r.period().zone().getId())).append(")<br>").append(esc(t(locale, "report.generated"))).append(": ")
                .append(esc(r.generated().toString())).append("</p>\n");

        h.append("<h2>").append(esc(t(locale, "report.warnings"))).append("</h2>\n");
        if (r.warnings().isEmpty()) {
            h.append("<p class=\"ok\">").append(esc(t(locale, "report.noWarnings"))).append("</p>\n");
        } else {
            h.append("<div class=\"warn\"><ul>\n");
            r.warnings().forEach(w -> h.append("<li>").append(esc(w.message(locale))).append("</li>\n"));
            h.append("</ul></div>\n");
        }

        h.append("<h2>").append(esc(t(locale, "report.availability"))).append("</h2>\n<p>");
        var av = r.availability();
        h.append(esc(av.percent() == null ? t(locale, "report.availability.none")
                : t(locale, "report.availability.value", av.percent() + "%", av.minutesObserved(), av.minutesInPeriod(), av.nodes())));
        h.append("</p>\n");

        h.append("<h2>").append(esc(t(locale, "report.requests"))).append("</h2>\n");
        List<GroupStats> groups = new ArrayList<>(r.groups());
        groups.add(r.total());
        h.append("<table><tr>");
        for (String k : List.of("report.col.group", "report.col.requests", "report.col.4xx", "report.col.5xx", "report.col.errorRate",
                "report.col.p50", "report.col.p95", "report.col.p99")) {
            h.append("<th>").append(esc(t(locale, k))).append("</th>");
        }
        h.append("</tr>\n");
        for (GroupStats g : groups) {
            h.append("<tr><td>").append(esc(g.group().equals("*") ? t(locale, "report.total") : g.group())).append("</td><td>").append(g.requests())
                    .append("</td><td>").append(g.errors4xx()).append("</td><td>").append(g.errors5xx()).append("</td><td>")
                    .append(OpsReport.pct(g.errorRate())).append("</td><td>").append(ms(g.percentileMs(0.5))).append("</td><td>")
                    .append(ms(g.percentileMs(0.95))).append("</td><td>").append(ms(g.percentileMs(0.99))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.groups().isEmpty()) {
            h.append(bars(t(locale, "report.chart.requests"), r.groups().stream().map(g -> new Bar(g.group(), g.requests())).toList()));
            h.append(bars(t(locale, "report.chart.p95"), r.groups().stream()
                    .map(g -> new Bar(g.group(), g.percentileMs(0.95) == null ? 0 : Math.round(g.percentileMs(0.95)))).toList()));
        }

        h.append("<h2>").append(esc(t(locale, "report.data"))).append("</h2>\n<table><tr>");
        for (String k : List.of("report.col.domain", "report.col.tables", "report.col.rows", "report.col.created")) {
            h.append("<th>").append(esc(t(locale, k))).append("</th>");
        }
        h.append("</tr>\n");
        for (DomainVolume d : r.data()) {
            h.append("<tr><td>").append(esc(t(locale, "report.domain." + d.prefix()))).append(" (").append(esc(d.prefix())).append("_)</td><td>")
                    .append(d.tables()).append("</td><td>").append(d.rows()).append("</td><td>")
                    .append(d.createdInPeriod() == null ? "–" : d.createdInPeriod().toString()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append(bars(t(locale, "report.chart.rows"), r.data().stream().map(d -> new Bar(t(locale, "report.domain." + d.prefix()), d.rows())).toList()));

        h.append("<h2>").append(esc(t(locale, "report.activity"))).append("</h2>\n<table><tr>");
        for (String k : List.of("report.col.role", "report.col.logins", "report.col.active", "report.col.accounts")) {
            h.append("<th>").append(esc(t(locale, k))).append("</th>");
        }
        h.append("</tr>\n");
        for (RoleActivity a : r.activity()) {
            h.append("<tr><td>").append(esc(a.role())).append("</td><td>").append(a.logins()).append("</td><td>").append(a.activeAccounts())
                    .append("</td><td>").append(a.accounts()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (r.activity().stream().anyMatch(a -> a.logins() > 0)) {
            h.append(bars(t(locale, "report.chart.logins"), r.activity().stream().map(a -> new Bar(a.role(), a.logins())).toList()));
        }

        h.append("<h2>").append(esc(t(locale, "report.security"))).append("</h2>\n<table>\n<tr><td>").append(esc(t(locale, "report.sec.failedLogins")))
                .append("</td><td>").append(r.security().failedLogins()).append("</td></tr>\n");
        for (Map.Entry<String, Long> e : r.security().byAction().entrySet()) {
            h.append("<tr><td>").append(esc(t(locale, "report.sec." + e.getKey()))).append(" (").append(esc(e.getKey())).append(")</td><td>")
                    .append(e.getValue()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>").append(esc(t(locale, "report.backups"))).append("</h2>\n");
        var b = r.backups();
        if (b.directory() == null) {
            h.append("<p class=\"note\">").append(esc(t(locale, "report.bk.notChecked"))).append("</p>\n");
        } else {
            h.append("<table>\n");
            row(h, t(locale, "report.bk.dir"), b.directory());
            row(h, t(locale, "report.bk.taken"), b.taken());
            row(h, t(locale, "report.bk.failed"), b.failed());
            row(h, t(locale, "report.bk.verified"), b.verified() + " (" + t(locale, "report.bk.bad") + " " + b.verifyFailed() + ")");
            row(h, t(locale, "report.bk.restoreTested"), b.restoreTested() + " (" + t(locale, "report.bk.bad") + " " + b.restoreTestsFailed() + ")");
            row(h, t(locale, "report.bk.last"), b.lastBackupAt() == null ? "–" : b.lastBackupAt());
            h.append("</table>\n");
        }

        h.append("<h2>").append(esc(t(locale, "report.incidents"))).append("</h2>\n<p class=\"note\">").append(esc(t(locale, "report.incidents.none")))
                .append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(esc(String.valueOf(value))).append("</td></tr>\n");
    }

    private static String ms(Double v) {
        return v == null ? "–" : v + " ms";
    }

    record Bar(String label, long value) {
    }

    /** A horizontal bar chart as inline SVG. */
    static String bars(String title, List<Bar> bars) {
        int rowH = 22;
        int labelW = 170;
        int barW = 420;
        int height = 28 + rowH * Math.max(1, bars.size());
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg width=\"").append(labelW + barW + 90).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(esc(title))
                .append("</text>\n");
        int y = 24;
        for (Bar b : bars) {
            int w = (int) Math.round((double) b.value() * barW / max);
            s.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(b.label())).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"").append(rowH - 6).append("\" fill=\"#2a5d9f\"/>")
                    .append("<text x=\"").append(labelW + Math.max(w, 1) + 6).append("\" y=\"").append(y + 14).append("\">").append(b.value())
                    .append("</text>\n");
            y += rowH;
        }
        s.append("</svg></figure>\n");
        return s.toString();
    }

    private static String t(Locale locale, String key, Object... args) {
        return OpsMessages.format(locale, key, args);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
