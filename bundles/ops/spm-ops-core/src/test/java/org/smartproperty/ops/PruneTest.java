package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.ops.BackupReports.PruneReport;

/** OPS-3 retention: newest per day / ISO week / month, newest always kept, foreign files untouched. */
class PruneTest {

    @TempDir
    Path dir;

    private void archive(String stamp) throws Exception {
        Files.writeString(dir.resolve("spm-backup-" + stamp + "-host.spmbak"), "x");
    }

    @Test
    void keepsTheNewestPerDayWeekAndMonth_OPS_3() throws Exception {
        // two a day from 2026-09-01 to 2026-11-27
        for (LocalDate d = LocalDate.of(2026, 9, 1); !d.isAfter(LocalDate.of(2026, 11, 27)); d = d.plusDays(1)) {
            String day = d.toString().replace("-", "");
            archive(day + "T020000Z");
            archive(day + "T140000Z");
        }
        Files.writeString(dir.resolve("my-notes.spmbak"), "not ours");
        Files.writeString(BackupService.restoreTestRecord(dir.resolve("spm-backup-20261001T020000Z-host.spmbak")), "{}");
        BackupService backups = new BackupService();
        PruneReport dry = backups.prune(dir, 7, 4, 3, true);
        assertTrue(dry.dryRun());
        assertTrue(Files.exists(dir.resolve("spm-backup-20261001T020000Z-host.spmbak")), "dry run deletes nothing");

        PruneReport r = backups.prune(dir, 7, 4, 3, false);
        List<String> kept = Fixture.names(r.kept());
        // 7 days: 21..27 Nov (the 14:00 one of each)
        for (int d = 21; d <= 27; d++) {
            assertTrue(kept.contains("spm-backup-202611" + d + "T140000Z-host.spmbak"), "day " + d);
        }
        assertFalse(kept.contains("spm-backup-20261127T020000Z-host.spmbak"));
        // 4 weeks: newest of weeks 48 (27 Nov), 47 (22 Nov, Sunday), 46 (15 Nov), 45 (8 Nov)
        assertTrue(kept.contains("spm-backup-20261115T140000Z-host.spmbak"));
        assertTrue(kept.contains("spm-backup-20261108T140000Z-host.spmbak"));
        // 3 months: November (27th), October (31st), September (30th)
        assertTrue(kept.contains("spm-backup-20261031T140000Z-host.spmbak"));
        assertTrue(kept.contains("spm-backup-20260930T140000Z-host.spmbak"));
        assertEquals(7 + 2 + 2, kept.size(), kept.toString()); // weeks 48 and 47 and November are covered by the days
        assertEquals(88 * 2 - kept.size(), r.deleted().size());
        assertFalse(Files.exists(dir.resolve("spm-backup-20261001T020000Z-host.spmbak")));
        assertFalse(Files.exists(BackupService.restoreTestRecord(dir.resolve("spm-backup-20261001T020000Z-host.spmbak"))));
        assertTrue(Files.exists(dir.resolve("my-notes.spmbak")));
        assertEquals(kept.size(), backups.list(dir).size());
    }

    @Test
    void zeroKeepsOnlyTheNewestAndNegativeIsRefused_OPS_3() throws Exception {
        archive("20261101T000000Z");
        archive("20261102T000000Z");
        BackupService backups = new BackupService();
        assertEquals(List.of("spm-backup-20261102T000000Z-host.spmbak"), Fixture.names(backups.prune(dir, 0, 0, 0, false).kept()));
        assertThrows(OpsException.class, () -> backups.prune(dir, -1, 0, 0, false));
    }
}
