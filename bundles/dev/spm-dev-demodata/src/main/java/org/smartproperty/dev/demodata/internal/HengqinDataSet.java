package org.smartproperty.dev.demodata.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;

/**
 * Synthetic, deterministic demo data for Hengqin (DOMAIN-RULES "Fixture data"): estates inside
 * 22.08–22.16 N / 113.47–113.57 E, administrative code 440402104, including the Macao New
 * Neighbourhood (澳门新街坊, 27 towers of 19–26 floors, about 4,000 flats of ~88 m² and ~118 m²).
 * Every name, identity number and phone number is invented; identity numbers pass
 * {@link IdDocuments#violation} (rule ID-1) and unit codes pass {@code UnitCode.isValid}.
 * The same seed always produces equal data, so seeding can be idempotent by project code.
 */
public final class HengqinDataSet {

    public static final long SEED = 20261127L;
    public static final String ADMIN_CODE = "440402104";
    public static final String PROJECT_CODE_PREFIX = "HQ-DEMO-";
    public static final String MACAO_NEW_NEIGHBOURHOOD = "澳门新街坊";
    public static final double MIN_LAT = 22.08;
    public static final double MAX_LAT = 22.16;
    public static final double MIN_LON = 113.47;
    public static final double MAX_LON = 113.57;

    /** One estate with its buildings and, per building number, its houses (buildingId still null). */
    public record DemoEstate(EstateInput estate, List<BuildingInput> buildings, Map<String, List<HouseInput>> housesByBuilding) {

        public DemoEstate {
            buildings = List.copyOf(buildings);
            Map<String, List<HouseInput>> copy = new LinkedHashMap<>();
            housesByBuilding.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            housesByBuilding = Collections.unmodifiableMap(copy);
        }

        /** The houses of the building with this number, in building-table order. */
        public List<HouseInput> houses(String buildingNumber) {
            return housesByBuilding.getOrDefault(buildingNumber, List.of());
        }

        /** All houses of the estate, building by building. */
        public List<HouseInput> allHouses() {
            List<HouseInput> all = new ArrayList<>();
            for (BuildingInput b : buildings) {
                all.addAll(houses(b.number()));
            }
            return all;
        }

        public int houseCount() {
            return housesByBuilding.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Counts for logs and reports. {@code owners} counts distinct identity documents. */
    public record Totals(int estates, int buildings, int houses, int unsoldHouses, int ownerships, int owners) {
    }

    private final List<DemoEstate> estates;

    /**
     * The natural persons of the provincial login simulator (spm-sim-identity's fixtures 陈志明 and
     * 何嘉欣) as co-owners of demo houses (issue 12 item 1), so logging in as them through the simulator
     * and verifying their titles binds real houses: 陈志明 in the third estate (which has a demo committee),
     * 何嘉欣 in the second and fourth (two estates). Each joins the last sold single-owner house of the estate at 50 %.
     */
    public static final List<OwnerInput> REAL_NAME_PERSONS = List.of(
            new OwnerInput("陈志明", IdType.CN_RESIDENT_ID, "440402199003071232", "13800000001", null),
            new OwnerInput("何嘉欣", IdType.MO_RESIDENT_ID, "15120346", "+85366123456", null));
    /** Per estate index, the real-name person (index into {@link #REAL_NAME_PERSONS}) who co-owns a house there. */
    private static final Map<Integer, Integer> REAL_NAME_HOUSES = Map.of(2, 0, 1, 1, 3, 1);

    public HengqinDataSet() {
        List<DemoEstate> generated = new Generator(new Random(SEED)).generate();
        List<DemoEstate> out = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            Integer person = REAL_NAME_HOUSES.get(i);
            out.add(person == null ? generated.get(i) : withCoOwner(generated.get(i), REAL_NAME_PERSONS.get(person)));
        }
        this.estates = List.copyOf(out);
    }

    /** The estate with {@code person} added at 50 % to its last sold house that has one owner (who gets the other 50 %). */
    private static DemoEstate withCoOwner(DemoEstate e, OwnerInput person) {
        Map<String, List<HouseInput>> houses = new LinkedHashMap<>();
        e.housesByBuilding().forEach((k, v) -> houses.put(k, new ArrayList<>(v)));
        List<String> buildings = new ArrayList<>(houses.keySet());
        for (int b = buildings.size() - 1; b >= 0; b--) {
            List<HouseInput> list = houses.get(buildings.get(b));
            for (int i = list.size() - 1; i >= 0; i--) {
                HouseInput h = list.get(i);
                if (h.status() == HouseStatus.SOLD && h.owners().size() == 1) {
                    OwnerInput first = h.owners().get(0);
                    List<OwnerInput> owners = List.of(new OwnerInput(first.name(), first.idType(), first.idNumber(), first.phone(), FIFTY),
                            new OwnerInput(person.name(), person.idType(), person.idNumber(), person.phone(), FIFTY));
                    list.set(i, new HouseInput(h.unitCode(), h.buildingId(), h.unitName(), h.floor(), h.roomNo(), h.use(), h.plannedArea(),
                            h.measuredArea(), h.status(), owners));
                    return new DemoEstate(e.estate(), e.buildings(), houses);
                }
            }
        }
        return e;
    }

    public List<DemoEstate> estates() {
        return estates;
    }

    public Totals totals() {
        int buildings = 0;
        int houses = 0;
        int unsold = 0;
        int ownerships = 0;
        Set<String> owners = new HashSet<>();
        for (DemoEstate e : estates) {
            buildings += e.buildings().size();
            for (HouseInput h : e.allHouses()) {
                houses++;
                if (h.status() == HouseStatus.UNSOLD) {
                    unsold++;
                }
                for (OwnerInput o : h.owners()) {
                    ownerships++;
                    owners.add(o.idType() + ":" + o.idNumber());
                }
            }
        }
        return new Totals(estates.size(), buildings, houses, unsold, ownerships, owners.size());
    }

    /** The house as the seeder sends it, once its building exists. */
    public static HouseInput withBuildingId(HouseInput h, long buildingId) {
        return new HouseInput(h.unitCode(), buildingId, h.unitName(), h.floor(), h.roomNo(), h.use(), h.plannedArea(),
                h.measuredArea(), h.status(), h.owners());
    }

    // ------------------------------------------------------------------ fixed tables

    private enum Kind { MACAO_NEW_NEIGHBOURHOOD, RESETTLEMENT, HIGH_RISE, MID_RISE, VILLA, APARTMENT }

    /** A community (社区) of Hengqin town with its cadastral sub-district code and a rough centre. */
    private record Community(String name, String subDistrict, double lat, double lon) {
    }

    private static final List<Community> COMMUNITIES = List.of(
            new Community("小横琴社区", "001", 22.1425, 113.5290),
            new Community("新家园社区", "002", 22.1335, 113.5170),
            new Community("荷塘社区", "003", 22.1170, 113.5040),
            new Community("富祥湾社区", "004", 22.1290, 113.5430),
            new Community("莲花社区", "005", 22.1440, 113.5510));

    private record Spec(String name, int community, Kind kind) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(MACAO_NEW_NEIGHBOURHOOD, 3, Kind.MACAO_NEW_NEIGHBOURHOOD),
            new Spec("横琴新家园", 1, Kind.RESETTLEMENT),
            new Spec("琴海湾花园", 0, Kind.HIGH_RISE),
            new Spec("天沐琴台", 0, Kind.VILLA),
            new Spec("荷塘雅苑", 2, Kind.MID_RISE),
            new Spec("富祥湾一号", 3, Kind.HIGH_RISE),
            new Spec("莲花湾畔", 4, Kind.HIGH_RISE),
            new Spec("濠江明珠", 4, Kind.APARTMENT),
            new Spec("天羽华庭", 0, Kind.HIGH_RISE),
            new Spec("琴澳名苑", 3, Kind.HIGH_RISE),
            new Spec("十字门国际公馆", 4, Kind.APARTMENT),
            new Spec("芒洲花园", 2, Kind.MID_RISE),
            new Spec("宝中雅居", 1, Kind.MID_RISE),
            new Spec("澳琴汇", 3, Kind.APARTMENT),
            new Spec("琴湾雅筑", 0, Kind.HIGH_RISE),
            new Spec("悦海湾", 4, Kind.HIGH_RISE),
            new Spec("天汇云庭", 1, Kind.HIGH_RISE),
            new Spec("横琴壹号", 0, Kind.VILLA),
            new Spec("珠澳湾畔", 3, Kind.HIGH_RISE),
            new Spec("荷韵花园", 2, Kind.MID_RISE),
            new Spec("小横琴山居", 0, Kind.VILLA),
            new Spec("莲花新城", 4, Kind.HIGH_RISE),
            new Spec("云岭苑", 2, Kind.MID_RISE),
            new Spec("滨海豪园", 3, Kind.HIGH_RISE),
            new Spec("粤澳家园", 1, Kind.HIGH_RISE),
            new Spec("海澜苑", 2, Kind.MID_RISE),
            new Spec("琴韵苑", 1, Kind.MID_RISE),
            new Spec("万象湾", 4, Kind.APARTMENT),
            new Spec("星河琴湾", 0, Kind.HIGH_RISE),
            new Spec("海天华府", 3, Kind.HIGH_RISE),
            new Spec("金融岛公寓", 4, Kind.APARTMENT),
            new Spec("荷塘月色", 2, Kind.VILLA),
            new Spec("新家园二期", 1, Kind.MID_RISE),
            new Spec("环岛东岸", 3, Kind.APARTMENT));

    private static final String[] DEVELOPERS = {
        "珠海琴海房地产开发有限公司", "横琴琴澳置业有限公司", "珠海华琴地产有限公司", "横琴粤澳发展投资有限公司",
        "珠海十字门置业有限公司", "广东珠澳湾房地产开发有限公司", "珠海莲洲地产有限公司", "横琴金湾城市建设有限公司"};
    /** The property companies the estates name, in company-id order (1 + index on a fresh registry). */
    static final String[] PROPERTY_COMPANIES = {
        "横琴琴澳物业服务有限公司", "珠海华琴物业管理有限公司", "横琴新区城市服务有限公司", "珠海海湾物业服务有限公司",
        "横琴粤澳物业管理有限公司"};
    private static final String[] ROADS = {
        "环岛东路", "港澳大道", "天羽道", "濠江路", "宝中路", "环岛北路", "荣粤道", "横琴大道", "琴政路", "华金街",
        "汇通一路", "芒洲路", "荷塘路", "富祥路", "莲花大街"};

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
        "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "钟", "谭", "陆", "范", "廖", "卢", "江", "欧阳", "司徒"};
    private static final String[] MACAO_SURNAMES = {
        "陈", "黄", "梁", "李", "何", "林", "吴", "郑", "区", "冯", "罗", "谭", "麦", "苏", "关", "邓", "卢", "叶",
        "郭", "刘", "司徒", "欧阳"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰文辉建国志俊峰慧婷琳欣宇浩子涵梓轩思雨嘉怡佳晨博然诗琪颖鑫鹏斌宏";
    private static final String MACAO_GIVEN = "嘉伟家俊志豪文杰颖欣敏慧诗玮健永锦咏翠婉淑明国荣振炜浩朗晓雅德基宝";
    private static final String[] LATIN_GIVEN = {"Maria", "João", "António", "Ana", "José", "Paulo", "Rita", "Carlos", "Sofia", "Miguel"};
    private static final String[] LATIN_SURNAMES = {
        "Fernandes", "Lopes", "Rodrigues", "Sousa", "Gomes", "Remédios", "Ferreira", "Silva", "Pereira", "Rosário"};

    /** Mainland county codes owners come from; Xiangzhou (440402) first and most frequent. */
    private static final String[] MAINLAND_AREAS = {
        "440402", "440403", "440404", "440106", "440305", "440606", "442000", "430104", "420106", "510107",
        "360102", "350203", "110105", "310115", "450103", "445102"};
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158",
        "159", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"};

    private static final BigDecimal FIFTY = new BigDecimal("50");

    // ------------------------------------------------------------------ generator

    private enum Origin { MAINLAND, LOCAL, MACAO, HONG_KONG, FOREIGN }

    private record Person(String name, IdType idType, String idNumber, String phone) {
        OwnerInput owner(BigDecimal share) {
            return new OwnerInput(name, idType, idNumber, phone, share);
        }
    }

    /** All randomness comes from one Random, drawn in a fixed order. */
    private static final class Generator {

        private final Random rnd;
        private final Set<String> usedIds = new HashSet<>();

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        List<DemoEstate> generate() {
            List<DemoEstate> out = new ArrayList<>();
            for (int i = 0; i < SPECS.size(); i++) {
                out.add(estate(i, SPECS.get(i)));
            }
            return out;
        }

        private DemoEstate estate(int index, Spec spec) {
            Community community = COMMUNITIES.get(spec.community());
            String projectCode = String.format("%s%03d", PROJECT_CODE_PREFIX, index + 1);
            String parcel = String.format("%05d", 100 + index * 7);
            String parcelCode = "440402" + "104" + community.subDistrict() + "GB" + parcel;

            double lat;
            double lon;
            if (spec.kind() == Kind.MACAO_NEW_NEIGHBOURHOOD) {
                lat = 22.1302;
                lon = 113.5446;
            } else {
                lat = clamp(community.lat() + rnd.nextGaussian() * 0.004, MIN_LAT + 0.004, MAX_LAT - 0.004);
                lon = clamp(community.lon() + rnd.nextGaussian() * 0.005, MIN_LON + 0.004, MAX_LON - 0.004);
            }
            lat = round6(lat);
            lon = round6(lon);
            double halfLat = spec.kind() == Kind.MACAO_NEW_NEIGHBOURHOOD ? 0.0022 : 0.0006 + rnd.nextDouble() * 0.0012;
            double halfLon = spec.kind() == Kind.MACAO_NEW_NEIGHBOURHOOD ? 0.0026 : 0.0006 + rnd.nextDouble() * 0.0014;

            List<BuildingInput> buildings = buildings(spec.kind());
            Map<String, List<HouseInput>> houses = new LinkedHashMap<>();
            List<Person> pool = new ArrayList<>();
            boolean surveyed = spec.kind() != Kind.APARTMENT || rnd.nextBoolean();
            boolean shops = spec.kind() == Kind.HIGH_RISE && rnd.nextInt(3) == 0;
            int perUnit = perUnitFlats(spec.kind());
            int[] perUnitOf = spec.kind() == Kind.MACAO_NEW_NEIGHBOURHOOD ? macaoNewNeighbourhoodLayout(buildings) : null;
            for (int b = 0; b < buildings.size(); b++) {
                BuildingInput building = buildings.get(b);
                int flats = perUnitOf != null ? perUnitOf[b] : perUnit;
                houses.put(building.number(), houses(spec.kind(), parcelCode, b + 1, building, flats, shops && b % 2 == 0,
                        surveyed, pool));
            }
            int houseCount = houses.values().stream().mapToInt(List::size).sum();

            String developer = switch (spec.kind()) {
                case MACAO_NEW_NEIGHBOURHOOD -> "澳门都市更新股份有限公司";
                case RESETTLEMENT -> "珠海大横琴置业有限公司";
                default -> DEVELOPERS[rnd.nextInt(DEVELOPERS.length)];
            };
            int companyIndex = rnd.nextInt(PROPERTY_COMPANIES.length);
            String company = PROPERTY_COMPANIES[companyIndex];
            // the company's reference number until the company registry (SUP-CO-1) owns it: 1 + index
            long companyId = companyIndex + 1L;
            BigDecimal fee = fee(spec.kind());
            String address = "广东省珠海市横琴粤澳深度合作区" + ROADS[rnd.nextInt(ROADS.length)] + (100 + rnd.nextInt(3900)) + "号";
            String overview = overview(spec.kind(), buildings.size(), houseCount);

            EstateInput estate = new EstateInput(projectCode, spec.name(), address, community.name(), ADMIN_CODE,
                    new GeoPoint(lon, lat), boundary(lon, lat, halfLon, halfLat), developer, companyId, company, fee, overview);
            return new DemoEstate(estate, buildings, houses);
        }

        // -------------------------------------------------------------- building table

        private List<BuildingInput> buildings(Kind kind) {
            List<BuildingInput> list = new ArrayList<>();
            switch (kind) {
                case MACAO_NEW_NEIGHBOURHOOD -> {
                    for (int t = 1; t <= 27; t++) {
                        list.add(new BuildingInput("T" + t, "第" + t + "座", 19 + rnd.nextInt(8), 2, List.of("1单元", "2单元")));
                    }
                }
                case RESETTLEMENT -> {
                    int n = 14 + rnd.nextInt(7);
                    for (int b = 1; b <= n; b++) {
                        list.add(new BuildingInput(b + "栋", b + "栋", 11 + rnd.nextInt(8), 1, List.of("1单元", "2单元")));
                    }
                }
                case HIGH_RISE -> {
                    int n = 4 + rnd.nextInt(6);
                    List<String> units = rnd.nextBoolean() ? List.of("1单元", "2单元") : List.of("1单元");
                    for (int b = 1; b <= n; b++) {
                        list.add(new BuildingInput(b + "栋", b + "栋", 18 + rnd.nextInt(16), 2, units));
                    }
                }
                case MID_RISE -> {
                    int n = 6 + rnd.nextInt(7);
                    for (int b = 1; b <= n; b++) {
                        list.add(new BuildingInput(b + "栋", b + "栋", 6 + rnd.nextInt(6), 1, List.of("1单元", "2单元")));
                    }
                }
                case VILLA -> {
                    int n = 12 + rnd.nextInt(25);
                    for (int b = 1; b <= n; b++) {
                        list.add(new BuildingInput(b + "栋", b + "号别墅", 3, 1, List.of("1单元")));
                    }
                }
                case APARTMENT -> {
                    int n = 1 + rnd.nextInt(3);
                    for (int b = 1; b <= n; b++) {
                        String tower = String.valueOf((char) ('A' + b - 1));
                        list.add(new BuildingInput(tower + "座", tower + "座", 28 + rnd.nextInt(13), 3, List.of("1单元")));
                    }
                }
            }
            return list;
        }

        private int perUnitFlats(Kind kind) {
            return switch (kind) {
                case MACAO_NEW_NEIGHBOURHOOD, VILLA -> 1; // MNN: replaced per tower; villas: one house
                case RESETTLEMENT, MID_RISE -> 2;
                case HIGH_RISE -> 2 + rnd.nextInt(3);
                case APARTMENT -> 10 + rnd.nextInt(5);
            };
        }

        /** Flats per unit and floor of each tower: 3, upgraded to 4 tower by tower while the total stays about 4,000. */
        private static int[] macaoNewNeighbourhoodLayout(List<BuildingInput> towers) {
            int[] perUnit = new int[towers.size()];
            int total = 0;
            for (int i = 0; i < towers.size(); i++) {
                perUnit[i] = 3;
                total += 2 * 3 * towers.get(i).floorsAbove();
            }
            for (int i = 0; i < towers.size(); i++) {
                int extra = 2 * towers.get(i).floorsAbove();
                if (total + extra <= 4020) {
                    perUnit[i] = 4;
                    total += extra;
                }
            }
            return perUnit;
        }

        private List<HouseInput> houses(Kind kind, String parcelCode, int buildingNo, BuildingInput building, int perUnit,
                                        boolean groundFloorShops, boolean surveyed, List<Person> pool) {
            List<HouseInput> list = new ArrayList<>();
            int seq = 0;
            if (kind == Kind.VILLA) {
                BigDecimal area = area(220 + rnd.nextInt(160), 8);
                list.add(house(unitCode(parcelCode, buildingNo, ++seq), "1单元", 1, "101", HouseUse.RESIDENTIAL, area,
                        surveyed, kind, pool));
                return list;
            }
            for (int floor = 1; floor <= building.floorsAbove(); floor++) {
                for (String unit : building.units()) {
                    boolean shopFloor = groundFloorShops && floor == 1;
                    int count = shopFloor ? 3 : perUnit;
                    for (int pos = 1; pos <= count; pos++) {
                        String roomNo = String.valueOf(floor * 100 + pos);
                        HouseUse use;
                        BigDecimal planned;
                        if (shopFloor) {
                            use = HouseUse.COMMERCIAL;
                            planned = area(45 + rnd.nextInt(100), 6);
                        } else {
                            use = kind == Kind.APARTMENT ? HouseUse.OFFICE : HouseUse.RESIDENTIAL;
                            planned = flatArea(kind, pos, perUnit);
                        }
                        list.add(house(unitCode(parcelCode, buildingNo, ++seq), unit, floor, roomNo, use, planned, surveyed,
                                kind, pool));
                    }
                }
            }
            return list;
        }

        private BigDecimal flatArea(Kind kind, int pos, int perUnit) {
            return switch (kind) {
                // corner flats ~118 m², inner flats ~88 m²
                case MACAO_NEW_NEIGHBOURHOOD -> (pos == 1 || pos == 4)
                        ? area(117, 2) : area(87, 2);
                case RESETTLEMENT -> area(pos == 1 ? 90 : 70, 12);
                case HIGH_RISE -> area(pos == 1 || pos == perUnit ? 120 : 89, 25);
                case MID_RISE -> area(95, 40);
                case APARTMENT -> area(35, 40);
                case VILLA -> area(220, 160);
            };
        }

        private HouseInput house(String unitCode, String unit, int floor, String roomNo, HouseUse use, BigDecimal planned,
                                 boolean surveyed, Kind kind, List<Person> pool) {
            BigDecimal measured = surveyed
                    ? planned.multiply(BigDecimal.valueOf(0.97 + rnd.nextDouble() * 0.05)).setScale(2, RoundingMode.HALF_UP)
                    : null;
            double r = rnd.nextDouble();
            if (r < 0.10) {
                return new HouseInput(unitCode, null, unit, floor, roomNo, use, planned, measured, HouseStatus.UNSOLD, List.of());
            }
            HouseStatus status = r < 0.11 ? HouseStatus.RESTRICTED : HouseStatus.SOLD;
            List<OwnerInput> owners;
            if (!pool.isEmpty() && rnd.nextDouble() < 0.04) {
                // an owner of another house of this estate buys a second one (one head, VOTE-5)
                owners = List.of(pool.remove(rnd.nextInt(pool.size())).owner(null));
            } else {
                Origin origin = origin(kind);
                Person first = person(origin);
                if (use != HouseUse.COMMERCIAL && rnd.nextDouble() < 0.2) {
                    Person second = person(rnd.nextDouble() < 0.85 ? origin : origin(kind));
                    owners = List.of(first.owner(FIFTY), second.owner(FIFTY));
                } else {
                    owners = List.of(first.owner(null));
                    pool.add(first);
                }
            }
            return new HouseInput(unitCode, null, unit, floor, roomNo, use, planned, measured, status, owners);
        }

        private static String unitCode(String parcelCode, int buildingNo, int seq) {
            return parcelCode + "F" + String.format("%08d", buildingNo * 100000 + seq);
        }

        // -------------------------------------------------------------- people (rule ID-1)

        private Origin origin(Kind kind) {
            if (kind == Kind.MACAO_NEW_NEIGHBOURHOOD) {
                return Origin.MACAO; // sold to Macao residents only
            }
            if (kind == Kind.RESETTLEMENT) {
                return Origin.LOCAL; // resettled Hengqin villagers
            }
            double r = rnd.nextDouble();
            return r < 0.05 ? Origin.MACAO : r < 0.065 ? Origin.HONG_KONG : r < 0.07 ? Origin.FOREIGN : Origin.MAINLAND;
        }

        private Person person(Origin origin) {
            return switch (origin) {
                case MAINLAND, LOCAL -> {
                    String area = origin == Origin.LOCAL || rnd.nextDouble() < 0.35
                            ? "440402" : MAINLAND_AREAS[1 + rnd.nextInt(MAINLAND_AREAS.length - 1)];
                    yield new Person(chineseName(SURNAMES, GIVEN), IdType.CN_RESIDENT_ID, uniqueCnId(area), mainlandPhone());
                }
                case MACAO -> {
                    double r = rnd.nextDouble();
                    String name = rnd.nextDouble() < 0.06 ? latinName() : chineseName(MACAO_SURNAMES, MACAO_GIVEN);
                    String phone = "+8536" + digits(7);
                    if (r < 0.55) {
                        yield new Person(name, IdType.MO_RESIDENT_ID, unique(IdType.MO_RESIDENT_ID,
                                () -> (rnd.nextDouble() < 0.85 ? "1" : rnd.nextBoolean() ? "5" : "7") + digits(7)), phone);
                    }
                    if (r < 0.9) {
                        yield new Person(name, IdType.HKMO_TRAVEL_PERMIT,
                                unique(IdType.HKMO_TRAVEL_PERMIT, () -> "M" + digits(8)), phone);
                    }
                    yield new Person(name, IdType.RESIDENCE_PERMIT, uniqueCnId("820000"), phone);
                }
                case HONG_KONG -> {
                    String name = chineseName(MACAO_SURNAMES, MACAO_GIVEN);
                    String phone = "+852" + (char) ('5' + rnd.nextInt(5)) + digits(7);
                    if (rnd.nextDouble() < 0.7) {
                        yield new Person(name, IdType.HK_RESIDENT_ID, unique(IdType.HK_RESIDENT_ID, this::hkId), phone);
                    }
                    yield new Person(name, IdType.HKMO_TRAVEL_PERMIT, unique(IdType.HKMO_TRAVEL_PERMIT, () -> "H" + digits(8)),
                            phone);
                }
                case FOREIGN -> new Person(latinName(), IdType.PASSPORT,
                        unique(IdType.PASSPORT, () -> "C" + (char) ('A' + rnd.nextInt(26)) + digits(6)), "+8536" + digits(7));
            };
        }

        private String chineseName(String[] surnames, String given) {
            StringBuilder sb = new StringBuilder(surnames[rnd.nextInt(surnames.length)]);
            int n = rnd.nextDouble() < 0.75 ? 2 : 1;
            for (int i = 0; i < n; i++) {
                sb.append(given.charAt(rnd.nextInt(given.length())));
            }
            return sb.toString();
        }

        private String latinName() {
            return LATIN_GIVEN[rnd.nextInt(LATIN_GIVEN.length)] + " " + LATIN_SURNAMES[rnd.nextInt(LATIN_SURNAMES.length)];
        }

        private String mainlandPhone() {
            return MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + digits(8);
        }

        /** 18-character ID: area, birth date 1950–2001, sequence, ISO 7064 check digit. */
        private String uniqueCnId(String area) {
            IdType type = area.startsWith("82") ? IdType.RESIDENCE_PERMIT : IdType.CN_RESIDENT_ID;
            return unique(type, () -> {
                int year = 1950 + rnd.nextInt(52);
                int month = 1 + rnd.nextInt(12);
                int day = 1 + rnd.nextInt(28);
                String first17 = area + String.format("%04d%02d%02d%03d", year, month, day, 1 + rnd.nextInt(999));
                return first17 + IdDocuments.cnCheckDigit(first17);
            });
        }

        /** Hong Kong ID: one letter, six digits, check character (weights 9..2, space = 36, mod 11). */
        private String hkId() {
            char letter = "ACDEGKPRVYZ".charAt(rnd.nextInt(11));
            String six = digits(6);
            int sum = 36 * 9 + (letter - 'A' + 10) * 8;
            for (int i = 0; i < 6; i++) {
                sum += (six.charAt(i) - '0') * (7 - i);
            }
            int check = (11 - sum % 11) % 11;
            return letter + six + (check == 10 ? "A" : String.valueOf(check));
        }

        private String unique(IdType type, java.util.function.Supplier<String> next) {
            while (true) {
                String id = next.get();
                if (usedIds.add(type + ":" + id)) {
                    return id;
                }
            }
        }

        private String digits(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            return sb.toString();
        }

        // -------------------------------------------------------------- estate details

        private BigDecimal fee(Kind kind) {
            double[] range = switch (kind) {
                case MACAO_NEW_NEIGHBOURHOOD -> new double[] {3.8, 3.8};
                case RESETTLEMENT -> new double[] {2.5, 2.9};
                case MID_RISE -> new double[] {2.5, 3.8};
                case HIGH_RISE -> new double[] {3.2, 5.5};
                case APARTMENT -> new double[] {4.5, 6.2};
                case VILLA -> new double[] {5.0, 6.8};
            };
            double fee = range[0] + rnd.nextDouble() * (range[1] - range[0]);
            return BigDecimal.valueOf(fee).setScale(1, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
        }

        private BigDecimal area(int base, int spread) {
            double a = base + rnd.nextDouble() * spread;
            return BigDecimal.valueOf(a).setScale(2, RoundingMode.HALF_UP);
        }

        private static String overview(Kind kind, int buildings, int houses) {
            String what = switch (kind) {
                case MACAO_NEW_NEIGHBOURHOOD -> "面向澳门居民的综合民生项目，27 座住宅塔楼（19–26 层），户型约 88 ㎡ 与 118 ㎡";
                case RESETTLEMENT -> "横琴本地村民回迁安置小区";
                case HIGH_RISE -> "高层住宅小区";
                case MID_RISE -> "小高层、多层住宅小区";
                case VILLA -> "低密度别墅区";
                case APARTMENT -> "商务公寓";
            };
            return what + "；共 " + buildings + " 栋、" + houses + " 户（演示数据，均为虚构）";
        }

        /** A closed GeoJSON Polygon ring [lon, lat] around the location, inside the Hengqin box. */
        private static Map<String, Object> boundary(double lon, double lat, double halfLon, double halfLat) {
            double w = round6(clamp(lon - halfLon, MIN_LON, MAX_LON));
            double e = round6(clamp(lon + halfLon, MIN_LON, MAX_LON));
            double s = round6(clamp(lat - halfLat, MIN_LAT, MAX_LAT));
            double n = round6(clamp(lat + halfLat, MIN_LAT, MAX_LAT));
            List<List<Double>> ring = List.of(List.of(w, s), List.of(e, s), List.of(e, n), List.of(w, n), List.of(w, s));
            Map<String, Object> polygon = new LinkedHashMap<>();
            polygon.put("type", "Polygon");
            polygon.put("coordinates", List.of(ring));
            return Collections.unmodifiableMap(polygon);
        }

        private static double clamp(double v, double min, double max) {
            return Math.max(min, Math.min(max, v));
        }

        private static double round6(double v) {
            return Math.round(v * 1e6) / 1e6;
        }
    }
}
