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
 * maintenance-window hot swap of the impl bundles (docs/operations.md): the estate bundle's update
 * surviving a later feature operation, and every domain's impl swapped in turn under traffic
 * (issue 10 item 6). A container of its own ({@code PerClass}, not the one the PostgreSQL suites
 * share): the embedded database, an admin allow-list the test client is outside of, and bundles
 * replaced.
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

    /** The statuses of a list's items, field {@code field}. */
    private static java.util.Set<String> statuses(JsonNode items, String field) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        items.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    @Test
    public void demoRegistryFillsEveryListWithinEachAccountsScope_issue11_item2() {
        // the regulator: every estate's managing company is in the registry, with filings in several states
        JsonNode estates = json(get("/estates?size=50&sort=id")).get("items");
        long firstEstate = -1;
        long firstCompany = -1;
        java.util.Map<Long, Long> companyOfEstate = new java.util.HashMap<>();
        for (JsonNode e : estates) {
            if (e.get("projectCode").asText().startsWith("HQ-DEMO-")) {
                assertTrue(e.get("name").asText(), e.hasNonNull("companyId"));
                companyOfEstate.put(e.get("id").asLong(), e.get("companyId").asLong());
                assertEquals(e.get("name").asText() + " names a registered company", 200, get("/companies/" + e.get("companyId").asLong()).statusCode());
                if (e.get("projectCode").asText().equals("HQ-DEMO-001")) {
                    firstEstate = e.get("id").asLong();
                    firstCompany = e.get("companyId").asLong();
                }
            }
        }
        assertTrue(companyOfEstate.size() >= 30);
        JsonNode companies = json(get("/companies?size=50"));
        assertTrue(companies.toString(), companies.get("total").asInt() >= 5);
        assertTrue(statuses(companies.get("items"), "status").toString(), statuses(companies.get("items"), "status").containsAll(List.of("FILED", "APPLYING")));
        java.util.Set<String> filingStatuses = new java.util.TreeSet<>();
        for (JsonNode c : companies.get("items")) {
            filingStatuses.addAll(statuses(json(get("/companies/" + c.get("id").asLong() + "/filings")), "status"));
        }
        assertTrue(filingStatuses.toString(), filingStatuses.containsAll(List.of("APPROVED", "SUBMITTED", "RETURNED")));
        assertTrue(json(get("/public/companies", "Authorization", "none")).get("total").asInt() >= 3);
        // committees for about half of the estates, filings approved, pending and returned
        JsonNode committees = json(get("/committees?size=50"));
        assertTrue(committees.toString(), committees.get("total").asInt() >= companyOfEstate.size() / 2);
        java.util.Set<String> committeeFilings = new java.util.TreeSet<>();
        for (JsonNode c : committees.get("items")) {
            assertTrue(json(get("/committees/" + c.get("id").asLong() + "/members")).size() >= 5);
            committeeFilings.addAll(statuses(json(get("/committees/" + c.get("id").asLong() + "/filings")), "status"));
        }
        assertTrue(committeeFilings.toString(), committeeFilings.containsAll(List.of("APPROVED", "SUBMITTED", "RETURNED")));
        assertTrue(json(get("/public/committees", "Authorization", "none")).get("total").asInt() >= companyOfEstate.size() / 2);

        // demo-company sees its own company and the committees of the estates it manages, nothing else
        String company = login("demo-company", DEMO_PASSWORD, null);
        JsonNode own = json(getAs(company, "/companies?size=50"));
        assertEquals(own.toString(), 1, own.get("total").asInt());
        assertEquals(firstCompany, own.at("/items/0/id").asLong());
        JsonNode managed = json(getAs(company, "/committees?size=50"));
        assertTrue(managed.toString(), managed.get("total").asInt() >= 1);
        for (JsonNode c : managed.get("items")) {
            assertEquals(c.toString(), (Long) firstCompany, companyOfEstate.get(c.get("estateId").asLong()));
        }
        // demo-committee and demo-owner: the committee of 澳门新街坊 only
        for (String account : List.of("demo-committee", "demo-owner")) {
            JsonNode mine = json(getAs(login(account, DEMO_PASSWORD, null), "/committees?size=50"));
            assertEquals(account + " " + mine, 1, mine.get("total").asInt());
            assertEquals(account, firstEstate, mine.at("/items/0/estateId").asLong());
        }
    }

    @Test
    public void demoCasesFillEveryListWithinEachAccountsScope_issue11_item2() {
        long firstEstate = -1;
        long firstCompany = -1;
        for (JsonNode e : json(get("/estates?size=50&sort=id")).get("items")) {
            if (e.get("projectCode").asText().equals("HQ-DEMO-001")) {
                firstEstate = e.get("id").asLong();
                firstCompany = e.get("companyId").asLong();
            }
        }
        // the regulator sees every case, in several statuses each
        java.util.Map<String, Integer> minStatuses = java.util.Map.of("/complaints", 5, "/repairs", 5, "/patrols", 3, "/patrols/reports", 2);
        for (var m : minStatuses.entrySet()) {
            JsonNode page = json(get(m.getKey() + "?size=200"));
            assertTrue(m.getKey() + " " + page, page.get("total").asInt() > 0);
            java.util.Set<String> st = statuses(page.get("items"), "status");
            assertTrue(m.getKey() + " " + st, st.size() >= m.getValue());
        }
        assertTrue(json(get("/complaints?size=200")).get("total").asInt() >= 34);
        // demo-company: the cases of its company's estates only
        String company = login("demo-company", DEMO_PASSWORD, null);
        for (String list : List.of("/complaints", "/repairs", "/patrols", "/patrols/reports")) {
            JsonNode page = json(getAs(company, list + "?size=200"));
            assertTrue("demo-company " + list + " " + page, page.get("total").asInt() > 0);
            for (JsonNode i : page.get("items")) {
                assertEquals("demo-company " + list + " " + i, firstCompany, i.get("companyId").asLong());
            }
        }
        // demo-committee and demo-owner: cases of 澳门新街坊 only
        for (String account : List.of("demo-committee", "demo-owner")) {
            String token = login(account, DEMO_PASSWORD, null);
            for (String list : List.of("/complaints", "/repairs", "/patrols/reports")) {
                if (account.equals("demo-committee") && list.equals("/patrols/reports")) {
                    continue;
                }
                JsonNode page = json(getAs(token, list + "?size=200"));
                assertTrue(account + " " + list + " " + page, page.get("total").asInt() > 0);
                for (JsonNode i : page.get("items")) {
                    assertEquals(account + " " + list + " " + i, firstEstate, i.get("estateId").asLong());
                }
            }
        }
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

    /** A domain's impl bundle, the services it registers and a GET the regulator may make (docs/operations.md, issue 10 item 6). */
    record Domain(String name, String artifact, List<String> services, String probe) {
        String bsn() {
            return "org.smartproperty." + name + ".impl";
        }
    }

    static final List<Domain> DOMAINS = List.of(
            new Domain("estate", "spm-estate-impl", List.of("org.smartproperty.estate.EstateService"), "/estates?size=1"),
            new Domain("company", "spm-company-impl", List.of("org.smartproperty.company.CompanyService"), "/companies?size=1"),
            new Domain("committee", "spm-committee-impl", List.of("org.smartproperty.committee.CommitteeService"), "/committees?size=1"),
            new Domain("complaint", "spm-complaint-impl", List.of("org.smartproperty.complaint.ComplaintService"), "/complaints?size=1"),
            new Domain("service", "spm-service-impl", List.of("org.smartproperty.service.RepairService", "org.smartproperty.service.PatrolService"),
                    "/repairs?size=1"),
            new Domain("deadline", "spm-deadline-impl", List.of("org.smartproperty.deadline.DeadlineTracker"), "/monitoring/deadlines?size=1"),
            new Domain("notification", "spm-notification-impl",
                    List.of("org.smartproperty.notification.Notifications", "org.smartproperty.notification.SmsOutbox"), "/notifications?size=1"));

    /**
     * Probes whose answer needs another domain's service, so they answer 503 naming it while that
     * domain is swapped: a complaint's or repair's view shows its due time from the deadline domain.
     */
    static final java.util.Map<String, java.util.Set<String>> PROBE_NEEDS = java.util.Map.of(
            "complaint", java.util.Set.of("deadline"), "service", java.util.Set.of("deadline"));

    /** The longest a swapped domain may answer 503 (docs/operations.md says "a few seconds"). */
    static final Duration MAX_UNAVAILABLE = Duration.ofSeconds(10);

    record Hit(String domain, long at, int status, String code, String body) {
    }

    @Test
    public void everyDomainImplIsSwappedUnderTrafficWhileTheOtherDomainsKeepServing_issue10_item6() throws Exception {
        // light traffic: one GET per domain and one hotline complaint (complaint + estate + company + deadline + SMS outbox) per round
        JsonNode estate = null;
        for (JsonNode e : json(get("/estates?size=50")).get("items")) {
            if (e.hasNonNull("companyId")) {
                estate = e;
                break;
            }
        }
        assertNotNull("a demo estate managed by a company", estate);
        long estateId = estate.get("id").asLong();
        long companyId = estate.get("companyId").asLong();
        String marker = "hotswap-" + System.nanoTime() + "-";
        List<Hit> hits = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Long> acknowledged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<String> badWrites = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger refusedWrites = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread traffic = new Thread(() -> {
            int n = 0;
            while (!stop.get()) {
                for (Domain d : DOMAINS) {
                    long at = System.nanoTime();
                    HttpResponse<String> r = get(d.probe());
                    hits.add(r == null ? new Hit(d.name(), at, -1, null, "no answer")
                            : new Hit(d.name(), at, r.statusCode(), problemCode(r), r.body()));
                }
                HttpResponse<String> w = send("POST", "/complaints", "{\"channel\":\"HOTLINE_12345\",\"category\":\"ENQUIRY\",\"companyId\":" + companyId
                        + ",\"estateId\":" + estateId + ",\"complainantName\":\"热更新\",\"complainantPhone\":\"13612345678\",\"title\":\"" + marker + (n++)
                        + "\",\"content\":\"issue 10 item 6\"}");
                if (w != null && w.statusCode() == 201) {
                    acknowledged.add(json(w).get("id").asLong());
                } else if (w != null && w.statusCode() == 503 && "problem.unavailable".equals(problemCode(w))) {
                    refusedWrites.incrementAndGet();
                } else {
                    badWrites.add(w == null ? "no answer" : w.statusCode() + " " + w.body());
                }
            }
        }, "hotswap-traffic");
        traffic.start();
        StringBuilder figures = new StringBuilder();
        try {
            for (Domain swapped : DOMAINS) {
                Bundle impl = bundle(swapped.bsn());
                assertNotNull(swapped.bsn(), impl);
                long bundleId = impl.getBundleId();
                java.util.Map<String, Object> othersBefore = serviceIds(swapped);
                Path jar = Path.of(System.getProperty("karaf.home"), "system/org/smartproperty/" + swapped.artifact() + "/0.1.0-SNAPSHOT/"
                        + swapped.artifact() + "-0.1.0-SNAPSHOT.jar");
                Files.write(jar, withHeader(Files.readAllBytes(jar), "SPM-Build", "hotswap-it-" + swapped.name()));
                long from = System.nanoTime();
                impl.update();
                long updated = System.nanoTime();
                await(swapped.probe(), r -> r.statusCode() == 200, Duration.ofSeconds(60));
                // one more full round of traffic after the domain is back
                long back = System.nanoTime();
                String lastProbed = DOMAINS.get(DOMAINS.size() - 1).name();
                while (true) {
                    boolean roundDone;
                    synchronized (hits) { // a synchronized list is iterated under its own lock
                        roundDone = hits.stream().anyMatch(h -> h.at() > back && h.domain().equals(lastProbed));
                    }
                    if (roundDone) {
                        break;
                    }
                    Thread.sleep(50);
                }
                long to = System.nanoTime();

                assertEquals(swapped.name() + " updated in place", bundleId, bundle(swapped.bsn()).getBundleId());
                assertEquals("hotswap-it-" + swapped.name(), bundle(swapped.bsn()).getHeaders().get("SPM-Build"));
                assertEquals(Bundle.ACTIVE, bundle(swapped.bsn()).getState());
                assertEquals("the other domains' services stayed registered (their components were not restarted) while "
                        + swapped.name() + " was swapped", othersBefore, serviceIds(swapped));

                List<Hit> during;
                synchronized (hits) {
                    during = hits.stream().filter(h -> h.at() >= from && h.at() <= to).toList();
                }
                long first503 = -1, last503 = -1;
                for (Hit h : during) {
                    if (h.status() == 200) {
                        continue;
                    }
                    boolean unavailable = h.status() == 503 && "problem.unavailable".equals(h.code());
                    if (h.domain().equals(swapped.name())) {
                        assertTrue(swapped.name() + " while swapped answers 200 or 503 problem.unavailable, not " + h.status() + " " + h.body(), unavailable);
                        first503 = first503 < 0 ? h.at() : first503;
                        last503 = h.at();
                    } else {
                        assertTrue(h.domain() + " keeps answering while " + swapped.name() + " is swapped: " + h.status() + " " + h.body(),
                                unavailable && PROBE_NEEDS.getOrDefault(h.domain(), java.util.Set.of()).contains(swapped.name())
                                        && h.body().contains(swapped.name()));
                    }
                }
                // the domain answers 200 again at most "back" after the update began: an upper bound of its 503 window
                long backMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(back - from);
                assertTrue(swapped.name() + " was back only after " + backMillis + " ms", backMillis <= MAX_UNAVAILABLE.toMillis());
                figures.append(String.format("%s: update() %d ms, 200 again %d ms after the update began, 503s seen over %d ms (%d of %d probes)%n",
                        swapped.name(), java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(updated - from), backMillis,
                        first503 < 0 ? 0 : java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(last503 - first503),
                        during.stream().filter(h -> h.domain().equals(swapped.name()) && h.status() != 200).count(),
                        during.stream().filter(h -> h.domain().equals(swapped.name())).count()));
            }
        } finally {
            stop.set(true);
            traffic.join(60_000);
        }
        System.out.print("Hot swap under traffic (issue 10 item 6):\n" + figures);
        assertTrue("writes answer 201 or 503 problem.unavailable: " + badWrites, badWrites.isEmpty());
        assertTrue("some writes went through", acknowledged.size() > 0);

        // nothing half-written: exactly the acknowledged complaints exist, each with its deadline
        java.util.Map<Long, JsonNode> stored = new java.util.HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = json(get("/complaints?size=200&category=ENQUIRY&estateId=" + estateId + "&page=" + page)).get("items");
            for (JsonNode c : items) {
                if (c.get("title").asText().startsWith(marker)) {
                    stored.put(c.get("id").asLong(), c);
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        assertEquals("every acknowledged write is stored, no refused one (" + refusedWrites.get() + " answered 503)",
                new java.util.TreeSet<>(acknowledged), new java.util.TreeSet<>(stored.keySet()));
        for (JsonNode c : stored.values()) {
            assertTrue("complaint " + c.get("id") + " has its deadline: " + c, c.hasNonNull("dueAt"));
        }
        System.out.println("writes: " + acknowledged.size() + " acknowledged and stored, " + refusedWrites.get() + " answered 503, none half-written");
        await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
    }

    /** service.id of every other domain's services: a component restarted by the swap would re-register with a new id. */
    private java.util.Map<String, Object> serviceIds(Domain swapped) throws Exception {
        java.util.Map<String, Object> ids = new java.util.TreeMap<>();
        for (Domain d : DOMAINS) {
            if (d == swapped) {
                continue;
            }
            for (String service : d.services()) {
                org.osgi.framework.ServiceReference<?>[] refs = context.getServiceReferences(service, null);
                assertNotNull(service + " is registered", refs);
                ids.put(service, refs[0].getProperty(org.osgi.framework.Constants.SERVICE_ID));
            }
        }
        return ids;
    }

    private static String problemCode(HttpResponse<String> r) {
        if (r.statusCode() < 400) {
            return null;
        }
        try {
            return JSON.readTree(r.body()).path("code").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
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
