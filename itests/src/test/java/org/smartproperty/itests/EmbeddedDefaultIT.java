package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The distribution as shipped: embedded H2 database under data/, demo data seeded, and the
 * maintenance-window hot swap of the estate impl bundle (docs/operations.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmbeddedDefaultIT extends SpmTestSupport {

    static final String ESTATE_IMPL = "org.smartproperty.estate.impl";

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] config() {
        // admin endpoints allowed only from a range the test client is not in
        return distribution(List.of(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.smartproperty.security.cfg", "network.adminAllow", "10.99.0.0/16")));
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    @Test
    public void servesDemoEstatesFromTheEmbeddedDatabaseUnderData() {
        JsonNode r = json(readyAsOperator());
        assertTrue(r.at("/checks/database/details/product").asText(), r.at("/checks/database/details/product").asText().startsWith("H2"));
        assertTrue(Files.isDirectory(Path.of(System.getProperty("karaf.data"), "db")));
        JsonNode page = json(get("/estates?bbox=113.47,22.08,113.57,22.16&size=50"));
        assertTrue(page.get("total").asInt() >= 30);
    }

    @Test
    public void estateImplSwappedInAMaintenanceWindowComesBackAndStaysUpdated() throws Exception {
        Bundle impl = bundle(ESTATE_IMPL);
        assertNotNull(impl);
        long id = impl.getBundleId();
        String location = impl.getLocation();
        assertEquals("mvn:org.smartproperty/spm-estate-impl/0.1.0-SNAPSHOT", location);

        // 1. the new build goes into system/ at the bundle's own coordinates (docs/operations.md)
        Path jar = Path.of(System.getProperty("karaf.home"), "system/org/smartproperty/spm-estate-impl/0.1.0-SNAPSHOT/spm-estate-impl-0.1.0-SNAPSHOT.jar");
        Files.write(jar, withHeader(Files.readAllBytes(jar), "SPM-Build", "hotfix-it"));

        // 2. the rest of the platform keeps serving while the bundle is updated
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger healthFailures = new AtomicInteger();
        AtomicInteger healthCalls = new AtomicInteger();
        Thread prober = new Thread(() -> {
            while (!stop.get()) {
                HttpResponse<String> h = get("/health");
                healthCalls.incrementAndGet();
                if (h == null || h.statusCode() != 200) {
                    healthFailures.incrementAndGet();
                }
            }
        });
        prober.start();
        impl.update();
        await("/estates?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        stop.set(true);
        prober.join();
        assertEquals("liveness failed during the swap", 0, healthFailures.get());
        assertTrue(healthCalls.get() > 0);
        assertEquals("hotfix-it", bundle(ESTATE_IMPL).getHeaders().get("SPM-Build"));
        assertEquals(id, bundle(ESTATE_IMPL).getBundleId());

        // 3. a later feature:install of something else keeps the updated bundle
        features.installFeature("scheduler");
        await("/estates?size=1", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        Bundle after = bundle(ESTATE_IMPL);
        assertEquals("hotfix-it", after.getHeaders().get("SPM-Build"));
        assertEquals(Bundle.ACTIVE, after.getState());
        await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** The same jar with one more manifest header: stands for a rebuilt bundle. */
    static byte[] withHeader(byte[] jar, String name, String value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest mf = in.getManifest();
            mf.getMainAttributes().put(new Attributes.Name(name), value);
            try (JarOutputStream jos = new JarOutputStream(out, mf)) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    jos.putNextEntry(new JarEntry(e.getName()));
                    copy(in, jos);
                    jos.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, java.io.OutputStream out) throws java.io.IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
    }

    @Test
    public void adminEndpointsFromOutsideTheAllowListAreRefusedAndRecorded() throws Exception {
        HttpResponse<String> r = get("/audit");
        assertEquals(403, r.statusCode());
        assertEquals("network.denied", json(r).get("code").asText());
        javax.sql.DataSource ds = context.getService(context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=spm)").iterator().next());
        try (java.sql.Connection c = ds.getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM aud_event WHERE action = 'network.denied' AND outcome = 'DENIED'")) {
            rs.next();
            assertTrue(rs.getLong(1) >= 1);
        }
        assertEquals("business endpoints stay reachable", 200, get("/estates?size=1").statusCode());
    }
}
