package org.smartproperty.dev.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartproperty.dev.demodata.internal.HengqinDataSet.DemoEstate;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.UnitCode;

/** The Hengqin fixture data (DOMAIN-RULES "Fixture data") is large, valid and reproducible. */
class HengqinDataSetTest {

    private static HengqinDataSet data;

    @BeforeAll
    static void generate() {
        data = new HengqinDataSet();
        System.out.println("Hengqin demo data: " + data.totals());
    }

    private static List<HouseInput> allHouses() {
        return data.estates().stream().flatMap(e -> e.allHouses().stream()).toList();
    }

    private static List<OwnerInput> allOwners() {
        return allHouses().stream().flatMap(h -> h.owners().stream()).toList();
    }

    @Test
    void atLeastThirtyEstatesWithProjectCodesForIdempotentSeeding() {
        assertTrue(data.estates().size() >= 30, "estates: " + data.estates().size());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < data.estates().size(); i++) {
            String code = data.estates().get(i).estate().projectCode();
            assertEquals(String.format("HQ-DEMO-%03d", i + 1), code);
            assertTrue(codes.add(code));
        }
        assertEquals(data.estates().size(), data.estates().stream().map(e -> e.estate().name()).distinct().count(),
                "estate names are unique");
    }

    @Test
    void atLeastTwentyThousandHouses() {
        assertTrue(data.totals().houses() >= 20_000, "houses: " + data.totals().houses());
        assertEquals(allHouses().size(), data.totals().houses());
    }

    @Test
    void everyEstateIsInHengqinTownWithLocationAndBoundaryInsideTheBox() {
        for (DemoEstate d : data.estates()) {
            EstateInput e = d.estate();
            assertEquals("440402104", e.adminCode());
            assertNotNull(e.community());
            double lat = e.location().latitude();
            double lon = e.location().longitude();
            assertTrue(lat >= 22.08 && lat <= 22.16, e.name() + " lat " + lat);
            assertTrue(lon >= 113.47 && lon <= 113.57, e.name() + " lon " + lon);
            assertEquals("Polygon", e.boundary().get("type"));
            @SuppressWarnings("unchecked")
            List<List<List<Double>>> rings = (List<List<List<Double>>>) e.boundary().get("coordinates");
            List<List<Double>> ring = rings.get(0);
            assertEquals(ring.get(0), ring.get(ring.size() - 1), "ring is closed");
            for (List<Double> p : ring) {
                assertTrue(p.get(0) >= 113.47 && p.get(0) <= 113.57, e.name() + " boundary lon " + p.get(0));
                assertTrue(p.get(1) >= 22.08 && p.get(1) <= 22.16, e.name() + " boundary lat " + p.get(1));
            }
        }
    }

    @Test
    void estatesCoverTheHengqinCommunities() {
        Set<String> communities = new HashSet<>();
        data.estates().forEach(d -> communities.add(d.estate().community()));
        assertTrue(communities.containsAll(Set.of("小横琴社区", "新家园社区", "荷塘社区", "富祥湾社区", "莲花社区")), communities.toString());
        assertTrue(data.estates().stream().anyMatch(d -> d.estate().name().equals("横琴新家园")));
    }

    @Test
    void feeStandardsLieBetweenTwoFiftyAndSixEighty() {
        for (DemoEstate d : data.estates()) {
            BigDecimal fee = d.estate().feeStandard();
            assertTrue(fee.compareTo(new BigDecimal("2.5")) >= 0 && fee.compareTo(new BigDecimal("6.8")) <= 0,
                    d.estate().name() + " fee " + fee);
            assertNotNull(d.estate().developer());
        }
    }

    @Test
    void everyUnitCodeIsValidAndUniqueAndBelongsToItsEstateParcel() {
        Set<String> codes = new HashSet<>();
        Set<String> parcels = new HashSet<>();
        for (DemoEstate d : data.estates()) {
            String parcel = UnitCode.parcelCode(d.allHouses().get(0).unitCode());
            assertTrue(parcel.startsWith("440402104"), parcel);
            assertTrue(parcels.add(parcel), "one parcel per estate: " + parcel);
            for (HouseInput h : d.allHouses()) {
                assertTrue(UnitCode.isValid(h.unitCode()), h.unitCode() + " " + UnitCode.violations(h.unitCode()));
                assertEquals(28, h.unitCode().length());
                assertEquals(parcel, UnitCode.parcelCode(h.unitCode()));
                assertEquals('F', h.unitCode().charAt(19));
                assertTrue(codes.add(h.unitCode()), "duplicate " + h.unitCode());
            }
        }
    }

    @Test
    void housesFitTheirBuildingTable() {
        for (DemoEstate d : data.estates()) {
            assertEquals(d.buildings().size(), d.housesByBuilding().size());
            Set<String> numbers = new HashSet<>();
            for (BuildingInput b : d.buildings()) {
                assertTrue(numbers.add(b.number()), "duplicate building " + b.number());
                assertTrue(d.houses(b.number()).size() > 0, d.estate().name() + " " + b.number());
                Set<String> rooms = new HashSet<>();
                for (HouseInput h : d.houses(b.number())) {
                    assertNull(h.buildingId(), "the seeder sets buildingId");
                    assertTrue(b.units().contains(h.unitName()), h.unitName());
                    assertTrue(h.floor() >= 1 && h.floor() <= b.floorsAbove(), "floor " + h.floor());
                    assertTrue(rooms.add(h.unitName() + "/" + h.roomNo()), "room twice: " + h.roomNo());
                    assertTrue(h.plannedArea().signum() > 0);
                }
            }
        }
    }

    @Test
    void macaoNewNeighbourhoodHasTwentySevenTowersAndAboutFourThousandFlats() {
        List<DemoEstate> mnn = data.estates().stream()
                .filter(d -> d.estate().name().equals(HengqinDataSet.MACAO_NEW_NEIGHBOURHOOD)).toList();
        assertEquals(1, mnn.size());
        DemoEstate d = mnn.get(0);
        assertEquals(27, d.buildings().size());
        d.buildings().forEach(b -> assertTrue(b.floorsAbove() >= 19 && b.floorsAbove() <= 26, "floors " + b.floorsAbove()));
        int houses = d.houseCount();
        assertTrue(houses >= 3800 && houses <= 4200, "houses " + houses);
        for (HouseInput h : d.allHouses()) {
            assertEquals(HouseUse.RESIDENTIAL, h.use());
            double a = h.plannedArea().doubleValue();
            assertTrue(Math.abs(a - 88) <= 2 || Math.abs(a - 118) <= 2, "area " + a);
        }
        long macaoOwners = d.allHouses().stream().flatMap(h -> h.owners().stream()).filter(HengqinDataSetTest::isMacao).count();
        long owners = d.allHouses().stream().mapToLong(h -> h.owners().size()).sum();
        assertEquals(owners, macaoOwners, "the Macao New Neighbourhood is sold to Macao residents");
    }

    @Test
    void everyOwnerIdNumberPassesItsDocumentRule_ID1() {
        for (OwnerInput o : allOwners()) {
            assertNull(IdDocuments.violation(o.idType(), o.idNumber()), o.idType() + " " + o.idNumber());
        }
    }

    @Test
    void ownersHoldSeveralDocumentTypesNotOnlyMainlandIds_ID1() {
        Set<IdType> types = new HashSet<>();
        allOwners().forEach(o -> types.add(o.idType()));
        assertTrue(types.containsAll(Set.of(IdType.CN_RESIDENT_ID, IdType.MO_RESIDENT_ID, IdType.HKMO_TRAVEL_PERMIT,
                IdType.HK_RESIDENT_ID, IdType.RESIDENCE_PERMIT)), types.toString());
        long mainland = allOwners().stream().filter(o -> o.idType() == IdType.CN_RESIDENT_ID).count();
        assertTrue(mainland > allOwners().size() / 2, "mostly mainland IDs");
    }

    @Test
    void aboutOneFifthOfOwnersAreMacaoResidentsWithMacaoPhones_ID1() {
        List<OwnerInput> owners = allOwners();
        List<OwnerInput> macao = owners.stream().filter(HengqinDataSetTest::isMacao).toList();
        double share = (double) macao.size() / owners.size();
        assertTrue(share >= 0.15 && share <= 0.28, "Macao share " + share);
        macao.forEach(o -> assertTrue(o.phone().matches("\\+8536\\d{7}"), o.phone()));
    }

    @Test
    void phonesHaveMainlandMacaoOrHongKongFormat() {
        for (OwnerInput o : allOwners()) {
            String p = o.phone();
            assertTrue(p.matches("1[3-9]\\d{9}") || p.matches("\\+8536\\d{7}") || p.matches("\\+852[5-9]\\d{7}"), p);
            if (o.idType() == IdType.CN_RESIDENT_ID) {
                assertTrue(p.matches("1[3-9]\\d{9}"), p);
            }
        }
    }

    @Test
    void aboutOneTenthOfHousesAreUnsoldAndHaveNoOwner_VOTE5() {
        List<HouseInput> houses = allHouses();
        long unsold = houses.stream().filter(h -> h.status() == HouseStatus.UNSOLD).count();
        double share = (double) unsold / houses.size();
        assertTrue(share >= 0.08 && share <= 0.12, "unsold share " + share);
        for (HouseInput h : houses) {
            if (h.status() == HouseStatus.UNSOLD) {
                assertTrue(h.owners().isEmpty());
            } else {
                assertTrue(!h.owners().isEmpty(), h.unitCode());
            }
        }
    }

    @Test
    void someOwnersOwnTwoHousesWithTheSameDocumentAndSameDetails_VOTE5() {
        Map<String, OwnerInput> byDocument = new HashMap<>();
        Map<String, Integer> houses = new HashMap<>();
        for (OwnerInput o : allOwners()) {
            String key = o.idType() + ":" + o.idNumber();
            OwnerInput first = byDocument.putIfAbsent(key, o);
            if (first != null && !first.equals(o)) {
                fail("one document, two persons: " + first + " / " + o);
            }
            houses.merge(key, 1, Integer::sum);
        }
        long twoHouses = houses.values().stream().filter(n -> n == 2).count();
        assertTrue(twoHouses >= 100, "owners of two houses: " + twoHouses);
        assertEquals(data.totals().owners(), byDocument.size());
    }

    @Test
    void coOwnersHaveSharesThatAddUpToOneHundred() {
        for (HouseInput h : allHouses()) {
            if (h.owners().size() > 1) {
                BigDecimal sum = h.owners().stream().map(OwnerInput::share).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.compareTo(new BigDecimal("100")), h.unitCode());
                assertEquals(h.owners().size(), h.owners().stream().map(OwnerInput::idNumber).distinct().count());
            } else if (h.owners().size() == 1) {
                assertNull(h.owners().get(0).share());
            }
        }
    }

    @Test
    void generationIsDeterministic() {
        HengqinDataSet again = new HengqinDataSet();
        assertEquals(data.estates(), again.estates());
        assertEquals(data.totals(), again.totals());
    }

    private static boolean isMacao(OwnerInput o) {
        return o.idType() == IdType.MO_RESIDENT_ID
                || (o.idType() == IdType.HKMO_TRAVEL_PERMIT && o.idNumber().startsWith("M"))
                || (o.idType() == IdType.RESIDENCE_PERMIT && o.idNumber().startsWith("82"));
    }
}
