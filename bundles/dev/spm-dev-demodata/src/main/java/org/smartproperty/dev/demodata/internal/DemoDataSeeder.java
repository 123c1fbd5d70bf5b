package org.smartproperty.dev.demodata.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.security.AccountProvisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.internal.HengqinDataSet.DemoEstate;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;

/**
 * Development only: seeds the {@link HengqinDataSet} through {@link EstateService} on a background
 * thread, so activation never waits for the database. Idempotent by project code: an estate whose
 * {@code HQ-DEMO-nnn} code already exists is skipped; one that a stopped run left with fewer houses
 * than the data set is completed (missing buildings, then the chunks whose last house is missing).
 *
 * <p>Then the domains' demo data (issue 11 item 2): every {@link DemoSeeder} the domains' demo bundles register
 * runs once, in the order of their {@link DemoSeeder#after()} names ({@link DemoSteps}), with the demo accounts
 * ({@link DemoAccounts}) as a step of their own. The first run waits (up to two minutes) for the seeders that the
 * installed bundles announce in their {@value DemoSeeder#HEADER} header; a seeder registered after the run ends
 * starts another run. The health check {@code demo-data} names the step.
 */
@Component(immediate = true, service = HealthCheck.class)
public class DemoDataSeeder implements HealthCheck {

    /** What the demo-data health check reports: seeding (WARNING), complete (UP) or failed (WARNING). */
    private volatile String state = "starting";

    @Override
    public String name() {
        return "demo-data";
    }

    /** Operational, not a condition of serving: see {@link HealthCheck#readiness()}. */
    @Override
    public boolean readiness() {
        return false;
    }

    @Override
    public HealthResult check() {
        return new HealthResult("complete".equals(state) ? HealthStatus.UP : HealthStatus.WARNING, "demo data " + state, java.util.Map.of());
    }

    static final String ACTOR = "demo-seed";
    static final String THREAD_NAME = "spm-demo-seed";
    static final int CHUNK = 2000;
    /** How long a run waits for the seeders the installed bundles announce. */
    static final long WAIT_FOR_SEEDERS_MILLIS = 120_000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    /** Optional: demo accounts are created when the security core is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountProvisioning accounts;

    @Reference
    EstateService estates;

    /** The domains' seeders (whiteboard), by name. */
    private final Map<String, DemoSeeder> seeders = new ConcurrentHashMap<>();
    /** The seeders (and {@link DemoSeeder#ACCOUNTS}) that ran in this component's life. */
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSeeder(DemoSeeder seeder) {
        DemoSeeder previous = seeders.putIfAbsent(seeder.name(), seeder);
        if (previous != null && previous != seeder) {
            LOG.warn("Two demo seeders named {}: {} is ignored", seeder.name(), seeder);
            return;
        }
        if (!done.contains(seeder.name())) {
            startIfIdle(); // one that comes after a run ended starts another; one that ran already (its bundle restarted) does not
        }
    }

    void removeSeeder(DemoSeeder seeder) {
        seeders.remove(seeder.name(), seeder);
    }

    /** The seeder names the installed demo bundles announce ({@value DemoSeeder#HEADER}); none outside OSGi. */
    private volatile Supplier<Set<String>> expected = Set::of;

    private volatile boolean running;
    private Thread thread;
    private final HengqinDataSet data = new HengqinDataSet();

    @Activate
    void activate(BundleContext context) {
        expected = () -> announced(context);
        activate();
    }

    /** Without OSGi (tests). */
    void activate() {
        running = true;
        startIfIdle();
    }

    private synchronized void startIfIdle() {
        if (!running || (thread != null && thread.isAlive())) {
            return;
        }
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            // Never interrupt: an interrupt during file I/O closes H2's FileChannel and with it the
            // embedded database. The flag stops the thread after the current call.
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("Demo data seeding did not stop within 30 s; it stops after the current call");
            }
        }
    }

    private static Set<String> announced(BundleContext context) {
        Set<String> names = new TreeSet<>();
        try {
            for (Bundle b : context.getBundles()) {
                String header = b.getState() == Bundle.UNINSTALLED ? null : b.getHeaders("").get(DemoSeeder.HEADER);
                if (header != null) {
                    for (String n : header.split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.trim());
                        }
                    }
                }
            }
        } catch (IllegalStateException e) { // the context is no longer valid: stopping
            return names;
        }
        return names;
    }

    /** Thread body: never throws. */
    private void run() {
        try {
            state = "seeding estates";
            seed(data);
            List<String> failed = new ArrayList<>();
            awaitAnnouncedSeeders();
            while (true) {
                Map<String, DemoSeeder> pending;
                boolean withAccounts;
                synchronized (this) { // with startIfIdle: a seeder bound after this check starts a new thread
                    pending = new TreeMap<>(seeders);
                    pending.keySet().removeAll(done);
                    withAccounts = !done.contains(DemoSeeder.ACCOUNTS);
                    if (!shouldRun() || (pending.isEmpty() && !withAccounts)) {
                        state = !shouldRun() ? "stopped" : failed.isEmpty() ? "complete" : "failed: " + String.join(", ", failed);
                        if (thread == Thread.currentThread()) {
                            thread = null;
                        }
                        return;
                    }
                }
                for (String step : DemoSteps.order(pending, withAccounts)) {
                    if (!shouldRun()) {
                        break;
                    }
                    if (step.equals(DemoSeeder.ACCOUNTS)) {
                        runAccounts();
                    } else {
                        runSeeder(pending.get(step), failed);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            state = "failed: " + e;
            LOG.error("Demo data seeding failed", e);
        }
    }

    private void awaitAnnouncedSeeders() {
        // nanoTime, not the wall clock: a clock step (NTP on a fresh machine) must neither cut the wait short nor stretch it
        long start = System.nanoTime();
        Set<String> missing = DemoSteps.missing(expected.get(), seeders.keySet());
        while (!missing.isEmpty() && shouldRun() && System.nanoTime() - start < WAIT_FOR_SEEDERS_MILLIS * 1_000_000L) {
            state = "waiting for demo seeders " + String.join(", ", missing);
            sleep(500);
            missing = DemoSteps.missing(expected.get(), seeders.keySet());
        }
        if (!missing.isEmpty()) {
            LOG.warn("Demo seeders {} announced but not registered within {} s; seeding without them", missing, WAIT_FOR_SEEDERS_MILLIS / 1000);
        }
    }

    private void runAccounts() {
        AccountProvisioning a = await(() -> accounts);
        if (a != null && shouldRun()) {
            state = "creating demo accounts";
            DemoAccounts.provision(a, estates);
        }
        done.add(DemoSeeder.ACCOUNTS);
    }

    private void runSeeder(DemoSeeder seeder, List<String> failed) {
        state = "seeding " + seeder.name();
        long start = System.nanoTime();
        try {
            seeder.seed(context());
            LOG.info("Demo data of {} seeded in {} s", seeder.name(), seconds(start));
        } catch (RuntimeException e) {
            if (!shouldRun()) {
                LOG.info("Demo data of {} stopped: {}", seeder.name(), e.toString());
                return;
            }
            failed.add(seeder.name());
            LOG.error("Demo data of {} failed", seeder.name(), e);
        }
        done.add(seeder.name());
    }

    /** What the seeders get. */
    DemoContext context() {
        return new SeedingContext(estates, data, this::shouldRun, Clock.systemUTC());
    }

    /** The service once it is there, waiting up to a minute (bundles start in any order); null if it never comes. */
    private <T> T await(Supplier<T> service) {
        for (int i = 0; i < 120 && shouldRun(); i++) {
            T s = service.get();
            if (s != null) {
                return s;
            }
            sleep(500);
        }
        return service.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seeds every demo estate that does not exist yet. @return the number of houses created */
    long seed(HengqinDataSet data) {
        long start = System.nanoTime();
        Map<String, Estate> existing = existingByProjectCode();
        HengqinDataSet.Totals totals = data.totals();
        LOG.info("Demo data: {} estates, {} buildings, {} houses; {} demo estates already present",
                totals.estates(), totals.buildings(), totals.houses(),
                data.estates().stream().filter(d -> existing.containsKey(d.estate().projectCode())).count());
        int createdEstates = 0;
        long createdHouses = 0;
        for (DemoEstate demo : data.estates()) {
            if (!shouldRun()) {
                LOG.info("Demo data seeding stopped after {} estates, {} houses", createdEstates, createdHouses);
                return createdHouses;
            }
            String code = demo.estate().projectCode();
            Estate present = existing.get(code);
            if (present != null && (present.houseCount() >= demo.houseCount() || present.status() != EstateStatus.ACTIVE)) {
                LOG.debug("Demo estate {} ({}) exists, skipped", code, demo.estate().name());
                continue;
            }
            try {
                long houses = seedEstate(demo, present);
                if (houses < 0) {
                    LOG.info("Demo data seeding stopped after {} estates, {} houses", createdEstates, createdHouses);
                    return createdHouses;
                }
                createdEstates++;
                createdHouses += houses;
            } catch (RuntimeException e) {
                if (!shouldRun()) { // interrupted by deactivate while a call was running
                    LOG.info("Demo data seeding stopped during {} ({}): {}", code, demo.estate().name(), e.toString());
                    return createdHouses;
                }
                LOG.error("Demo estate {} ({}) could not be seeded; continuing with the next one", code,
                        demo.estate().name(), e);
            }
        }
        LOG.info("Demo data seeding done: {} estates, {} houses created in {} s", createdEstates, createdHouses,
                seconds(start));
        return createdHouses;
    }

    /**
     * Creates the estate (or completes one a stopped run left incomplete), its buildings and its
     * houses in all-or-nothing chunks of at most {@value #CHUNK}.
     *
     * @param present the estate with the same project code left by an interrupted run, or null
     * @return houses created, or -1 when stopped midway
     */
    private long seedEstate(DemoEstate demo, Estate present) {
        long start = System.nanoTime();
        Estate estate = present != null ? present : estates.create(demo.estate(), ACTOR);
        Map<String, Long> buildingIds = new HashMap<>();
        if (present != null) {
            LOG.info("Demo estate {} ({}) is incomplete ({} of {} houses); completing it", demo.estate().projectCode(),
                    demo.estate().name(), present.houseCount(), demo.houseCount());
            for (Building b : estates.buildings(DataScope.ALL, estate.id())) {
                buildingIds.put(b.number(), b.id());
            }
        }
        List<HouseInput> houses = new ArrayList<>(demo.houseCount());
        for (BuildingInput b : demo.buildings()) {
            Long buildingId = buildingIds.get(b.number());
            if (buildingId == null) {
                buildingId = estates.createBuilding(estate.id(), b, ACTOR).id();
            }
            for (HouseInput h : demo.houses(b.number())) {
                houses.add(HengqinDataSet.withBuildingId(h, buildingId));
            }
        }
        long created = 0;
        for (int from = 0; from < houses.size(); from += CHUNK) {
            if (!shouldRun()) {
                LOG.info("Demo estate {} ({}) left incomplete: {} of {} houses created by this run; the next start completes it",
                        demo.estate().projectCode(), demo.estate().name(), created, houses.size());
                return -1;
            }
            List<HouseInput> chunk = houses.subList(from, Math.min(from + CHUNK, houses.size()));
            if (present != null && exists(chunk.get(chunk.size() - 1).unitCode())) {
                continue; // chunks are all-or-nothing: the last house exists, so the whole chunk does
            }
            created += estates.createHouses(estate.id(), chunk, ACTOR);
        }
        LOG.info("Demo estate {} {} ({}): {} buildings, {} houses in {} s", demo.estate().projectCode(),
                demo.estate().name(), estate.id(), demo.buildings().size(), created, seconds(start));
        return created;
    }

    /** Every existing estate by project code; the query has no project-code filter, so page through all. */
    private Map<String, Estate> existingByProjectCode() {
        Map<String, Estate> byCode = new HashMap<>();
        int size = PageRequest.MAX_SIZE;
        for (int page = 0; ; page++) {
            Page<Estate> p = estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.of(page, size));
            for (Estate e : p.items()) {
                if (e.projectCode() != null) {
                    byCode.put(e.projectCode(), e);
                }
            }
            if (p.items().size() < size || (long) (page + 1) * size >= p.total()) {
                return byCode;
            }
        }
    }

    private boolean exists(String unitCode) {
        try {
            return estates.house(DataScope.ALL, unitCode) != null;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private boolean shouldRun() {
        return running && !Thread.currentThread().isInterrupted();
    }

    /** For tests: seeding without a component lifecycle. */
    void setRunning(boolean running) {
        this.running = running;
    }

    Thread thread() {
        return thread;
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
