package org.smartproperty.ops.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.smartproperty.ops.OpsException;
import org.smartproperty.ops.OpsMessages;
import org.smartproperty.ops.OpsReport;
import org.smartproperty.ops.ReportHtml;

/**
 * {@code spm:report}: the operational report of a month or date range (OPS-6) from the running
 * platform's database; writes the self-contained HTML file and prints the summary. The backup
 * folder defaults to the daily backup's {@code directory} (etc/org.smartproperty.ops.backup.cfg).
 */
@Command(scope = "spm", name = "report", description = "Operational report of a period (HTML file + summary): availability, requests, data, users, security, backups")
@Service
public class ReportCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Option(name = "--period", description = "month YYYY-MM")
    String period;

    @Option(name = "--from", description = "first day YYYY-MM-DD (with --to)")
    String from;

    @Option(name = "--to", description = "last day YYYY-MM-DD (included)")
    String to;

    @Option(name = "--out", description = "HTML file to write (default: data/reports/spm-report-<period>.html)")
    String out;

    @Option(name = "--backups", description = "folder of the backup archives (default: the daily backup's directory)")
    String backups;

    @Override
    public Object execute() {
        Locale locale = OpsMessages.fromEnvironment();
        try {
            OpsReport.Period p = OpsReport.Period.of(period, from, to, ZoneId.systemDefault());
            Path dir = backups != null ? Path.of(backups) : scheduledBackupDir();
            OpsReport.Report r = new OpsReport().build(dataSource, p, dir);
            Path html = out != null ? Path.of(out) : defaultOut(p);
            if (html.toAbsolutePath().getParent() != null) {
                Files.createDirectories(html.toAbsolutePath().getParent());
            }
            Files.writeString(html, ReportHtml.render(r, locale), StandardCharsets.UTF_8);
            return OpsReport.text(r, locale) + OpsMessages.format(locale, "report.written", html.toAbsolutePath());
        } catch (OpsException e) {
            return e.message(locale);
        } catch (IOException e) {
            return OpsMessages.format(locale, "cli.failed", e.toString());
        }
    }

    private static Path defaultOut(OpsReport.Period p) {
        Path data = ShellSupport.karafDir("karaf.data");
        Path name = Path.of("spm-report-" + p.label().replace('/', '_') + ".html");
        return data == null ? name : data.resolve("reports").resolve(name);
    }

    /** The {@code directory} of the daily backup's configuration, or null. */
    static Path scheduledBackupDir() {
        Path etc = ShellSupport.karafDir("karaf.etc");
        if (etc == null || !Files.isRegularFile(etc.resolve("org.smartproperty.ops.backup.cfg"))) {
            return null;
        }
        Properties cfg = new Properties();
        try (InputStream in = Files.newInputStream(etc.resolve("org.smartproperty.ops.backup.cfg"))) {
            cfg.load(in);
        } catch (IOException e) {
            return null;
        }
        String d = cfg.getProperty("directory");
        return d == null || d.isBlank() ? null : Path.of(d.trim());
    }
}
