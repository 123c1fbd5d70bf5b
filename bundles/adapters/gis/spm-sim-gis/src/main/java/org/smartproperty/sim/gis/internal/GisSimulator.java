package org.smartproperty.sim.gis.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import org.smartproperty.sim.support.SimHttp;
import org.smartproperty.sim.support.SimServer;

/**
 * Simulator of the Zhuhai "one map" WebGIS base map (INT-GIS): OGC WMTS 1.0.0 in the Tianditu style, one service per
 * layer and matrix set under {@code /<layer>_<set>/wmts}, the key in the query parameter {@code tk}.
 * <ul>
 *   <li>Layers {@code vec} (vector), {@code cva} (vector annotation), {@code img} (imagery), {@code cia} (imagery
 *       annotation); matrix sets {@code c} (CGCS2000 lon/lat, EPSG:4490, 2 × 1 tiles at level 1) and {@code w} (Web
 *       Mercator, EPSG:3857, 2 × 2 tiles at level 1), levels 1 to 18, 256 px tiles.</li>
 *   <li>KVP: {@code GET /vec_w/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&tk=…} answers the capabilities XML;
 *       {@code REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=z&TILEROW=y&TILECOL=x&tk=…}
 *       a generated PNG ({@link TilePainter}: grid, the tile's z/x/y and Hengqin's outline, a style per layer).
 *       Parameter names are case-insensitive (OGC KVP). RESTful: {@code GET /vec_w/wmts/tile/{z}/{y}/{x}?tk=…}.</li>
 *   <li>A missing or wrong key answers 403 with an OWS ExceptionReport ({@code exceptionCode="InvalidKey"}), as the
 *       provider does; a bad request 400 ({@code MissingParameterValue}, {@code InvalidParameterValue},
 *       {@code TileOutOfRange}).</li>
 *   <li>{@code POST /sim/mode?mode=NORMAL|DOWN|ERROR|SLOW} (DOWN closes every connection without an answer, ERROR
 *       answers 503, SLOW waits {@code slowMillis}); {@code GET /sim/mode} reads it; {@code GET /sim/stats} counts
 *       the tiles served.</li>
 * </ul>
 * Standalone: {@code java -cp spm-sim-gis.jar org.smartproperty.sim.gis.internal.GisSimulator [port] [key]}.
 */
public final class GisSimulator {

    /** Behaviour switches for tests and demos. */
    public enum Mode { NORMAL, DOWN, ERROR, SLOW }

    public static final List<String> LAYERS = List.of("vec", "cva", "img", "cia");
    public static final List<String> SETS = List.of("c", "w");
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 18;

    private final String key;
    private final SimServer server;
    private final AtomicLong tiles = new AtomicLong();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long slowMillis;

    /**
     * @param bindAddress where to listen
     * @param key         the key callers must send in {@code tk}; blank = none required
     * @param slowMillis  how long SLOW waits before answering
     */
    public GisSimulator(String bindAddress, String key, long slowMillis) {
        this.key = key == null ? "" : key.trim();
        this.slowMillis = Math.max(0, slowMillis);
        this.server = new SimServer(bindAddress, "spm-sim-gis");
    }

    public GisSimulator start(int port) throws IOException {
        server.start(port, this::handle);
        return this;
    }

    public void stop() {
        server.stop();
    }

    /** Draws one tile: the first use of java.awt / ImageIO in a JVM takes seconds, better before the first caller waits. */
    public static void warmUp() {
        TilePainter.png("vec", "w", 12, 3339, 1789);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode m) {
        mode = m == null ? Mode.NORMAL : m;
    }

    /** Tiles answered with a PNG so far. */
    public long tiles() {
        return tiles.get();
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/sim/mode")) {
            modeEndpoint(ex);
            return;
        }
        if (path.equals("/sim/stats")) {
            try (ex) {
                SimHttp.sendJson(ex, Map.of("tiles", tiles.get(), "mode", mode.name()));
            }
            return;
        }
        Mode m = mode;
        if (m == Mode.DOWN) {
            ex.close(); // no status line: the caller sees the connection end without an answer
            return;
        }
        try (ex) {
            if (m == Mode.SLOW) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (m == Mode.ERROR) {
                SimHttp.send(ex, 503, "text/html; charset=UTF-8", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
                return;
            }
            service(ex, path);
        }
    }

    private void service(HttpExchange ex, String path) throws IOException {
        // /<layer>_<set>/wmts  or  /<layer>_<set>/wmts/tile/<z>/<y>/<x>
        String[] parts = path.split("/");
        if (parts.length < 3 || !parts[2].equals("wmts") || !parts[1].contains("_")) {
            exception(ex, 404, "InvalidRequest", null, "no such service: " + path);
            return;
        }
        String layer = parts[1].substring(0, parts[1].indexOf('_'));
        String set = parts[1].substring(parts[1].indexOf('_') + 1);
        if (!LAYERS.contains(layer) || !SETS.contains(set)) {
            exception(ex, 404, "InvalidRequest", null, "no such service: " + parts[1]);
            return;
        }
        Map<String, String> q = lowerKeys(SimHttp.query(ex.getRequestURI().getRawQuery()));
        String tk = q.getOrDefault("tk", "");
        if (!key.isEmpty() && !key.equals(tk)) {
            exception(ex, 403, "InvalidKey", "tk", tk.isEmpty() ? "缺少 tk（key）参数" : "权限验证失败：tk 无效");
            return;
        }
        if (parts.length == 7 && parts[3].equals("tile")) {
            tile(ex, layer, set, parts[4], parts[6], parts[5]);
            return;
        }
        if (parts.length != 3) {
            exception(ex, 404, "InvalidRequest", null, "no such resource: " + path);
            return;
        }
        String service = q.get("service");
        String request = q.get("request");
        if (request == null || request.isBlank()) {
            exception(ex, 400, "MissingParameterValue", "REQUEST", "REQUEST is required");
            return;
        }
        if (service != null && !service.equalsIgnoreCase("WMTS")) {
            exception(ex, 400, "InvalidParameterValue", "SERVICE", "SERVICE must be WMTS");
            return;
        }
        switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                byte[] xml = Capabilities.xml(layer, set, ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                send(ex, 200, "text/xml; charset=UTF-8", xml);
            }
            case "gettile" -> {
                String l = q.get("layer");
                String s = q.get("tilematrixset");
                if (l != null && !l.equals(layer) || s != null && !s.equals(set)) {
                    exception(ex, 400, "InvalidParameterValue", l != null && !l.equals(layer) ? "LAYER" : "TILEMATRIXSET",
                            "this service is " + layer + "_" + set);
                    return;
                }
                tile(ex, layer, set, q.get("tilematrix"), q.get("tilecol"), q.get("tilerow"));
            }
            default -> exception(ex, 400, "OperationNotSupported", "REQUEST", "unsupported request " + request);
        }
    }

    private void tile(HttpExchange ex, String layer, String set, String z, String x, String y) throws IOException {
        Integer level = integer(z);
        Integer col = integer(x);
        Integer row = integer(y);
        if (level == null || col == null || row == null) {
            String which = level == null ? "TILEMATRIX" : col == null ? "TILECOL" : "TILEROW";
            exception(ex, 400, z == null || x == null || y == null ? "MissingParameterValue" : "InvalidParameterValue", which,
                    which + " must be a whole number");
            return;
        }
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            exception(ex, 400, "InvalidParameterValue", "TILEMATRIX", "TILEMATRIX " + level + " is not in " + MIN_LEVEL + ".." + MAX_LEVEL);
            return;
        }
        if (col < 0 || col >= TileMath.matrixWidth(set, level) || row < 0 || row >= TileMath.matrixHeight(set, level)) {
            exception(ex, 400, "TileOutOfRange", col < 0 || col >= TileMath.matrixWidth(set, level) ? "TILECOL" : "TILEROW",
                    "tile " + level + "/" + col + "/" + row + " is outside the matrix");
            return;
        }
        byte[] png = TilePainter.png(layer, set, level, col, row);
        tiles.incrementAndGet();
        send(ex, 200, "image/png", png);
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank() || s.length() > 9) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> lowerKeys(Map<String, String> q) {
        Map<String, String> m = new HashMap<>();
        q.forEach((k, v) -> m.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return m;
    }

    private static void exception(HttpExchange ex, int status, String code, String locator, String text) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\"1.0.0\">"
                + "<ows:Exception exceptionCode=\"" + code + "\"" + (locator == null ? "" : " locator=\"" + SimHttp.esc(locator) + "\"")
                + "><ows:ExceptionText>" + SimHttp.esc(text) + "</ows:ExceptionText></ows:Exception></ows:ExceptionReport>\n";
        send(ex, status, "text/xml; charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void modeEndpoint(HttpExchange ex) throws IOException {
        try (ex) {
            if ("POST".equals(ex.getRequestMethod())) {
                String m = SimHttp.query(ex.getRequestURI().getRawQuery()).get("mode");
                try {
                    mode(Mode.valueOf(m == null ? "" : m.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    SimHttp.send(ex, 400, "text/plain; charset=UTF-8", "mode must be one of NORMAL, DOWN, ERROR, SLOW\n");
                    return;
                }
            }
            SimHttp.sendJson(ex, Map.of("mode", mode.name()));
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8187;
        String key = args.length > 1 ? args[1] : "spm-dev-gis";
        System.setProperty("java.awt.headless", "true");
        GisSimulator sim = new GisSimulator("127.0.0.1", key, 30_000).start(port);
        System.out.println("WMTS simulator on " + sim.baseUri() + "/vec_w/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&tk=" + key);
        Thread.currentThread().join();
    }
}
