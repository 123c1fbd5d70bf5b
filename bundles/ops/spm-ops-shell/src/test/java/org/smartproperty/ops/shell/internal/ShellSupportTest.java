package org.smartproperty.ops.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's restore drill and restore find the platform's database as its DataSource does (issue 11 item 1, OPS-3):
 * system property over environment over {@code etc/org.smartproperty.db.cfg}.
 */
class ShellSupportTest {

    @TempDir
    Path etc;
    String previousEtc = System.getProperty("karaf.etc");

    @AfterEach
    void restoreEtc() {
        if (previousEtc == null) {
            System.clearProperty("karaf.etc");
        } else {
            System.setProperty("karaf.etc", previousEtc);
        }
    }

    @Test
    void theEnvironmentOverridesTheFileAndASystemPropertyOverridesBoth_OPS_3() throws Exception {
        Files.writeString(etc.resolve("org.smartproperty.db.cfg"), "url = jdbc:h2:retry:${karaf.data}/db/spm;MODE=PostgreSQL\nuser = sa\n");
        System.setProperty("karaf.etc", etc.toString());
        Map<String, String> env = Map.of("SPM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/spm", "SPM_DB_USER", "spm");
        Properties fileOnly = ShellSupport.dbConfig(k -> null, k -> null);
        assertEquals("jdbc:h2:retry:${karaf.data}/db/spm;MODE=PostgreSQL", fileOnly.getProperty("url"));
        Properties withEnv = ShellSupport.dbConfig(k -> null, env::get);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/spm", withEnv.getProperty("url"));
        assertEquals("spm", withEnv.getProperty("user"));
        Properties withProperty = ShellSupport.dbConfig(k -> k.equals("spm.db.url") ? "jdbc:postgresql://db:5432/other" : null, env::get);
        assertEquals("jdbc:postgresql://db:5432/other", withProperty.getProperty("url"));
        assertEquals("spm", withProperty.getProperty("user"), "each setting on its own");
    }
}
