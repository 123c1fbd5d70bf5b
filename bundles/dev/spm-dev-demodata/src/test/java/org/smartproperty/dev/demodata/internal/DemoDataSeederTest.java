package org.smartproperty.dev.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.security.AccountProvisioning;
import org.smartproperty.platform.security.Role;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * The seeder goes through EstateService only, in chunks, idempotently by project code; then it runs the domains'
 * {@link DemoSeeder}s once each in their order with the demo accounts between them (no OSGi, no DB).
 */
class DemoDataSeederTest {

    private static final HengqinDataSet DATA = new HengqinDataSet();

    /** Just enough of an estate registry in memory. */
    static class FakeEstates implements EstateService {
        final Map<Long, Estate> estates = new LinkedHashMap<>();
        final Map<Long, List<Building>> buildings = new HashMap<>();
        final Map<String, HouseInput> houses = new ConcurrentHashMap<>();
        final Map<Long, Long> houseCounts = new HashMap<>();
        final List<Integer> chunkSizes = Collections.synchronizedList(new ArrayList<>());
        final List<String> actors = Collections.synchronizedList(new ArrayList<>());
        final List<PageRequest> pageRequests = new ArrayList<>();
        long nextId = 1;
        /** Blocks createHouses until released, to test stopping. */
        CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public synchronized Page<Estate> list(DataScope scope, EstateQuery query, PageRequest page) {
            pageRequests.add(page);
            List<Estate> all = estates.values().stream().map(this::withCounts).toList();
            int from = Math.min(page.offset(), all.size());
            int to = Math.min(from + page.size(), all.size());
            return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
        }

        private Estate withCounts(Estate e) {
            return new Estate(e.id(), e.projectCode(), e.name(), e.address(), e.community(), e.adminCode(), e.location(),
                    e.boundary(), e.developer(), e.companyId(), e.companyName(), e.feeStandard(), e.overview(), e.status(),
                    buildings.getOrDefault(e.id(), List.of()).size(), houseCounts.getOrDefault(e.id(), 0L), e.version(),
                    e.createdAt(), e.updatedAt());
        }

        @Override
        public synchronized Estate create(EstateInput in, String actor) {
            actors.add(actor);
            long id = nextId++;
            Estate e = new Estate(id, in.projectCode(), in.name(), in.address(), in.community(), in.adminCode(),
                    in.location(), in.boundary(), in.developer(), in.companyId(), in.companyName(), in.feeStandard(),
                    in.overview(), EstateStatus.ACTIVE, 0, 0, 1, Instant.now(), Instant.now());
            estates.put(id, e);
            return e;
        }

        @Override
        public synchronized List<Building> buildings(DataScope scope, long estateId) {
            return List.copyOf(buildings.getOrDefault(estateId, List.of()));
        }

        @Override
        public synchronized Building createBuilding(long estateId, BuildingInput in, String actor) {
            actors.add(actor);
            assertTrue(estates.containsKey(estateId));
            Building b = new Building(nextId++, estateId, in.number(), in.name(), in.floorsAbove(), in.floorsBelow(),
                    List.of(), 0, 1);
            buildings.computeIfAbsent(estateId, k -> new ArrayList<>()).add(b);
            return b;
        }

        @Override
        public int createHouses(long estateId, List<HouseInput> inputs, String actor) {
            entered.countDown();
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            synchronized (this) {
                actors.add(actor);
                chunkSizes.add(inputs.size());
                Map<Long, Building> own = new HashMap<>();
                buildings.getOrDefault(estateId, List.of()).forEach(b -> own.put(b.id(), b));
                for (HouseInput h : inputs) {
                    assertNotNull(h.buildingId(), "buildingId set by the seeder");
                    assertTrue(own.containsKey(h.buildingId()), "building of this estate");
                    assertTrue(houses.putIfAbsent(h.unitCode(), h) == null, "duplicate " + h.unitCode());
                }
                houseCounts.merge(estateId, (long) inputs.size(), Long::sum);
                return inputs.size();
            }
        }

        @Override
        public House houseUnmasked(DataScope scope, String unitCode, String actor) {
            return house(scope, unitCode);
        }

        @Override
        public House house(DataScope scope, String unitCode) {
            HouseInput h = houses.get(unitCode);
            if (h == null) {
                throw ApiException.notFound("objects.house", unitCode);
            }
            return new House(1, unitCode, 0, h.buildingId(), null, h.unitName(), h.floor(), h.roomNo(), h.use(),
                    h.plannedArea(), h.measuredArea(), h.status(), List.of(), 1);
        }

        @Override
        public Estate get(DataScope scope, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Estate update(long id, long expectedVersion, EstateInput input, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Estate archive(long id, long expectedVersion, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<House> houses(DataScope scope, long estateId, HouseQuery query, PageRequest page) {
            return new Page<>(List.of(), page.page(), page.size(), 0); // no sold house: demo-owner gets no scope
        }

        @Override
        public House createHouse(long estateId, HouseInput input, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public House addOwner(String unitCode, OwnerInput owner, String actor) {
            throw new UnsupportedOperationException();
        }
    }

    private static DemoDataSeeder seeder(FakeEstates fake) {
        DemoDataSeeder s = new DemoDataSeeder();
        s.estates = fake;
        s.setRunning(true);
        return s;
    }

    @Test
    void seedsEveryEstateBuildingAndHouseInChunksOfAtMostTwoThousand() {
        FakeEstates fake = new FakeEstates();
        long created = seeder(fake).seed(DATA);
        HengqinDataSet.Totals t = DATA.totals();
        assertEquals(t.houses(), created);
        assertEquals(t.estates(), fake.estates.size());
        assertEquals(t.buildings(), fake.buildings.values().stream().mapToInt(List::size).sum());
        assertEquals(t.houses(), fake.houses.size());
        assertTrue(fake.chunkSizes.stream().allMatch(n -> n > 0 && n <= DemoDataSeeder.CHUNK), fake.chunkSizes.toString());
        assertTrue(fake.chunkSizes.contains(DemoDataSeeder.CHUNK), "the big estate is split");
        assertEquals(Set.of("demo-seed"), Set.copyOf(fake.actors));
        assertTrue(fake.pageRequests.stream().allMatch(p -> p.size() <= PageRequest.MAX_SIZE));
    }

    @Test
    void secondRunCreatesNothing() {
        FakeEstates fake = new FakeEstates();
        seeder(fake).seed(DATA);
        int chunks = fake.chunkSizes.size();
        long again = seeder(fake).seed(DATA);
        assertEquals(0, again);
        assertEquals(DATA.totals().estates(), fake.estates.size());
        assertEquals(chunks, fake.chunkSizes.size());
    }

    @Test
    void estateLeftIncompleteByAStoppedRunIsCompletedNotDuplicated() {
        FakeEstates fake = new FakeEstates();
        HengqinDataSet.DemoEstate mnn = DATA.estates().get(0);
        assertTrue(mnn.houseCount() > DemoDataSeeder.CHUNK);
        // simulate a run stopped after the first chunk of the first estate
        Estate e = fake.create(mnn.estate(), "demo-seed");
        List<HouseInput> first = new ArrayList<>();
        for (BuildingInput b : mnn.buildings()) {
            Building building = fake.createBuilding(e.id(), b, "demo-seed");
            for (HouseInput h : mnn.houses(b.number())) {
                if (first.size() < DemoDataSeeder.CHUNK) {
                    first.add(HengqinDataSet.withBuildingId(h, building.id()));
                }
            }
        }
        fake.createHouses(e.id(), first, "demo-seed");

        long created = seeder(fake).seed(DATA);
        assertEquals(DATA.totals().houses() - DemoDataSeeder.CHUNK, created);
        assertEquals(DATA.totals().houses(), fake.houses.size());
        assertEquals(DATA.totals().estates(), fake.estates.size());
        assertEquals(DATA.totals().buildings(), fake.buildings.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void activateSeedsOnOneDaemonThreadAndDeactivateStopsIt() throws Exception {
        FakeEstates fake = new FakeEstates();
        fake.gate = new CountDownLatch(1);
        DemoDataSeeder s = new DemoDataSeeder();
        s.estates = fake;
        s.activate();
        Thread t = s.thread();
        assertEquals(DemoDataSeeder.THREAD_NAME, t.getName());
        assertTrue(t.isDaemon());
        assertTrue(fake.entered.await(30, TimeUnit.SECONDS), "seeding started");
        // the running call finishes (deactivate never interrupts: that would close H2's files)
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // test thread
            }
            fake.gate.countDown();
        }).start();
        s.deactivate();
        t.join(10_000);
        assertFalse(t.isAlive(), "thread stopped");
        assertTrue(fake.houses.size() < DATA.totals().houses());
    }

    @Test
    void failuresAreLoggedAndTheNextEstateIsTried() {
        FakeEstates fake = new FakeEstates() {
            @Override
            public synchronized Estate create(EstateInput in, String actor) {
                if (in.projectCode().equals("HQ-DEMO-002")) {
                    throw ApiException.conflict(org.smartproperty.platform.Messages.PLATFORM, "problem.duplicate");
                }
                return super.create(in, actor);
            }
        };
        long created = seeder(fake).seed(DATA);
        assertEquals(DATA.totals().estates() - 1, fake.estates.size());
        assertEquals(DATA.totals().houses() - DATA.estates().get(1).houseCount(), created);
    }

    // ------------------------------------------------------------------ the domains' seeders (issue 11 item 2)

    /** Records the steps in the order they ran; the accounts as {@link DemoSeeder#ACCOUNTS}. */
    static final class Recorder implements AccountProvisioning {
        final List<String> steps = Collections.synchronizedList(new ArrayList<>());
        final Set<String> accounts = ConcurrentHashMap.newKeySet();

        DemoSeeder seeder(String name, Set<String> after, RuntimeException failure) {
            return new DemoSeeder() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Set<String> after() {
                    return after;
                }

                @Override
                public void seed(DemoContext context) {
                    assertEquals("demo-seed", context.actor());
                    assertEquals(DATA.totals().estates(), context.estates().size(), "the estates are in before any seeder");
                    steps.add(name);
                    if (failure != null) {
                        throw failure;
                    }
                }
            };
        }

        @Override
        public void linkExternal(String username, String provider, String uid) {
            // links are not steps
        }

        @Override
        public boolean ensureAccount(String username, String displayName, Role role, String password, String totpSecret, DataScope scope) {
            if (accounts.isEmpty()) {
                steps.add(DemoSeeder.ACCOUNTS);
            }
            return accounts.add(username);
        }

        @Override
        public void setPhone(String username, String phone) {
        }
    }

    private static void awaitComplete(DemoDataSeeder s, String why) throws InterruptedException {
        for (int i = 0; i < 600 && s.check().status() != HealthStatus.UP; i++) {
            Thread.sleep(100);
        }
        assertEquals("demo data complete", s.check().summary(), why);
    }

    @Test
    void domainSeedersRunOnceInOrderAroundTheDemoAccountsAndLateOnesInAnotherRun() throws Exception {
        FakeEstates fake = new FakeEstates();
        Recorder r = new Recorder();
        DemoDataSeeder s = new DemoDataSeeder();
        s.estates = fake;
        s.accounts = r;
        s.addSeeder(r.seeder("service", Set.of(DemoSeeder.ESTATES, DemoSeeder.ACCOUNTS, "company"), null));
        s.addSeeder(r.seeder("complaint", Set.of(DemoSeeder.ESTATES, DemoSeeder.ACCOUNTS, "company"), null));
        s.addSeeder(r.seeder("company", Set.of(DemoSeeder.ESTATES), null));
        s.addSeeder(r.seeder("committee", Set.of(DemoSeeder.ESTATES), null));
        s.activate();
        try {
            awaitComplete(s, "every step ran");
            assertEquals(List.of("committee", "company", DemoSeeder.ACCOUNTS, "complaint", "service"), r.steps);
            assertEquals(12, r.accounts.size());
            // a demo bundle started after the run: its seeder runs in a run of its own, nothing else again
            s.addSeeder(r.seeder("notice", Set.of(DemoSeeder.ACCOUNTS), null));
            for (int i = 0; i < 600 && !r.steps.contains("notice"); i++) {
                Thread.sleep(100);
            }
            awaitComplete(s, "the late seeder ran");
            assertEquals(List.of("committee", "company", DemoSeeder.ACCOUNTS, "complaint", "service", "notice"), r.steps);
            assertEquals(DATA.totals().estates(), fake.estates.size(), "no estate twice");
        } finally {
            s.deactivate();
        }
    }

    @Test
    void aFailingSeederIsNamedInTheStateAndTheOthersStillRun() throws Exception {
        Recorder r = new Recorder();
        DemoDataSeeder s = new DemoDataSeeder();
        s.estates = new FakeEstates();
        s.accounts = r;
        s.addSeeder(r.seeder("company", Set.of(), new IllegalStateException("broken")));
        s.addSeeder(r.seeder("complaint", Set.of(DemoSeeder.ACCOUNTS, "company"), null));
        s.activate();
        try {
            for (int i = 0; i < 600 && !s.check().summary().contains("failed"); i++) {
                Thread.sleep(100);
            }
            assertEquals("demo data failed: company", s.check().summary());
            assertEquals(HealthStatus.WARNING, s.check().status());
            assertEquals(List.of("company", DemoSeeder.ACCOUNTS, "complaint"), r.steps);
        } finally {
            s.deactivate();
        }
    }
}
