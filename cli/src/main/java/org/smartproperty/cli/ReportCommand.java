package org.smartproperty.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.OpsReport;
import org.smartproperty.ops.ReportHtml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spm report} (OPS-6): the operational report of a month or a date range, straight from the
 * database; writes one self-contained HTML file and prints the figures (table or JSON). Exit 0,
 * 1 when the period has WARNING-level facts (5xx rate above 5 %, no backup), 2 without any data.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Operational report of a period: availability, requests, data, users, security, backups (OPS-6)")
public class ReportCommand extends OpsCommand {

    @Option(names = "--period", description = "Month YYYY-MM")
    String period;

    @Option(names = "--from", description = "First day YYYY-MM-DD (with --to)")
    String from;

    @Option(names = "--to", description = "Last day YYYY-MM-DD (included)")
    String to;

    @Option(names = "--zone", description = "Time zone of the period (default: the system's)")
    String zone;

    @Option(names = "--out", description = "HTML file to write (default: spm-report-<period>.html in the current folder)")
    Path outFile;

    @Option(names = "--backups", description = "Folder of the backup archives (its spm-backup-records.jsonl)")
    Path backups;

    @Override
    String command() {
        return "report";
    }

    @Override
    int failureCode(OpsException e) {
        return e.key().startsWith("cli.") || e.key().equals("report.badPeriod") ? Spm.USAGE : Spm.UNKNOWN;
    }

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        ZoneId z;
        try {
            z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new OpsException("report.badPeriod", zone);
        }
        OpsReport.Period p = OpsReport.Period.of(period, from, to, z);
        OpsReport.Report r = new OpsReport().build(common.db().dataSource(), p, backups);
        int code = r.empty() ? Spm.CRITICAL : r.warnings().isEmpty() ? Spm.OK : Spm.WARNING;
        Path html = outFile != null ? outFile : Path.of("spm-report-" + p.label().replace('/', '_') + ".html");
        if (html.toAbsolutePath().getParent() != null) {
            Files.createDirectories(html.toAbsolutePath().getParent());
        }
        Files.writeString(html, ReportHtml.render(r, common.locale), StandardCharsets.UTF_8);
        List<Map<String, Object>> records = OpsReport.records(r, common.locale);
        if (common.json()) {
            ObjectNode env = common.envelope(command(), code);
            ArrayNode arr = (ArrayNode) env.get("records");
            for (Map<String, Object> m : records) {
                arr.add(Common.JSON.valueToTree(m));
            }
            ObjectNode f = Common.record(env, "report.file");
            f.put("path", html.toAbsolutePath().toString());
            print(out, env);
            return code;
        }
        out.print(OpsReport.text(r, common.locale));
        out.println(OpsMessages.format(common.locale, "report.written", html.toAbsolutePath()));
        return code;
    }
}
