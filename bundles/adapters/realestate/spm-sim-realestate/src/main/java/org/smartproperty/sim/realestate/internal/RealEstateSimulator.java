package org.smartproperty.sim.realestate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Simulator of the real-estate information system (INT-RE): a deterministic building table of
 * projects {@code HQ-SYNC-nnn} in Hengqin, each with {@value #BUILDINGS} buildings of
 * {@value #HOUSES_PER_BUILDING} houses (18 floors, 2 units, 2 rooms per unit and floor) and
 * owners with valid resident IDs. About 1 % of the house records are malformed (bad unit code,
 * missing floor, a non-JSON fragment, an owner with a wrong check digit).
 *
 * <p>Every record has a unique change time (milliseconds); endpoints:
 * <ul>
 *   <li>{@code GET /changes?since=<ISO instant>&cursor=&size=} — NDJSON, records changed after
 *       {@code since} in change order, then a line {@code {"type":"end","next":<cursor or null>}};</li>
 *   <li>{@code POST /touch?count=N} — changes the measured area (and change time) of the next N
 *       well-formed houses; answers their unit codes;</li>
 *   <li>{@code GET /houses.csv} — the well-formed houses as CSV (bench: PostgreSQL {@code \copy});</li>
 *   <li>{@code GET /stats} — counts.</li>
 * </ul>
 * Standalone: {@code java -cp spm-sim-realestate.jar org.smartproperty.sim.realestate.internal.RealEstateSimulator [port] [houses]}.
 */
public final class RealEstateSimulator {

    public static final int BUILDINGS = 10;
    public static final int HOUSES_PER_BUILDING = 72;
    public static final int FLOORS = 18;
    static final int PER_PROJECT = 1 + BUILDINGS + BUILDINGS * HOUSES_PER_BUILDING;
    static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final int MALFORMED_EVERY = 97;

    private static final String[] NAMES = {"海湾", "长隆", "荷塘", "莲花", "天沐", "琴韵", "濠江", "星汇"};
    private static final String[] COMMUNITIES = {"小横琴社区", "新家园社区", "莲花社区", "荷塘社区"};
    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "何", "林", "周", "吴", "郑"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "静", "强", "磊", "洁", "军", "婷", "杰", "嘉怡", "子轩"};

    private final int projects;
    /** change time (ms, unique) → record ordinal */
    private final NavigableMap<Long, Integer> byTime = new TreeMap<>();
    /** record ordinal → change time */
    private final long[] timeOf;
    private final Map<Integer, Integer> touches = new HashMap<>();
    private long clock;
    private int touchNext;
    private HttpServer server;
    private ExecutorService executor;

    public RealEstateSimulator(int houses) {
        int perProjectHouses = BUILDINGS * HOUSES_PER_BUILDING;
        this.projects = Math.max(1, (houses + perProjectHouses - 1) / perProjectHouses);
        int n = projects * PER_PROJECT;
        timeOf = new long[n];
        for (int i = 0; i < n; i++) {
            timeOf[i] = BASE + i;
            byTime.put(timeOf[i], i);
        }
        clock = BASE + n;
    }

    public int projects() {
        return projects;
    }

    public int buildings() {
        return projects * BUILDINGS;
    }

    public int houses() {
        return projects * BUILDINGS * HOUSES_PER_BUILDING;
    }

    /** Houses whose record is malformed in some way (not importable). */
    public int malformedHouses() {
        int m = 0;
        for (int g = 0; g < houses(); g++) {
            if (malformedKind(g) >= 0) {
                m++;
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ server

    public synchronized RealEstateSimulator start(String bindAddress, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 0);
        s.createContext("/changes", ex -> handle(ex, this::changes));
        s.createContext("/touch", ex -> handle(ex, this::touch));
        s.createContext("/houses.csv", ex -> handle(ex, this::csv));
        s.createContext("/stats", ex -> handle(ex, this::stats));
        ExecutorService e = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "spm-sim-realestate");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(e);
        s.start();
        server = s;
        executor = e;
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            server = null;
            executor = null;
        }
    }

    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    interface Handler {
        void handle(HttpExchange ex, Map<String, String> q) throws IOException;
    }

    private static void handle(HttpExchange ex, Handler h) throws IOException {
        try (ex) {
            try {
                h.handle(ex, query(ex.getRequestURI()));
            } catch (IllegalArgumentException e) {
                byte[] b = ("{\"error\":" + str(e.getMessage()) + "}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(400, b.length);
                ex.getResponseBody().write(b);
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int i = p.indexOf('=');
                if (i > 0) {
                    q.put(URLDecoder.decode(p.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new IllegalArgumentException(name + " must lie between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
    }

    private void changes(HttpExchange ex, Map<String, String> q) throws IOException {
        int size = intParam(q, "size", 500, 1, 10_000);
        long after = Long.MIN_VALUE;
        String since = q.get("since");
        if (since != null && !since.isBlank()) {
            try {
                after = Instant.parse(since.trim()).toEpochMilli();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("since must be an ISO-8601 instant");
            }
        }
        String cursor = q.get("cursor");
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Math.max(after, Long.parseLong(cursor.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown cursor");
            }
        }
        List<Integer> ordinals = new ArrayList<>(size);
        List<Long> times = new ArrayList<>(size);
        boolean more;
        synchronized (this) {
            NavigableMap<Long, Integer> tail = byTime.tailMap(after, false);
            for (Map.Entry<Long, Integer> e : tail.entrySet()) {
                if (ordinals.size() == size) {
                    break;
                }
                ordinals.add(e.getValue());
                times.add(e.getKey());
            }
            more = !ordinals.isEmpty() && byTime.higherKey(times.get(times.size() - 1)) != null;
        }
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < ordinals.size(); i++) {
                w.write(record(ordinals.get(i), times.get(i)));
                w.write('\n');
            }
            w.write("{\"type\":\"end\",\"next\":" + (more ? "\"" + times.get(times.size() - 1) + "\"" : "null") + "}\n");
        }
    }

    private void touch(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            throw new IllegalArgumentException("POST only");
        }
        int count = intParam(q, "count", 10, 1, 1_000_000);
        List<String> codes = touch(count);
        StringBuilder sb = new StringBuilder("{\"touched\":[");
        for (int i = 0; i < codes.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(codes.get(i)));
        }
        sb.append("]}");
        json(ex, sb.toString());
    }

    /** Changes the measured area of the next {@code count} well-formed houses; @return their unit codes. */
    public synchronized List<String> touch(int count) {
        List<String> codes = new ArrayList<>();
        int guard = 0;
        while (codes.size() < count && guard++ < houses() * 2) {
            int g = touchNext;
            touchNext = (touchNext + 1) % houses();
            if (malformedKind(g) >= 0) {
                continue;
            }
            touches.merge(g, 1, Integer::sum);
            int ord = houseOrdinal(g);
            byTime.remove(timeOf[ord]);
            clock = Math.max(clock + 1, System.currentTimeMillis());
            timeOf[ord] = clock;
            byTime.put(clock, ord);
            codes.add(unitCode(g));
        }
        return codes;
    }

    private void stats(HttpExchange ex, Map<String, String> q) throws IOException {
        json(ex, "{\"projects\":" + projects() + ",\"buildings\":" + buildings() + ",\"houses\":" + houses()
                + ",\"malformedHouses\":" + malformedHouses() + "}");
    }

    private void csv(HttpExchange ex, Map<String, String> q) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
            writeCsv(w);
        }
    }

    /** unit_code,project_code,building_number,unit_name,floor_no,room_no,house_use,planned_area,measured_area,status,owner_id_type,owner_id_number,owner_name,owner_phone */
    public synchronized void writeCsv(Writer w) throws IOException {
        for (int g = 0; g < houses(); g++) {
            if (malformedKind(g) >= 0) {
                continue;
            }
            int p = g / (BUILDINGS * HOUSES_PER_BUILDING);
            int b = (g / HOUSES_PER_BUILDING) % BUILDINGS;
            int h = g % HOUSES_PER_BUILDING;
            boolean sold = g % 10 != 9;
            w.write(unitCode(g) + "," + projectCode(p) + "," + (b + 1) + "栋," + (h / 36 + 1) + "单元," + floor(h) + "," + room(h) + ","
                    + use(h) + "," + planned(g) + "," + measured(g) + "," + (sold ? "SOLD" : "UNSOLD") + ","
                    + (sold ? "CN_RESIDENT_ID," + cnId(2L * g) + "," + ownerName(2L * g) + "," + phone(2L * g) : ",,,") + "\n");
        }
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    // ------------------------------------------------------------------ data

    private int houseOrdinal(int g) {
        int p = g / (BUILDINGS * HOUSES_PER_BUILDING);
        return p * PER_PROJECT + 1 + BUILDINGS + g % (BUILDINGS * HOUSES_PER_BUILDING);
    }

    static String projectCode(int p) {
        return pad(new StringBuilder(12).append("HQ-SYNC-"), p + 1, 3).toString();
    }

    /** {@code String.format("%0<width>d", value)} without the formatter (the simulator's hot path: it must not be what a bench measures). */
    static StringBuilder pad(StringBuilder sb, long value, int width) {
        String v = Long.toString(value);
        for (int i = v.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** -1 = well-formed; 0 bad unit code, 1 missing floor, 2 non-JSON fragment, 3 owner with a wrong ID check digit. */
    static int malformedKind(int g) {
        return g % MALFORMED_EVERY == 13 ? (g / MALFORMED_EVERY) % 4 : -1;
    }

    /** 440402 (Xiangzhou) + 104 + sub-district 090 (not used by the demo data) + GB + parcel (project) + F + building and house numbers. */
    static String unitCode(int g) {
        int p = g / (BUILDINGS * HOUSES_PER_BUILDING);
        int b = (g / HOUSES_PER_BUILDING) % BUILDINGS;
        int h = g % HOUSES_PER_BUILDING;
        StringBuilder sb = new StringBuilder(28).append("440402104090GB");
        pad(sb, p + 1, 5).append('F');
        return pad(pad(sb, b + 1, 4), h + 1, 4).toString();
    }

    private static int floor(int h) {
        return (h % 36) / 2 + 1;
    }

    private static String room(int h) {
        return pad(new StringBuilder(4).append(floor(h)), h % 2 + 1, 2).toString();
    }

    private static String use(int h) {
        return floor(h) == 1 && h % 2 == 0 ? "COMMERCIAL" : "RESIDENTIAL";
    }

    private static String planned(int g) {
        return (80 + (g * 37) % 60) + ".50";
    }

    private String measured(int g) {
        int cents = (80 + (g * 37) % 60) * 100 + 13 + touches.getOrDefault(g, 0);
        return pad(new StringBuilder(10).append(cents / 100).append('.'), cents % 100, 2).toString();
    }

    static String cnId(long k) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(k / 900);
        StringBuilder sb = new StringBuilder(18).append("440402");
        pad(pad(pad(sb, birth.getYear(), 4), birth.getMonthValue(), 2), birth.getDayOfMonth(), 2);
        String first17 = pad(sb, k % 900 + 100, 3).toString();
        return first17 + checkDigit(first17);
    }

    static char checkDigit(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(s % 11);
    }

    private static String ownerName(long k) {
        return SURNAMES[(int) (k % SURNAMES.length)] + GIVEN[(int) ((k / SURNAMES.length) % GIVEN.length)];
    }

    private static String phone(long k) {
        return pad(new StringBuilder(11).append("139"), k % 100_000_000L, 8).toString();
    }

    private String record(int ord, long time) {
        int p = ord / PER_PROJECT;
        int r = ord % PER_PROJECT;
        String at = str(Instant.ofEpochMilli(time).toString());
        if (r == 0) {
            return "{\"type\":\"project\",\"projectCode\":" + str(projectCode(p)) + ",\"name\":" + str("横琴" + NAMES[p % NAMES.length] + "花园" + (p / NAMES.length + 1) + "期")
                    + ",\"address\":" + str("横琴新区环岛东路" + (100 + p) + "号") + ",\"community\":" + str(COMMUNITIES[p % COMMUNITIES.length])
                    + ",\"adminCode\":\"440402104\",\"longitude\":" + (113.50 + (p % 10) * 0.006) + ",\"latitude\":" + (22.10 + (p / 10 % 10) * 0.005)
                    + ",\"developer\":\"横琴置业有限公司\",\"changedAt\":" + at + "}";
        }
        if (r <= BUILDINGS) {
            return "{\"type\":\"building\",\"projectCode\":" + str(projectCode(p)) + ",\"number\":\"" + r + "栋\",\"name\":\"" + r + "号楼\",\"floorsAbove\":"
                    + FLOORS + ",\"floorsBelow\":2,\"units\":[\"1单元\",\"2单元\"],\"changedAt\":" + at + "}";
        }
        int g = p * BUILDINGS * HOUSES_PER_BUILDING + (r - 1 - BUILDINGS);
        int b = (g / HOUSES_PER_BUILDING) % BUILDINGS;
        int h = g % HOUSES_PER_BUILDING;
        int kind = malformedKind(g);
        String code = unitCode(g);
        if (kind == 0) {
            code = code.substring(0, 19) + "X" + code.substring(20);
        }
        StringBuilder sb = new StringBuilder(400);
        sb.append("{\"type\":\"house\",\"unitCode\":").append(str(code)).append(",\"projectCode\":").append(str(projectCode(p)))
                .append(",\"buildingNumber\":\"").append(b + 1).append("栋\",\"unitName\":\"").append(h / 36 + 1).append("单元\"");
        if (kind != 1) {
            sb.append(",\"floor\":").append(floor(h));
        }
        sb.append(",\"roomNo\":\"").append(room(h)).append("\",\"use\":\"").append(use(h)).append("\",\"plannedArea\":").append(planned(g))
                .append(",\"measuredArea\":").append(measured(g));
        if (kind == 2) {
            return sb.toString(); // a fragment cut off mid-record
        }
        boolean sold = g % 10 != 9;
        sb.append(",\"status\":\"").append(sold ? "SOLD" : "UNSOLD").append("\",\"owners\":[");
        if (sold) {
            boolean two = g % 7 == 0;
            String id = cnId(2L * g);
            if (kind == 3) {
                char c = id.charAt(17);
                id = id.substring(0, 17) + (c == '0' ? '1' : '0');
            }
            owner(sb, id, 2L * g, two ? "50" : null);
            if (two) {
                sb.append(',');
                owner(sb, cnId(2L * g + 1), 2L * g + 1, "50");
            }
        }
        sb.append("],\"changedAt\":").append(at).append('}');
        return sb.toString();
    }

    private static void owner(StringBuilder sb, String id, long k, String share) {
        sb.append("{\"idType\":\"CN_RESIDENT_ID\",\"idNumber\":\"").append(id).append("\",\"name\":").append(str(ownerName(k)))
                .append(",\"phone\":\"").append(phone(k)).append("\",\"share\":").append(share == null ? "null" : share).append('}');
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8183;
        int houses = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        RealEstateSimulator sim = new RealEstateSimulator(houses).start("127.0.0.1", port);
        System.out.println("real-estate simulator on " + sim.baseUri() + " with " + sim.houses() + " houses");
        Thread.currentThread().join();
    }
}
