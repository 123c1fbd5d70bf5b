package org.smartproperty.ops.shell.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-6: {@code spm:report} on the platform's DataSource writes the HTML file and answers the summary. */
class ReportCommandTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    @Test
    void writesTheHtmlAndPrintsTheSummary_OPS_6() throws Exception {
        db.migrate("db/estate.changelog.xml");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO est_estate (id, name, address, community, admin_code, status, version, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (1, '横琴一号', '环岛东路 1 号', '小横琴社区', '440404', 'ACTIVE', 1, now(), 'shell', now(), 'shell')");
        }
        ReportCommand cmd = new ReportCommand();
        cmd.dataSource = db.dataSource();
        cmd.from = java.time.LocalDate.now().minusDays(1).toString();
        cmd.to = java.time.LocalDate.now().plusDays(1).toString();
        cmd.out = tmp.resolve("r.html").toString();
        cmd.backups = tmp.resolve("backups").toString();
        String text = String.valueOf(cmd.execute());
        assertTrue(text.contains("GROUP") && text.contains(tmp.resolve("r.html").toString()), text);
        assertTrue(text.contains("WARNING"), "no backup in the period: " + text);
        String html = Files.readString(tmp.resolve("r.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg"), html);
        assertFalse(html.contains("http://") || html.contains("https://"));
        cmd.period = "2026-99";
        cmd.from = null;
        cmd.to = null;
        assertFalse(String.valueOf(cmd.execute()).contains("GROUP"), "a bad period is refused");
    }
}
