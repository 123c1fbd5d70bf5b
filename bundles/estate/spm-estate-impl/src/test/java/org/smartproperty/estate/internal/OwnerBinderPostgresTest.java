package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
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
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.sim.registration.internal.RegistrationSimulator;

/**
 * Issue 12 item 1 on PostgreSQL with the registration simulator over HTTP: a real-name person binds
 * to exactly the houses verified for their document (not the other houses of the same owner record,
 * not a co-owner's verification), the provider's document-type code must fit, a later NOT_HELD takes
 * the house back, and the owner scope limited to houses filters estates and houses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerBinderPostgresTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    RegistrationSimulator sim;
    EstateService service;
    final OwnerBinder binder = new OwnerBinder();
    DemoTitles.Title title;
    long estateId;
    long verifiedHouse;

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/estate.changelog.xml");
        sim = new RegistrationSimulator("k", 5_000).start("127.0.0.1", 0);
        AuditTrail audit = new AuditTrail() {
            @Override
            public void append(Connection sameTransaction, AuditEvent event) {
            }

            @Override
            public void append(AuditEvent event) {
            }
        };
        service = new EstateServiceImpl(db.jpa("estate"), audit, new RegistrationHttpClient(new RegistrationHttpClient.Settings(
                sim.baseUri().toString(), "k", Duration.ofSeconds(2), Duration.ofMillis(1_500), "ZH-BDC")));
        // a registered title of a mainland owner (the simulator answers from the demo data set)
        title = DemoTitles.all().stream().filter(t -> t.idType() == IdType.CN_RESIDENT_ID && t.share().compareTo(new BigDecimal("100")) == 0)
                .findFirst().orElseThrow();
        Estate e = service.create(new EstateInput(null, "绑定花园", "横琴新区环岛东路2号", "荷塘社区", "440402104",
                new GeoPoint(113.54, 22.13), null, null, 3L, "横琴物业", null, null), "clerk");
        estateId = e.id();
        service.create(new EstateInput(null, "别的花园", "横琴新区环岛东路4号", "荷塘社区", "440402104",
                new GeoPoint(113.55, 22.13), null, null, 3L, "横琴物业", null, null), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("1栋", null, 30, 0, List.of()), "clerk");
        String coOwner17 = "44040219800101124";
        // the same person also owns a second house the registry does not know them for (not held)
        String unknownUnit = DemoTitles.all().stream().filter(t -> !t.unitCode().equals(title.unitCode())).findFirst().orElseThrow().unitCode();
        service.createHouses(e.id(), List.of(
                new HouseInput(title.unitCode(), b.id(), null, 5, "501", HouseUse.RESIDENTIAL, new BigDecimal("90.00"), null, HouseStatus.SOLD,
                        List.of(new OwnerInput(title.name(), title.idType(), title.idNumber(), null, null),
                                new OwnerInput("共有人乙", IdType.CN_RESIDENT_ID, coOwner17 + IdDocuments.cnCheckDigit(coOwner17), null, null))),
                new HouseInput(unknownUnit, b.id(), null, 6, "601", HouseUse.RESIDENTIAL, new BigDecimal("90.00"), null, HouseStatus.SOLD,
                        List.of(new OwnerInput(title.name(), title.idType(), title.idNumber(), null, null)))), "clerk");
        verifiedHouse = service.house(DataScope.ALL, title.unitCode()).id();
    }

    @AfterAll
    void stop() {
        sim.stop();
    }

    List<Binding> bindings(AccountIdentity who) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return binder.bindings(c, who);
        }
    }

    @Test
    void theReverseLookUpNamesTheOwnerRecordsDocumentNormalised_issue16() throws Exception {
        long ownerId = service.house(DataScope.ALL, title.unitCode()).owners().stream().filter(o -> !o.name().startsWith("共有人")).findFirst()
                .orElseThrow().id();
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(List.of(IdDocuments.normalize(title.idNumber())), binder.documentsOf(c, DataScope.owner(ownerId)));
            assertEquals(List.of(), binder.documentsOf(c, DataScope.owner(987654L)), "an unknown owner has none");
            assertEquals(List.of(), binder.documentsOf(c, DataScope.company(3)), "only OWNER scopes");
        }
    }

    @Test
    void aPersonBindsToExactlyTheVerifiedHousesAndLosesThemWhenTheRegistrySaysOtherwise_OWN_1_OWN_2() throws Exception {
        AccountIdentity who = new AccountIdentity(1, "gd-tyrz", "111", title.idNumber().toLowerCase(), null);
        assertEquals(List.of(), bindings(who), "nothing verified yet: no binding");

        List<TitleVerification> results = service.verifyOwnTitles(who, "gd-tyrz:u1");
        assertEquals(2, results.size(), "both houses registered under the document were checked");
        assertEquals(1, results.stream().filter(v -> TitleVerification.HELD.equals(v.result())).count(), results.toString());

        List<Binding> b = bindings(who);
        assertEquals(1, b.size(), b.toString());
        DataScope scope = b.get(0).scope();
        assertEquals(Set.of(verifiedHouse), scope.houseIds(), "exactly the verified house, not the owner's other house");
        assertEquals(1, service.houses(scope, estateId, new HouseQuery(null, null, null, null), PageRequest.of(0, 20)).total());
        assertEquals(1, service.list(scope, org.smartproperty.estate.EstateQuery.all(), PageRequest.of(0, 20)).total(), "only its estate");
        assertEquals(2, service.houses(DataScope.owner(scope.ownerId()), estateId, new HouseQuery(null, null, null, null), PageRequest.of(0, 20)).total(),
                "an owner scope without houses (set by an administrator) still sees every linked house");

        // the co-owner of the verified house has verified nothing: no binding for them
        long coOwner = service.house(DataScope.ALL, title.unitCode()).owners().stream().filter(o -> o.id() != scope.ownerId()).findFirst()
                .orElseThrow().id();
        AccountIdentity co = new AccountIdentity(2, "gd-tyrz", "111", "44040219800101124" + IdDocuments.cnCheckDigit("44040219800101124"), null);
        assertEquals(List.of(), bindings(co), "co-owners each verify their own title (" + coOwner + ")");

        // a document type the provider's code does not allow, and a legal person, bind nothing
        assertEquals(List.of(), bindings(new AccountIdentity(3, "gd-tyrz", "414", title.idNumber(), null)), "a passport code, a resident-ID number");
        assertEquals(List.of(), bindings(new AccountIdentity(4, "gd-tyrz", null, null, "91440400MA4W3K7B97")));
        assertTrue(bindings(new AccountIdentity(5, "gd-tyrz", null, title.idNumber(), null)).size() == 1, "no type code: the number alone");

        // the registry later says NOT_HELD: the house is withdrawn
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO est_title_verification (id, house_id, owner_id, verified_at, result, reason, registry_source, verified_by) "
                    + "VALUES (9999999, " + verifiedHouse + ", " + scope.ownerId() + ", now() + interval '1 second', 'NOT_HELD', 'transferred', 'ZH-BDC', 't')");
        }
        assertEquals(List.of(), bindings(who), "a later NOT_HELD takes the house back");
    }
}
