package org.smartproperty.estate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstatePoint;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Behaviour of the estate registry and building table (SUP-EST-1, SUP-EST-2) on a real database;
 * run on PostgreSQL and on the embedded engine by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EstateServiceContract {

    abstract TestDatabase db();

    EstateService service;

    /** The audit trail is another component: here it records what the service hands it, on the service's own connection. */
    final List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(java.sql.Connection sameTransaction, AuditEvent event) {
            org.junit.jupiter.api.Assertions.assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };
    static final DataScope ALL = DataScope.ALL;

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/estate.changelog.xml");
        service = new EstateServiceImpl(db().jpa("estate"), audit);
    }

    static EstateInput estate(String name, String community, double lon, double lat) {
        return new EstateInput(null, name, "横琴新区环岛东路" + name.length() + "号", community, "440402104",
                new GeoPoint(lon, lat), null, "横琴开发有限公司", 7L, "横琴物业", new BigDecimal("3.50"), "概况");
    }

    static String cnId(String first17) {
        return first17 + IdDocuments.cnCheckDigit(first17);
    }

    static String code(int parcel, int unit) {
        return String.format("440402104001GB%05dF%08d", parcel, unit);
    }

    private long seq;

    private synchronized int next() {
        return (int) ++seq;
    }

    HouseInput house(long buildingId, int parcel, int unit, int floor, OwnerInput... owners) {
        return new HouseInput(code(parcel, unit), buildingId, "1单元", floor, floor + "0" + (unit % 10), HouseUse.RESIDENTIAL,
                new BigDecimal("88.50"), new BigDecimal("87.90"), null, owners.length == 0 ? null : List.of(owners));
    }

    @Test
    void serviceHealthCheckReadsThroughTheServiceLayerAndIsDownWhenTheUnitIsClosed_OPS_2() {
        service.create(estate("健康检查小区", "小横琴社区", 113.55, 22.12), "clerk");
        org.smartproperty.platform.HealthResult up = new EstateServiceHealthCheck(service).check();
        org.junit.jupiter.api.Assertions.assertEquals(org.smartproperty.platform.HealthStatus.UP, up.status(), up.summary());
        org.junit.jupiter.api.Assertions.assertTrue(((Number) up.details().get("rows")).longValue() >= 1, up.details().toString());
        // a service whose persistence unit is gone answers DOWN instead of throwing through the probe
        javax.persistence.EntityManagerFactory closed = org.smartproperty.platform.persistence.JpaUnits.create("estate", db().dataSource(),
                Thread.currentThread().getContextClassLoader());
        closed.close();
        EstateServiceImpl broken = new EstateServiceImpl(closed, audit);
        org.smartproperty.platform.HealthResult down = new EstateServiceHealthCheck(broken).check();
        org.junit.jupiter.api.Assertions.assertEquals(org.smartproperty.platform.HealthStatus.DOWN, down.status(), down.summary());
    }

    @Test
    void createdEstateIsReadBackActiveWithVersion_SUP_EST_1() {
        Estate e = service.create(estate("澳门新街坊测试", "小横琴社区", 113.54, 22.13), "clerk");
        assertEquals(EstateStatus.ACTIVE, e.status());
        Estate read = service.get(ALL, e.id());
        assertEquals("澳门新街坊测试", read.name());
        assertEquals(113.54, read.location().longitude());
        assertEquals(e.version(), read.version());
    }

    @Test
    void invalidEstateReportsEveryFieldAndWritesNothing() {
        long before = service.list(ALL, EstateQuery.all(), PageRequest.of(0, 1)).total();
        EstateInput bad = new EstateInput(null, " ", null, "社区", "4404", new GeoPoint(22.1, 113.5),
                Map.of("type", "Point"), null, null, null, new BigDecimal("-1"), null);
        ApiException ex = assertThrows(ApiException.class, () -> service.create(bad, "clerk"));
        assertEquals(400, ex.status());
        List<String> fields = ex.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.containsAll(List.of("name", "address", "adminCode", "location.longitude", "location.latitude", "boundary", "feeStandard")), fields.toString());
        assertEquals(before, service.list(ALL, EstateQuery.all(), PageRequest.of(0, 1)).total());
    }

    @Test
    void updateWithStaleVersionIs412AndKeepsData() {
        Estate e = service.create(estate("版本小区", "荷塘社区", 113.50, 22.10), "clerk");
        Estate updated = service.update(e.id(), e.version(), estate("版本小区二期", "荷塘社区", 113.50, 22.10), "clerk");
        assertNotEquals(e.version(), updated.version());
        ApiException ex = assertThrows(ApiException.class,
                () -> service.update(e.id(), e.version(), estate("覆盖", "荷塘社区", 113.5, 22.1), "clerk"));
        assertEquals(412, ex.status());
        assertEquals("版本小区二期", service.get(ALL, e.id()).name());
    }

    @Test
    void archivedEstateCannotBeArchivedOrEditedAgainButStaysListed() {
        Estate e = service.create(estate("归档小区", "莲花社区", 113.52, 22.12), "clerk");
        Estate archived = service.archive(e.id(), e.version(), "clerk");
        assertEquals(EstateStatus.ARCHIVED, archived.status());
        assertEquals(409, assertThrows(ApiException.class, () -> service.archive(e.id(), archived.version(), "clerk")).status());
        assertEquals(409, assertThrows(ApiException.class,
                () -> service.update(e.id(), archived.version(), estate("x", "莲花社区", 113.5, 22.1), "clerk")).status());
        Page<Estate> listed = service.list(ALL, new EstateQuery("归档", null, null, EstateStatus.ARCHIVED, null), PageRequest.of(0, 10));
        assertEquals(1, listed.total());
    }

    @Test
    void unknownEstateIs404() {
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(ALL, 987654321L)).status());
    }

    @Test
    void listFiltersByBboxAndNameAndPagesWithTotal() {
        for (int i = 0; i < 5; i++) {
            service.create(estate("筛选花园" + i, "富祥湾社区", 113.48 + i * 0.01, 22.09), "clerk");
        }
        service.create(estate("筛选花园远处", "富祥湾社区", 114.20, 22.60), "clerk");
        Page<Estate> inBox = service.list(ALL, new EstateQuery("筛选", null, null, null, new double[] {113.47, 22.08, 113.57, 22.16}),
                PageRequest.parse("0", "2", "-name", EstateService.ESTATE_SORT));
        assertEquals(5, inBox.total());
        assertEquals(2, inBox.items().size());
        assertEquals("筛选花园4", inBox.items().get(0).name());
        Page<Estate> page3 = service.list(ALL, new EstateQuery("筛选", "富祥湾社区", 7L, EstateStatus.ACTIVE, null),
                PageRequest.parse("2", "2", "name", EstateService.ESTATE_SORT));
        assertEquals(6, page3.total());
        assertEquals(2, page3.items().size());
    }

    @Test
    void pointsAreTheLocatedEstatesOfTheQueryInScopeByIdUpToTheLimit_MAP_1() {
        Estate a = service.create(estate("点位花园A", "点位社区", 113.51, 22.11), "clerk");
        Estate b = service.create(estate("点位花园B", "点位社区", 113.52, 22.12), "clerk");
        service.create(estate("点位花园远处", "点位社区", 114.30, 22.70), "clerk");
        service.create(new EstateInput(null, "点位花园无坐标", "横琴", "点位社区", "440402104", null, null, "横琴开发有限公司", 8L,
                "别家物业", new BigDecimal("3.50"), "概况"), "clerk");
        EstateQuery box = new EstateQuery(null, "点位社区", null, EstateStatus.ACTIVE, new double[] {113.5, 22.1, 113.6, 22.2});
        List<EstatePoint> in = service.points(ALL, box, 10);
        assertEquals(List.of(a.id(), b.id()), in.stream().map(EstatePoint::id).toList(), "in the bbox, by id");
        EstatePoint p = in.get(0);
        assertEquals("点位花园A", p.name());
        assertEquals(113.51, p.longitude(), 1e-9);
        assertEquals(22.11, p.latitude(), 1e-9);
        assertEquals(7L, p.companyId());
        assertEquals("横琴物业", p.companyName());
        assertEquals(1, service.points(ALL, box, 1).size(), "limit");
        EstateQuery all = new EstateQuery(null, "点位社区", null, null, null);
        assertEquals(3, service.points(ALL, all, 10).size(), "an estate without a location is no point");
        assertEquals(3, service.points(DataScope.company(7L), all, 10).size());
        assertEquals(0, service.points(DataScope.company(8L), all, 10).size(), "scope");
        assertEquals(0, service.points(DataScope.NONE, all, 10).size());
    }

    @Test
    void likeWildcardsInNameFilterAreLiteral() {
        service.create(estate("百分之百%花园", "富祥湾社区", 113.5, 22.1), "clerk");
        assertEquals(1, service.list(ALL, new EstateQuery("%花园", null, null, null, null), PageRequest.of(0, 5)).total());
    }

    @Test
    void buildingTableShowsUnitsFloorsAndHouseCounts_SUP_EST_2() {
        Estate e = service.create(estate("楼盘表小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("1栋", null, 26, 2, List.of("1单元", "2单元")), "clerk");
        List<HouseInput> hs = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            for (int r = 1; r <= 4; r++) {
                hs.add(new HouseInput(code(100, f * 100 + r), b.id(), r <= 2 ? "1单元" : "2单元", f, f + "0" + r,
                        HouseUse.RESIDENTIAL, new BigDecimal("118.00"), null, null, null));
            }
        }
        assertEquals(12, service.createHouses(e.id(), hs, "sync"));
        List<Building> table = service.buildings(ALL, e.id());
        assertEquals(1, table.size());
        assertEquals(12, table.get(0).houseCount());
        assertEquals(2, table.get(0).units().size());
        assertEquals(3, table.get(0).units().get(0).floors().size());
        assertEquals(3, table.get(0).units().get(0).floors().get(0).floor(), "floors listed from the top");
        Page<House> page = service.houses(ALL, e.id(), new HouseQuery(b.id(), 2, null, null), PageRequest.of(0, 10));
        assertEquals(4, page.total());
        assertEquals(12, service.get(ALL, e.id()).houseCount());
        assertEquals(1, service.get(ALL, e.id()).buildingCount(), "both counts are stored with the estate and read with it");
    }

    @Test
    void wrongUnitCodeNamesTheBrokenSegment() {
        Estate e = service.create(estate("单元号小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("2栋", null, 10, 0, List.of("1单元")), "clerk");
        HouseInput bad = new HouseInput("440402104001GB00001X00010001", b.id(), "1单元", 1, "101", HouseUse.RESIDENTIAL,
                null, null, null, null);
        ApiException ex = assertThrows(ApiException.class, () -> service.createHouse(e.id(), bad, "clerk"));
        assertEquals(400, ex.status());
        assertEquals("unitCode", ex.errors().get(0).field());
        assertEquals("unitCode.structure", ex.errors().get(0).code());
    }

    @Test
    void duplicateUnitCodeIs409AndBulkImportIsAllOrNothing() {
        Estate e = service.create(estate("重复小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("3栋", null, 10, 0, List.of("1单元")), "clerk");
        service.createHouse(e.id(), house(b.id(), 200, 1, 1), "clerk");
        assertEquals(409, assertThrows(ApiException.class, () -> service.createHouse(e.id(), house(b.id(), 200, 1, 2), "clerk")).status());
        List<HouseInput> batch = List.of(house(b.id(), 200, 2, 1), house(b.id(), 200, 3, 1), house(b.id(), 200, 4, 99));
        ApiException ex = assertThrows(ApiException.class, () -> service.createHouses(e.id(), batch, "sync"));
        assertEquals("houses[2].floor", ex.errors().get(0).field());
        assertEquals(1, service.houses(ALL, e.id(), null, PageRequest.of(0, 10)).total(), "nothing of the failed batch is written");
    }

    @Test
    void ownersAreMaskedAndOneDocumentIsOneOwnerAcrossHouses_ID2() {
        Estate e = service.create(estate("业主小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("5栋", null, 10, 0, List.of("1单元")), "clerk");
        String id = cnId("44040219850312123");
        OwnerInput owner = new OwnerInput("张三明", IdType.CN_RESIDENT_ID, id, "13812345678", null);
        House h1 = service.createHouse(e.id(), house(b.id(), 300, 1, 1, owner), "clerk");
        House h2 = service.createHouse(e.id(), house(b.id(), 300, 2, 1, owner), "clerk");
        assertEquals(h1.owners().get(0).id(), h2.owners().get(0).id());
        assertEquals("张*明", h1.owners().get(0).name());
        assertEquals("440402********" + id.substring(14), h1.owners().get(0).idNumber());
        assertEquals("138****5678", h1.owners().get(0).phone());
        assertTrue(h1.owners().get(0).masked());
        assertEquals(HouseStatus.SOLD, h1.status());
        assertFalse(service.house(ALL, h1.unitCode().toLowerCase()).owners().isEmpty(), "lookup normalizes the unit code");
        // PUB-2: whom an estate notice goes to — the estate's owner records, one per owner however many houses
        assertEquals(List.of(h1.owners().get(0).id()), service.ownerIdsOfEstate(e.id()));
        assertTrue(service.ownerIdsOfEstate(Long.MAX_VALUE).isEmpty());
    }

    @Test
    void ownerWithInvalidDocumentIsRejectedPerType_ID1() {
        Estate e = service.create(estate("证件小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("6栋", null, 10, 0, List.of("1单元")), "clerk");
        House h = service.createHouse(e.id(), house(b.id(), 400, 1, 1), "clerk");
        ApiException ex = assertThrows(ApiException.class, () -> service.addOwner(h.unitCode(),
                new OwnerInput("陈大文", IdType.MO_RESIDENT_ID, "9234567(8)", "+85366123456", null), "clerk"));
        assertEquals("idNumber", ex.errors().get(0).field());
        assertEquals("idNumber.moResident", ex.errors().get(0).code());
        House ok = service.addOwner(h.unitCode(), new OwnerInput("陈大文", IdType.MO_RESIDENT_ID, "1234567(8)", "+853 6612 3456", null), "clerk");
        assertEquals(1, ok.owners().size());
        assertEquals(409, assertThrows(ApiException.class, () -> service.addOwner(h.unitCode(),
                new OwnerInput("陈大文", IdType.MO_RESIDENT_ID, "12345678", null, null), "clerk")).status());
    }

    @Test
    void everyWriteIsAuditedWithActorAndObject() {
        audited.clear();
        Estate e = service.create(estate("审计小区", "小横琴社区", 113.53, 22.14), "clerk-a");
        service.archive(e.id(), e.version(), "clerk-a");
        assertEquals(List.of("estate.create", "estate.archive"), audited.stream().map(AuditEvent::action).toList());
        assertEquals("clerk-a", audited.get(0).actor());
        assertEquals(String.valueOf(e.id()), audited.get(1).objectId());
        assertEquals("{\"name\":\"审计小区\"}", audited.get(0).summary());
        assertEquals("{\"status\":\"ARCHIVED\"}", audited.get(1).summary());
    }

    @Test
    void dataScopeHidesOtherCompaniesCommitteesAndOwnersAs404() {
        EstateInput mine = new EstateInput(null, "范围小区甲", "地址1", "荷塘社区", "440402104", new GeoPoint(113.5, 22.1), null, null, 501L, null, null, null);
        EstateInput theirs = new EstateInput(null, "范围小区乙", "地址2", "荷塘社区", "440402104", new GeoPoint(113.5, 22.1), null, null, 502L, null, null, null);
        Estate a = service.create(mine, "clerk");
        Estate b = service.create(theirs, "clerk");
        Building ba = service.createBuilding(a.id(), new BuildingInput("1栋", null, 10, 0, List.of("1单元")), "clerk");
        Building bb = service.createBuilding(b.id(), new BuildingInput("1栋", null, 10, 0, List.of("1单元")), "clerk");
        OwnerInput o = new OwnerInput("李四", IdType.CN_RESIDENT_ID, cnId("44040219900101123"), null, null);
        House own = service.createHouse(a.id(), house(ba.id(), 600, 1, 1, o), "clerk");
        House neighbour = service.createHouse(a.id(), house(ba.id(), 600, 2, 1), "clerk");
        House other = service.createHouse(b.id(), house(bb.id(), 601, 1, 1), "clerk");

        DataScope company = DataScope.company(501L);
        assertEquals(1, service.list(company, new EstateQuery("范围小区", null, null, null, null), PageRequest.of(0, 10)).total());
        assertEquals(a.id(), service.get(company, a.id()).id());
        assertEquals(404, assertThrows(ApiException.class, () -> service.get(company, b.id())).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.houses(company, b.id(), null, PageRequest.of(0, 5))).status());
        assertEquals(404, assertThrows(ApiException.class, () -> service.house(company, other.unitCode())).status());

        DataScope committee = DataScope.committee(b.id());
        assertEquals(404, assertThrows(ApiException.class, () -> service.buildings(committee, a.id())).status());
        assertEquals(1, service.houses(committee, b.id(), null, PageRequest.of(0, 5)).total());

        long ownerId = own.owners().get(0).id();
        DataScope owner = DataScope.owner(ownerId);
        assertEquals(1, service.list(owner, EstateQuery.all(), PageRequest.of(0, 10)).total());
        assertEquals(1, service.houses(owner, a.id(), null, PageRequest.of(0, 10)).total(), "only the own house");
        assertEquals(404, assertThrows(ApiException.class, () -> service.house(owner, neighbour.unitCode())).status());
        assertEquals(own.unitCode(), service.house(owner, own.unitCode()).unitCode());
        assertEquals(0, service.list(DataScope.NONE, EstateQuery.all(), PageRequest.of(0, 10)).total());
    }

    @Test
    void unmaskedViewShowsFullDataAndIsAudited_ID2() {
        Estate e = service.create(estate("明文小区", "小横琴社区", 113.53, 22.14), "clerk");
        Building b = service.createBuilding(e.id(), new BuildingInput("8栋", null, 10, 0, List.of("1单元")), "clerk");
        String id = cnId("44040219850312125");
        House h = service.createHouse(e.id(), house(b.id(), 700, 1, 1, new OwnerInput("王五", IdType.CN_RESIDENT_ID, id, "13912345678", null)), "clerk");
        audited.clear();
        House full = service.houseUnmasked(ALL, h.unitCode(), "leader");
        assertEquals(id, full.owners().get(0).idNumber());
        assertFalse(full.owners().get(0).masked());
        assertEquals("owner.view-full", audited.get(0).action());
        assertEquals("leader", audited.get(0).actor());
    }
}
