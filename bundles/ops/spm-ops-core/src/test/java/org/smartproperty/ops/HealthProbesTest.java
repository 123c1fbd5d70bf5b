package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.testsupport.TestDatabase;

/** OPS-2 / OPS-4: the deep checks that run without the platform (disk, TLS certificates, database). */
class HealthProbesTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @TempDir
    Path tmp;

    @Test
    void diskIsUpWarningOrDownByTheShareOfFreeSpace_OPS_2() {
        assertEquals(HealthStatus.UP, HealthProbes.disk("data", tmp, 0, 0).status());
        HealthResult warn = HealthProbes.disk("data", tmp, 100.1, 0);
        assertEquals(HealthStatus.WARNING, warn.status(), warn.summary());
        assertTrue(((Number) warn.details().get("freeBytes")).longValue() > 0);
        assertEquals(HealthStatus.DOWN, HealthProbes.disk("data", tmp, 100.1, 100.1).status());
        assertEquals(HealthStatus.DOWN, HealthProbes.disk("backups", tmp.resolve("missing"), 15, 5).status());
    }

    @Test
    void certificateExpiringSoonIsWarningAndExpiredIsDown_OPS_2() throws Exception {
        Path soon = keystore("soon.p12", null, 10);
        HealthResult w = HealthProbes.certificates(soon, "changeit".toCharArray(), "PKCS12", 30, Clock.systemUTC());
        assertEquals(HealthStatus.WARNING, w.status(), w.summary());
        Path valid = keystore("valid.p12", null, 400);
        assertEquals(HealthStatus.UP, HealthProbes.certificates(valid, "changeit".toCharArray(), "PKCS12", 30, Clock.systemUTC()).status());
        Path expired = keystore("expired.p12", "-400d", 10);
        HealthResult d = HealthProbes.certificates(expired, "changeit".toCharArray(), "PKCS12", 30, Clock.systemUTC());
        assertEquals(HealthStatus.DOWN, d.status(), d.summary());
        assertTrue(d.summary().contains("expired"), d.summary());
        assertEquals(HealthStatus.DOWN, HealthProbes.certificates(valid, "wrong".toCharArray(), "PKCS12", 30, Clock.systemUTC()).status());
    }

    @Test
    void databaseProbeReportsLatencyAndMigrationsAndDownWhenUnreachable_OPS_2() throws Exception {
        HealthResult none = HealthProbes.database(db.dataSource(), 500);
        assertEquals(HealthStatus.DOWN, none.status(), "a schema without migrations is not a platform database: " + none.summary());
        db.migrate("db/security.changelog.xml");
        HealthResult up = HealthProbes.database(db.dataSource(), 60_000);
        assertEquals(HealthStatus.UP, up.status(), up.summary());
        assertTrue(((Number) up.details().get("migrations")).longValue() > 0);
        assertEquals(HealthStatus.WARNING, HealthProbes.database(db.dataSource(), -1).status());
        HealthResult down = HealthProbes.database(new SimpleDataSource("jdbc:postgresql://127.0.0.1:9/none", "x", "y"), 500);
        assertEquals(HealthStatus.DOWN, down.status());
    }

    /** A PKCS12 key store made by the JDK's keytool, valid for {@code days} from {@code start}. */
    private Path keystore(String name, String start, int days) throws Exception {
        Path ks = tmp.resolve(name);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "spm", "-keyalg", "EC",
                "-keysize", "256", "-dname", "CN=spm.test", "-validity", Integer.toString(days), "-storetype", "PKCS12", "-keystore",
                ks.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        if (start != null) {
            cmd.add("-startdate");
            cmd.add(start);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return ks;
    }
}
