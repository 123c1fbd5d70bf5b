package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.adapter.registration.internal.RegistrationHttpClient;
import org.smartproperty.dev.demodata.fixture.DemoTitles;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.Owner;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.sim.registration.internal.RegistrationSimulator;

/**
 * OWN-2 / INT-REG on PostgreSQL: an owner's title checked against the registration simulator
 * through the real HTTP adapter; HELD stored with the registered area and counted as verified,
 * NOT_HELD stored but not verified, an unreachable registry 503 with nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleVerificationPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    RegistrationSimulator sim;
    EstateService service;
    EstateService withoutRegistry;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    DemoTitles.Title title;
    String unitCode;
    long ownerId;
    long strangerId;
    long otherHouseOwnerId;
    String otherUnitCode;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/estate.changelog.xml");
        sim = new RegistrationSimulator("k", 5_000).start("127.0.0.1", 0);
        AuditTrail audit = new AuditTrail() {
            @Override
            public void append(Connection sameTransaction, AuditEvent event) {
                assertNotNull(sameTransaction);
                audited.add(event);
            }

            @Override
            public void append(AuditEvent event) {
                audited.add(event);
            }
        };
        RegistrationHttpClient registry = new RegistrationHttpClient(new RegistrationHttpClient.Settings(sim.baseUri().toString(), "k",
                Duration.ofSeconds(2), Duration.ofMillis(1_500), "ZH-BDC"));
        var emf = db.jpa("estate");
        service = new EstateServiceImpl(emf, audit, registry);
        withoutRegistry = new EstateServiceImpl(emf, audit, null);

        // the houses carry unit codes and owners the registration system knows (demo data set)
        List<DemoTitles.Title> titles = DemoTitles.all();
        title = titles.stream().filter(t -> t.share().compareTo(new BigDecimal("100")) == 0).findFirst().orElseThrow();
        DemoTitles.Title other = titles.stream().filter(t -> !t.unitCode().equals(title.unitCode())
                && !t.idNumber().equals(title.idNumber())).findFirst().orElseThrow();
        Estate e = service.create(new EstateInput(null, "核验花园", "横琴新区环岛东路1号", "荷塘社区", "440402104",
                new GeoPoint(113.54, 22.13), null, null, 3L, "横琴物业", null, null), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("1栋", null, 30, 0, List.of()), "clerk");
        String strangerId17 = "44040219800101123";
        service.createHouses(e.id(), List.of(
                new HouseInput(title.unitCode(), b.id(), null, 5, "501", HouseUse.RESIDENTIAL, new BigDecimal("90.00"), null, HouseStatus.SOLD,
                        List.of(new OwnerInput(title.name(), title.idType(), title.idNumber(), null, null),
                                new OwnerInput("路人甲", IdType.CN_RESIDENT_ID, strangerId17 + IdDocuments.cnCheckDigit(strangerId17), null, null))),
                new HouseInput(other.unitCode(), b.id(), null, 6, "601", HouseUse.RESIDENTIAL, new BigDecimal("90.00"), null, HouseStatus.SOLD,
                        List.of(new OwnerInput(other.name(), other.idType(), other.idNumber(), null, null)))), "clerk");
        unitCode = title.unitCode();
        otherUnitCode = other.unitCode();
        House h = service.house(DataScope.ALL, unitCode);
        ownerId = h.owners().get(0).id();
        strangerId = h.owners().get(1).id();
        otherHouseOwnerId = service.house(DataScope.ALL, otherUnitCode).owners().get(0).id();
    }

    @AfterAll
    void stop() {
        sim.stop();
    }

    @AfterEach
    void normal() {
        sim.mode(RegistrationSimulator.Mode.NORMAL);
    }

    long rows() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM est_title_verification")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void heldTitleIsStoredWithTheRegisteredAreaAndCountsAsVerified_OWN_2_VOTE_1() throws Exception {
        int auditsBefore = audited.size();
        TitleVerification v = service.verifyTitle(DataScope.owner(ownerId), unitCode, ownerId, "demo-owner");
        assertEquals(TitleVerification.HELD, v.result());
        assertTrue(v.verified());
        assertEquals(0, title.exclusiveArea().compareTo(v.exclusiveArea()), "area from the register, not our planned 90.00");
        assertEquals(0, new BigDecimal("100").compareTo(v.share()));
        assertTrue(v.certificateNumber().contains("不动产权第"));
        assertNotNull(v.registeredOn());
        assertEquals("ZH-BDC", v.registrySource());
        assertNotNull(v.registryReference());
        assertEquals("demo-owner", v.verifiedBy());
        assertFalse(v.ownerName().equals(title.name()), "owner name masked (ID-2)");

        AuditEvent a = audited.get(audited.size() - 1);
        assertEquals(auditsBefore + 1, audited.size());
        assertEquals("title.verify", a.action());

        // the house view shows the verified title on the owner
        Owner o = service.house(DataScope.ALL, unitCode).owners().stream().filter(x -> x.id() == ownerId).findFirst().orElseThrow();
        assertNotNull(o.title());
        assertEquals(0, title.exclusiveArea().compareTo(o.title().exclusiveArea()));

        // what votes will count: the view of verified ownership
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT exclusive_area, certificate_no FROM est_verified_ownership WHERE owner_id = " + ownerId)) {
            assertTrue(r.next());
            assertEquals(0, title.exclusiveArea().compareTo(r.getBigDecimal(1)));
            assertEquals(v.certificateNumber(), r.getString(2));
            assertFalse(r.next(), "one row per house and owner");
        }
        // the latest result per owner, visible to the regulator and to the owner itself
        List<TitleVerification> latest = service.titleVerifications(DataScope.ALL, unitCode);
        assertTrue(latest.stream().anyMatch(x -> x.ownerId() == ownerId && x.verified()));
        assertTrue(service.titleVerifications(DataScope.owner(ownerId), unitCode).stream().allMatch(x -> x.ownerId() == ownerId));
    }

    @Test
    void notHeldIsStoredButDoesNotVerify_OWN_2() throws Exception {
        long before = rows();
        TitleVerification v = service.verifyTitle(DataScope.ALL, unitCode, strangerId, "demo-regulator");
        assertEquals(TitleVerification.NOT_HELD, v.result());
        assertEquals("NOT_OWNER", v.reason());
        assertFalse(v.verified());
        assertNull(v.exclusiveArea());
        assertEquals(before + 1, rows(), "the answer is kept as evidence");
        Owner o = service.house(DataScope.ALL, unitCode).owners().stream().filter(x -> x.id() == strangerId).findFirst().orElseThrow();
        assertNull(o.title(), "not verified");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM est_verified_ownership WHERE owner_id = " + strangerId)) {
            r.next();
            assertEquals(0, r.getLong(1));
        }
    }

    @Test
    void unreachableSlowFailingOrMalformedRegistryIs503AndStoresNothing_INT_REG() throws Exception {
        long before = rows();
        int audits = audited.size();
        for (RegistrationSimulator.Mode m : List.of(RegistrationSimulator.Mode.DOWN, RegistrationSimulator.Mode.SLOW,
                RegistrationSimulator.Mode.ERROR, RegistrationSimulator.Mode.MALFORMED)) {
            sim.mode(m);
            ApiException e = assertThrows(ApiException.class, () -> service.verifyTitle(DataScope.ALL, unitCode, ownerId, "demo-regulator"), m.name());
            assertEquals(503, e.status(), m.name());
            assertEquals("registry.unavailable", e.code());
        }
        ApiException none = assertThrows(ApiException.class, () -> withoutRegistry.verifyTitle(DataScope.ALL, unitCode, ownerId, "x"));
        assertEquals(503, none.status());
        assertEquals("registry.notConnected", none.code());
        assertEquals(before, rows(), "nothing stored");
        assertEquals(audits, audited.size(), "nothing audited");
    }

    @Test
    void anOwnerVerifiesOnlyTheirOwnHousesAsThemselves_OWN_2() throws Exception {
        long before = rows();
        // someone else's house: 404 like a house that does not exist
        assertEquals(404, assertThrows(ApiException.class,
                () -> service.verifyTitle(DataScope.owner(ownerId), otherUnitCode, otherHouseOwnerId, "demo-owner")).status());
        // own house, but as a co-owner: 404
        assertEquals(404, assertThrows(ApiException.class,
                () -> service.verifyTitle(DataScope.owner(ownerId), unitCode, strangerId, "demo-owner")).status());
        // regulator: an owner id that is not an owner of this house
        assertEquals(404, assertThrows(ApiException.class,
                () -> service.verifyTitle(DataScope.ALL, unitCode, otherHouseOwnerId, "demo-regulator")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.titleVerifications(DataScope.owner(ownerId), otherUnitCode)).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.titleVerifications(DataScope.company(999), unitCode)).status());
        assertEquals(before, rows());
    }
}
