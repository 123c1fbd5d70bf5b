package org.smartproperty.map.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.committee.PublicCommittee;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstatePoint;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.map.Feature;
import org.smartproperty.map.FeatureCollection;
import org.smartproperty.map.MapQuery;
import org.smartproperty.map.Panel;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderService;
import org.smartproperty.tender.TenderStage;

/**
 * MapServiceImpl against stand-ins of the other domains' services (dynamic proxies answering the methods a test names): the
 * estates layer by zoom (clusters, simplified boundaries), scope (the estate service's 404 passes through), the public
 * subset and its masking, permissions, field errors, 503 for an absent domain.
 */
class MapServiceImplTest {

    static final double[] HENGQIN = {113.45, 22.05, 113.60, 22.20};
    static final Locale EN = Locale.ENGLISH;

    /** A stand-in answering the named methods; any other call fails the test. */
    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> a = answers.get(method.getName());
            if (a == null) {
                throw new AssertionError("unexpected call " + method.getName());
            }
            return a.apply(args);
        });
    }

    static Estate estate(long id, double lon, double lat, Long companyId, EstateStatus status) {
        Map<String, Object> boundary = Map.of("type", "Polygon", "coordinates", List.of(GeoTest.wavySquare(lon - 0.005, lat - 0.005, 10)));
        return new Estate(id, "P" + id, "Estate " + id, "Road " + id, "Hengqin", "440404", new GeoPoint(lon, lat), boundary,
                "Developer", companyId, companyId == null ? null : "Company " + companyId, new BigDecimal("2.50"), "overview",
                status, 2, 100, 1, Instant.EPOCH, Instant.EPOCH);
    }

    static SpmPrincipal principal(DataScope scope, String... permissions) {
        return new SpmPrincipal(1, "tester", Set.of(Role.REGULATOR), Set.of(permissions), scope, true, "127.0.0.1");
    }

    /** Estates 1 and 2 close together (company 7), estate 3 farther east (company 8), estate 4 archived. */
    final List<Estate> all = List.of(estate(1, 113.531, 22.121, 7L, EstateStatus.ACTIVE), estate(2, 113.533, 22.123, 7L, EstateStatus.ACTIVE),
            estate(3, 113.59, 22.19, 8L, EstateStatus.ACTIVE), estate(4, 113.50, 22.10, null, EstateStatus.ARCHIVED));
    final List<DataScope> scopesAsked = new ArrayList<>();

    List<Estate> inQuery(DataScope scope, EstateQuery q) {
        return all.stream()
                .filter(e -> scope.all() || (scope.companyId() != null && scope.companyId().equals(e.companyId())))
                .filter(e -> q.status() == null || q.status() == e.status())
                .filter(e -> q.companyId() == null || q.companyId().equals(e.companyId()))
                .filter(e -> q.bbox() == null || (e.location().longitude() >= q.bbox()[0] && e.location().longitude() <= q.bbox()[2]
                        && e.location().latitude() >= q.bbox()[1] && e.location().latitude() <= q.bbox()[3]))
                .toList();
    }

    MapServiceImpl service() {
        MapServiceImpl s = new MapServiceImpl();
        s.estateService = stub(EstateService.class, Map.of(
                "list", a -> {
                    DataScope scope = (DataScope) a[0];
                    EstateQuery q = (EstateQuery) a[1];
                    scopesAsked.add(scope);
                    List<Estate> items = inQuery(scope, q);
                    return new Page<>(items, 0, 200, items.size());
                },
                "points", a -> {
                    DataScope scope = (DataScope) a[0];
                    EstateQuery q = (EstateQuery) a[1];
                    scopesAsked.add(scope);
                    return inQuery(scope, q).stream().limit((Integer) a[2]).map(e -> new EstatePoint(e.id(), e.name(), e.community(),
                            e.companyId(), e.companyName(), e.houseCount(), e.location().longitude(), e.location().latitude())).toList();
                },
                "get", a -> {
                    DataScope scope = (DataScope) a[0];
                    long id = (Long) a[1];
                    return all.stream().filter(e -> e.id() == id)
                            .filter(e -> scope.all() || scope.estateIds().contains(e.id())
                                    || (scope.companyId() != null && scope.companyId().equals(e.companyId())))
                            .findFirst().orElseThrow(() -> ApiException.notFound("objects.estate", id));
                }));
        s.companyService = stub(CompanyService.class, Map.of("get", a -> new Company((Long) a[1], "Company " + a[1], "91440400MA4UH9XX7Q",
                "张三丰", "一级", "CERT-1", "李四光", "13812345678", "Hengqin office", CompanyStatus.FILED, List.of(), 1, Instant.EPOCH,
                Instant.EPOCH)));
        s.committeeService = stub(CommitteeService.class, Map.of(
                "publicList", a -> new Page<>(List.of(new PublicCommittee(5, (Long) a[0], "Committee", "王*", "138****5678", "Room 1", 7L,
                        null, null, null, List.of(new PublicCommittee.PublicMember("王*", null)))), 0, 1, 1),
                "list", a -> new Page<>(List.of(new Committee(5, 1, "Committee", 99L, "王五", "13812345678", "Room 1", 7L, null, null, null,
                        CommitteeStatus.ACTIVE, null, List.of(), 1, Instant.EPOCH, Instant.EPOCH)), 0, 1, 1)));
        return s;
    }

    @Test
    void atHighZoomEachEstateIsAPointAndItsSimplifiedBoundary_MAP_1() {
        FeatureCollection fc = service().estates(principal(DataScope.ALL, "estate:read"), new MapQuery(HENGQIN, 16), EN);
        assertEquals("FeatureCollection", fc.type());
        assertFalse(fc.clustered());
        assertEquals(3, fc.estates(), "active estates only (the archived one is left out)");
        assertEquals(6, fc.features().size());
        Feature boundary = fc.features().stream().filter(f -> "boundary".equals(f.properties().get("kind"))).findFirst().orElseThrow();
        assertEquals("Feature", boundary.type());
        assertEquals("Polygon", boundary.geometry().get("type"));
        assertTrue(((List<?>) ((List<?>) boundary.geometry().get("coordinates")).get(0)).size() < 41, "simplified");
        Feature point = fc.features().stream().filter(f -> "point".equals(f.properties().get("kind"))).findFirst().orElseThrow();
        assertEquals(List.of(113.531, 22.121), point.geometry().get("coordinates"), "lon/lat as stored (EPSG:4490)");
    }

    @Test
    void atLowZoomNeighboursBecomeAClusterWithItsCount_MAP_1() {
        FeatureCollection fc = service().estates(null, new MapQuery(HENGQIN, 10), EN);
        assertTrue(fc.clustered());
        Feature cluster = fc.features().stream().filter(f -> "cluster".equals(f.properties().get("kind"))).findFirst().orElseThrow();
        assertEquals(2, cluster.properties().get("count"));
        assertEquals(List.of(1L, 2L), cluster.properties().get("estateIds"));
        assertEquals(List.of(113.532, 22.122), ((List<?>) cluster.geometry().get("coordinates")).stream()
                .map(x -> Math.round((Double) x * 1000) / 1000.0).toList(), "at the members' mean position");
        assertTrue(fc.features().stream().anyMatch(f -> "point".equals(f.properties().get("kind")) && f.properties().get("estateId").equals(3L)),
                "a lone estate stays a point");
        assertTrue(fc.features().stream().noneMatch(f -> "boundary".equals(f.properties().get("kind"))));
    }

    @Test
    void aCompanySeesOnlyItsEstatesAndAnotherEstateIs404_MAP_3() {
        MapServiceImpl s = service();
        SpmPrincipal company = principal(DataScope.company(7), "estate:read", "map:read");
        FeatureCollection fc = s.estates(company, new MapQuery(HENGQIN, 16), EN);
        assertEquals(2, fc.estates());
        assertEquals(DataScope.company(7), scopesAsked.get(0));
        ApiException e = assertThrows(ApiException.class, () -> s.panel(company, 3, "overview", EN));
        assertEquals(404, e.status());
        assertEquals("Estate 1", s.panel(company, 1, "overview", EN).overview().name());
    }

    @Test
    void thePublicGetsMapOneToSevenMaskedAndNothingElse_PMAP() {
        MapServiceImpl s = service();
        Panel company = s.panel(null, 1, "company", EN);
        assertEquals("张*丰", company.company().legalRepresentative());
        assertEquals("李*光", company.company().contact());
        assertEquals("138****5678", company.company().phone());
        assertEquals(List.of(1L, 2L), company.company().estates().stream().map(Panel.EstateRef::id).toList());
        Panel committee = s.panel(null, 1, "committee", EN);
        assertEquals("王*", committee.committee().headName());
        assertEquals("138****5678", committee.committee().phone());
        assertEquals(1, committee.committee().memberCount());
        for (String staffOnly : List.of("complaints", "patrols", "repairs", "satisfaction", "nonsense")) {
            assertEquals(404, assertThrows(ApiException.class, () -> s.panel(null, 1, staffOnly, EN)).status(), staffOnly);
        }
        assertEquals(404, assertThrows(ApiException.class, () -> s.panel(null, 4, "overview", EN)).status(), "an archived estate");
        assertEquals(403, assertThrows(ApiException.class, () -> s.theme(null, "credit-grade", new MapQuery(HENGQIN, 14), EN)).status());
    }

    @Test
    void theRegulatorSeesTheCompanyInFullAndACommitteeMasked_MAP_3() {
        MapServiceImpl s = service();
        Panel full = s.panel(principal(DataScope.ALL, "estate:read", "company:read"), 1, "company", EN);
        assertEquals("张三丰", full.company().legalRepresentative());
        assertEquals("13812345678", full.company().phone());
        Panel masked = s.panel(principal(DataScope.committee(1), "estate:read", "committee:read"), 1, "company", EN);
        assertEquals("138****5678", masked.company().phone());
        assertNull(s.panel(principal(DataScope.ALL, "estate:read"), 4, "company", EN).company(), "no company, no section");
    }

    @Test
    void aPanelNeedsItsDomainsReadPermission_MAP_8() {
        MapServiceImpl s = service();
        ApiException e = assertThrows(ApiException.class, () -> s.panel(principal(DataScope.ALL, "estate:read"), 1, "complaints", EN));
        assertEquals(403, e.status());
        assertEquals("map.forbidden", e.code());
    }

    @Test
    void anAbsentDomainIs503NamingIt() {
        MapServiceImpl s = service();
        SpmPrincipal regulator = principal(DataScope.ALL, "estate:read", "complaint:read");
        ApiException e = assertThrows(ApiException.class, () -> s.panel(regulator, 1, "complaints", EN));
        assertEquals(503, e.status());
        assertEquals("complaint", e.args()[0]);
    }

    @Test
    void complaintDensityCountsPerHundredHouseholdsWithItsLegend_MAP_8() {
        MapServiceImpl s = service();
        Map<Long, Long> complaints = new HashMap<>(Map.of(1L, 0L, 2L, 3L, 3L, 9L));
        s.complaintService = stub(ComplaintService.class, Map.of("countByEstate", a -> {
            assertEquals(List.of(1L, 2L, 3L), a[1], "one grouped call for the estates in the bbox");
            return complaints;
        }));
        FeatureCollection fc = s.theme(principal(DataScope.ALL, "estate:read", "complaint:read"), "complaint-density",
                new MapQuery(HENGQIN, 14), EN);
        assertEquals("complaint-density", fc.theme());
        assertEquals(List.of("low", "medium", "high", "none"), fc.legend().stream().map(l -> l.key()).toList());
        assertEquals("Under 1 per 100 households", fc.legend().get(0).label());
        Map<Object, Object> cls = new HashMap<>();
        fc.features().forEach(f -> cls.put(f.properties().get("estateId"), f.properties().get("cls")));
        assertEquals(Map.of(1L, "low", 2L, "medium", 3L, "high"), cls);
        assertEquals(404, assertThrows(ApiException.class, () -> s.theme(principal(DataScope.ALL), "heat", new MapQuery(HENGQIN, 14), EN)).status());
    }

    @Test
    void openRepairsAreCountedInOneGroupedCallOfTheOpenStatuses_MAP_10() {
        MapServiceImpl s = service();
        s.repairService = stub(RepairService.class, Map.of("countByEstate", a -> {
            @SuppressWarnings("unchecked")
            Set<RepairStatus> statuses = (Set<RepairStatus>) a[1];
            assertTrue(statuses.stream().allMatch(RepairStatus::open) && !statuses.isEmpty(), "the open statuses only");
            assertEquals(List.of(1L, 2L), a[2], "the company's estates in the bbox");
            return Map.of(2L, 7L);
        }));
        FeatureCollection fc = s.theme(principal(DataScope.company(7), "estate:read", "repair:read"), "open-repairs",
                new MapQuery(new double[] {113.5, 22.1, 113.6, 22.2}, 14), EN);
        Map<Object, Object> cls = new HashMap<>();
        fc.features().forEach(f -> cls.put(f.properties().get("estateId"), f.properties().get("cls")));
        assertEquals(Map.of(1L, "zero", 2L, "many"), cls, "company 7's estates; estate 3 is not in its scope");
    }

    @Test
    void thePublicTendersPanelMergesResultsAndAnnouncementsNewestFirst_MAP_5() {
        MapServiceImpl s = service();
        List<String> kinds = new ArrayList<>();
        s.tenderService = stub(TenderService.class, Map.of("publicList", a -> {
            kinds.add((String) a[0]);
            assertEquals(1L, a[1], "the estate's own tenders only");
            List<PublicTender> items = "result".equals(a[0])
                    ? List.of(tender(5, TenderStage.CONTRACTED, "Winner Co."))
                    : List.of(tender(9, TenderStage.BIDDING, null), tender(5, TenderStage.CONTRACTED, "Winner Co."));
            return new Page<>(items, 0, 20, items.size());
        }));
        Panel p = s.panel(null, 1, "tenders", EN);
        assertEquals(List.of("result", "announcement"), kinds);
        assertEquals(List.of(9L, 5L), p.items().stream().map(Panel.Item::id).toList());
        assertEquals(2L, p.total());
        assertEquals("Winner Co.", p.items().get(1).detail());
        assertEquals("BIDDING", p.items().get(0).status());
    }

    static PublicTender tender(long id, TenderStage stage, String winner) {
        return new PublicTender(id, "ZB-" + id, "Tender " + id, "Estate 1", "Committee", TenderMethod.OPEN, stage, null, null, winner, null, null);
    }

    @Test
    void badAreasAndZoomsAreFieldErrorsAllAtOnce() {
        ApiException e = assertThrows(ApiException.class, () -> MapServiceImpl.validate(new MapQuery(new double[] {113.6, 22, 113.5, 22.2}, 30)));
        assertEquals(400, e.status());
        assertEquals(List.of("bbox", "zoom"), e.errors().stream().map(x -> x.field()).toList());
        assertEquals(List.of("bbox"), assertThrows(ApiException.class, () -> MapServiceImpl.validate(new MapQuery(null, 3))).errors()
                .stream().map(x -> x.field()).toList());
    }
}
