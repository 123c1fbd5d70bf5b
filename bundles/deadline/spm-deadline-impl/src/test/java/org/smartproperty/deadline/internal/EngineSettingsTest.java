package org.smartproperty.deadline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Validation of PID org.smartproperty.deadline: every problem reported at once, nothing partially applied (SLA-2, SLA-3). */
class EngineSettingsTest {

    @Test
    void defaults_SLA_2_SLA_3() {
        EngineSettings s = EngineSettings.DEFAULTS;
        assertEquals(60, s.intervalSeconds());
        assertEquals(ZoneId.of("Asia/Shanghai"), s.zone());
        assertEquals(2, s.officeHours().size());
        assertEquals(LocalTime.of(14, 0), s.officeHours().get(1).from());
        assertEquals(0.75, s.warningRatio());
    }

    @Test
    void everyProblemIsReported_SLA_3() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.of(2, true, "14:00-12:00,bad,08:00-09:00", "Mars/Olympus", 1.0));
        String m = e.getMessage();
        assertTrue(m.contains("intervalSeconds"), m);
        assertTrue(m.contains("14:00-12:00 ends before it starts"), m);
        assertTrue(m.contains("'bad' is not HH:mm-HH:mm"), m);
        assertTrue(m.contains("zone 'Mars/Olympus'"), m);
        assertTrue(m.contains("warningRatio"), m);
    }

    @Test
    void overlappingOrUnorderedPeriodsAndZeroRatioAreRefused_SLA_3() {
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.of(60, true, "09:00-12:00,11:00-18:00", "Asia/Shanghai", 0.75));
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.of(60, true, "14:00-18:00,09:00-12:00", "Asia/Shanghai", 0.75));
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.of(60, true, "", "Asia/Shanghai", 0.75));
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.of(60, true, "09:00-18:00", "Asia/Shanghai", 0));
        assertEquals(1, EngineSettings.of(5, false, " 08:30-17:30 ", "UTC", 0.5).officeHours().size());
    }
}
