package org.smartproperty.sim.gis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** INT-GIS: the WMTS simulator answers capabilities and generated tiles over HTTP, checks the key and can be down. */
class GisSimulatorTest {

    static final String WMTS = "http://www.opengis.net/wmts/1.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static GisSimulator sim;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("java.awt.headless", "true");
        sim = new GisSimulator("127.0.0.1", "k1", 200).start(0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String tileQuery(String layer, String set, int z, long x, long y, String tk) {
        return "/" + layer + "_" + set + "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer + "&STYLE=default&TILEMATRIXSET=" + set
                + "&FORMAT=tiles&TILEMATRIX=" + z + "&TILEROW=" + y + "&TILECOL=" + x + (tk == null ? "" : "&tk=" + tk);
    }

    @Test
    void getCapabilitiesParsesAsWmtsWithEighteenLevels_INT_GIS() throws Exception {
        for (String set : GisSimulator.SETS) {
            HttpResponse<byte[]> r = get("/img_" + set + "/wmts?request=GetCapabilities&service=wmts&tk=k1");
            assertEquals(200, r.statusCode());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
            assertEquals("Capabilities", d.getDocumentElement().getLocalName());
            Element layer = (Element) d.getElementsByTagNameNS(WMTS, "Layer").item(0);
            assertEquals("img", layer.getElementsByTagNameNS(OWS, "Identifier").item(0).getTextContent());
            NodeList matrices = d.getElementsByTagNameNS(WMTS, "TileMatrix");
            assertEquals(18, matrices.getLength());
            Element first = (Element) matrices.item(0);
            assertEquals("2", first.getElementsByTagNameNS(WMTS, "MatrixWidth").item(0).getTextContent());
            assertEquals(set.equals("c") ? "1" : "2", first.getElementsByTagNameNS(WMTS, "MatrixHeight").item(0).getTextContent());
            String crs = d.getElementsByTagNameNS(OWS, "SupportedCRS").item(0).getTextContent();
            assertTrue(crs.endsWith(set.equals("c") ? "4490" : "3857"), crs);
            double scale = Double.parseDouble(first.getElementsByTagNameNS(WMTS, "ScaleDenominator").item(0).getTextContent());
            // OGC's level-1 scale denominator of both sets (0.703125° = 78271.52 m a pixel at 0.28 mm)
            assertEquals(279541132.01, scale, 1.0);
        }
    }

    @Test
    void getTileIsA256PixelPngDifferentPerLayerAndDeterministic_INT_GIS() throws Exception {
        long[] t = TileMath.tileOf("w", 12, 113.52, 22.12); // Hengqin
        assertEquals(3339, t[0]);
        HttpResponse<byte[]> vec = get(tileQuery("vec", "w", 12, t[0], t[1], "k1"));
        assertEquals(200, vec.statusCode());
        assertEquals("image/png", vec.headers().firstValue("Content-Type").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(vec.body()));
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
        // inside Hengqin the vector layer is land-coloured, the imagery layer not; annotations are transparent
        double[] p = TileMath.pixel("w", 12, t[0], t[1], 113.52, 22.12);
        assertTrue(p[0] >= 0 && p[0] < 256 && p[1] >= 0 && p[1] < 256, p[0] + "," + p[1]);
        int land = img.getRGB((int) p[0] + 20, (int) p[1] + 20) & 0xFFFFFF;
        assertEquals(0xF2EFE9, land);
        BufferedImage imagery = ImageIO.read(new ByteArrayInputStream(get(tileQuery("img", "w", 12, t[0], t[1], "k1")).body()));
        assertNotEquals(land, imagery.getRGB((int) p[0] + 20, (int) p[1] + 20) & 0xFFFFFF);
        BufferedImage cva = ImageIO.read(new ByteArrayInputStream(get(tileQuery("cva", "w", 12, t[0], t[1], "k1")).body()));
        assertEquals(0, cva.getRGB(100, 30) >>> 24, "annotation tiles are transparent between their lines");
        // the same tile twice is the same bytes; the RESTful URL gives it too
        assertArrayEquals(vec.body(), get(tileQuery("vec", "w", 12, t[0], t[1], "k1")).body());
        assertArrayEquals(vec.body(), get("/vec_w/wmts/tile/12/" + t[1] + "/" + t[0] + "?tk=k1").body());
        // the lon/lat set
        long[] tc = TileMath.tileOf("c", 12, 113.52, 22.12);
        HttpResponse<byte[]> c = get(tileQuery("vec", "c", 12, tc[0], tc[1], "k1"));
        assertEquals(200, c.statusCode());
    }

    @Test
    void aWrongOrMissingKeyIsTheProvidersError_INT_GIS() throws Exception {
        for (String tk : new String[] {null, "", "nope"}) {
            HttpResponse<byte[]> r = get(tileQuery("vec", "w", 3, 6, 3, tk));
            assertEquals(403, r.statusCode());
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.contains("exceptionCode=\"InvalidKey\""), body);
        }
    }

    @Test
    void badRequestsAreOwsExceptions_INT_GIS() throws Exception {
        assertEquals(400, get(tileQuery("vec", "w", 0, 0, 0, "k1")).statusCode());
        assertEquals(400, get(tileQuery("vec", "w", 19, 0, 0, "k1")).statusCode());
        assertEquals(400, get(tileQuery("vec", "c", 3, 0, 4, "k1")).statusCode()); // level 3 of c has 4 rows
        assertEquals(400, get(tileQuery("vec", "w", 3, 8, 0, "k1")).statusCode());
        assertEquals(400, get("/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX=x&TILEROW=1&TILECOL=1&tk=k1").statusCode());
        assertEquals(400, get("/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=img&TILEMATRIX=3&TILEROW=1&TILECOL=1&tk=k1").statusCode());
        assertEquals(404, get("/xyz_w/wmts?REQUEST=GetCapabilities&tk=k1").statusCode());
    }

    @Test
    void outageModes_INT_GIS() throws Exception {
        try {
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/mode?mode=ERROR"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(503, get(tileQuery("vec", "w", 3, 6, 3, "k1")).statusCode());
            sim.mode(GisSimulator.Mode.DOWN);
            assertThrows(IOException.class, () -> get(tileQuery("vec", "w", 3, 6, 3, "k1")));
            sim.mode(GisSimulator.Mode.SLOW);
            long t0 = System.nanoTime();
            assertEquals(200, get(tileQuery("vec", "w", 3, 6, 3, "k1")).statusCode());
            assertTrue(System.nanoTime() - t0 >= 190_000_000L);
            long before = sim.tiles();
            sim.mode(GisSimulator.Mode.NORMAL);
            assertEquals(200, get(tileQuery("vec", "w", 3, 6, 3, "k1")).statusCode());
            assertEquals(before + 1, sim.tiles());
            assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/mode?mode=BROKEN"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            sim.mode(GisSimulator.Mode.NORMAL);
        }
    }

    @Test
    void tileMathRoundTrips_INT_GIS() {
        for (String set : GisSimulator.SETS) {
            double[] px = TileMath.pixel(set, 14, 13000, 6000, 113.52, 22.12);
            double[] ll = TileMath.lonLat(set, 14, 13000, 6000, px[0], px[1]);
            assertEquals(113.52, ll[0], 1e-9);
            assertEquals(22.12, ll[1], 1e-9);
        }
    }
}
