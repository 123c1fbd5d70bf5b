package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * Issue 17 part 2 (the one map: MAP-1..11, PMAP) through REST in the shared container, on the demo data: the estates layer
 * by zoom (clusters, points and boundaries) as the regulator and the company (its own estates only); every panel of an
 * estate as the regulator, the company and the committee within their scope and 404 outside it; the thematic layers with
 * their legends; the public subset (MAP-2..7) without login, masked, the others 404; field errors for a bad bbox or zoom.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MapIT extends SpmTestSupport {

    static final String ZONE = "bbox=113.3,21.9,113.8,22.4";
    static final List<String> PANELS = List.of("overview", "company", "committee", "tenders", "votes", "notices", "complaints",
            "patrols", "repairs", "satisfaction");
    static final List<String> PUBLIC_PANELS = PANELS.subList(0, 6);

    static String regulator;
    static String company;
    static String committee;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        if (regulator == null) {
            awaitDemoData();
            regulator = login("demo-regulator", DEMO_PASSWORD, null);
            company = login("demo-company", DEMO_PASSWORD, null);
            committee = login("demo-committee", DEMO_PASSWORD, null);
        }
    }

    static HttpResponse<String> as(String bearer, String path) {
        return send("GET", path, null, "Authorization", bearer == null ? "none" : "Bearer " + bearer);
    }

    static JsonNode ok(HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return json(r);
    }

    static Set<Long> estateIds(JsonNode collection) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode f : collection.get("features")) {
            if (f.at("/properties/estateId").isNumber()) {
                ids.add(f.at("/properties/estateId").asLong());
            }
        }
        return ids;
    }

    static Set<Long> listed(String bearer) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode e : ok(as(bearer, "/estates?size=200&status=ACTIVE")).get("items")) {
            ids.add(e.get("id").asLong());
        }
        return ids;
    }

    @Test
    public void a_theEstatesLayerIsGeoJsonClusteredAtLowZoom_MAP_1() {
        JsonNode near = ok(as(regulator, "/map/estates?" + ZONE + "&zoom=16"));
        assertEquals("FeatureCollection", near.get("type").asText());
        assertFalse(near.get("clustered").asBoolean());
        assertTrue("demo estates in the zone", near.get("estates").asInt() > 1);
        JsonNode first = near.get("features").get(0);
        assertEquals("Feature", first.get("type").asText());
        Set<String> kinds = new HashSet<>();
        near.get("features").forEach(f -> kinds.add(f.at("/properties/kind").asText()));
        assertTrue(kinds.toString(), kinds.contains("point") && kinds.contains("boundary"));
        JsonNode point = null;
        for (JsonNode f : near.get("features")) {
            if ("point".equals(f.at("/properties/kind").asText())) {
                point = f;
                break;
            }
        }
        double lon = point.at("/geometry/coordinates/0").asDouble();
        double lat = point.at("/geometry/coordinates/1").asDouble();
        assertTrue("lon/lat order (RFC 7946): " + lon + "," + lat, lon > 113 && lon < 114 && lat > 21.9 && lat < 22.4);

        JsonNode far = ok(as(regulator, "/map/estates?" + ZONE + "&zoom=8"));
        assertTrue(far.get("clustered").asBoolean());
        int counted = 0;
        for (JsonNode f : far.get("features")) {
            counted += "cluster".equals(f.at("/properties/kind").asText()) ? f.at("/properties/count").asInt() : 1;
        }
        assertEquals("every estate is in one cluster or a point", near.get("estates").asInt(), counted);
        assertTrue("at zoom 8 the zone's estates share cells", far.get("features").size() < near.get("estates").asInt());
    }

    @Test
    public void b_aCompanySeesItsEstatesOnlyAndAnotherIs404_MAP_3() {
        Set<Long> own = listed(company);
        Set<Long> all = listed(regulator);
        assertFalse(own.isEmpty());
        Set<Long> onMap = estateIds(ok(as(company, "/map/estates?" + ZONE + "&zoom=16")));
        assertFalse(onMap.isEmpty());
        assertTrue("the company's map holds only its estates: " + onMap + " of " + own, own.containsAll(onMap));
        long mine = onMap.iterator().next();
        long other = all.stream().filter(id -> !own.contains(id)).findFirst().orElseThrow();
        for (String panel : PANELS) {
            JsonNode p = ok(as(company, "/map/estates/" + mine + "/panels/" + panel));
            assertEquals(panel, p.get("panel").asText());
            assertEquals(mine, p.get("estateId").asLong());
        }
        JsonNode company = ok(as(MapIT.company, "/map/estates/" + mine + "/panels/company")).get("company");
        assertFalse("the company sees its own phone in full", company.get("phone").asText().contains("*"));
        problem(as(MapIT.company, "/map/estates/" + other + "/panels/overview"), 404);
        problem(as(MapIT.company, "/map/estates/" + other + "/panels/complaints"), 404);
    }

    @Test
    public void c_theCommitteeSeesItsEstatesPanels_MAP_4() {
        Set<Long> own = listed(committee);
        assertEquals("the demo committee's one estate", 1, own.size());
        long estate = own.iterator().next();
        for (String panel : PANELS) {
            ok(as(committee, "/map/estates/" + estate + "/panels/" + panel));
        }
        JsonNode c = ok(as(committee, "/map/estates/" + estate + "/panels/committee")).get("committee");
        assertTrue(c.toString(), c.get("memberCount").asInt() > 0);
        long other = listed(regulator).stream().filter(id -> id != estate).findFirst().orElseThrow();
        problem(as(committee, "/map/estates/" + other + "/panels/votes"), 404);
    }

    @Test
    public void d_theRegulatorSeesEveryPanelAndTheThematicLayers_MAP_8() {
        long estate = listed(company).iterator().next();
        for (String panel : PANELS) {
            ok(as(regulator, "/map/estates/" + estate + "/panels/" + panel));
        }
        JsonNode complaints = ok(as(regulator, "/map/estates/" + estate + "/panels/complaints"));
        assertTrue(complaints.get("total").asLong() >= complaints.get("items").size());
        assertFalse("no complainant on the map", complaints.toString().contains("complainant"));
        for (String theme : List.of("complaint-density", "credit-grade", "assessment-result", "open-repairs")) {
            JsonNode layer = ok(as(regulator, "/map/themes/" + theme + "?" + ZONE + "&zoom=14"));
            assertEquals(theme, layer.get("theme").asText());
            assertTrue(theme, layer.get("legend").size() >= 3);
            Set<String> keys = new HashSet<>();
            layer.get("legend").forEach(l -> keys.add(l.get("key").asText()));
            for (JsonNode f : layer.get("features")) {
                assertTrue(theme + " " + f, keys.contains(f.at("/properties/cls").asText()));
            }
            assertTrue(theme, layer.get("features").size() > 0);
        }
        problem(as(regulator, "/map/themes/heat?" + ZONE), 404);
        problem(as(regulator, "/map/estates/" + estate + "/panels/nonsense"), 404);
        assertEquals(401, as(null, "/map/themes/credit-grade?" + ZONE).statusCode());
    }

    @Test
    public void e_thePublicGetsMapTwoToSevenMasked_PMAP() {
        JsonNode layer = ok(as(null, "/public/map/estates?" + ZONE + "&zoom=16"));
        Set<Long> estates = estateIds(layer);
        assertFalse(estates.isEmpty());
        long estate = listed(committee).iterator().next();
        for (String panel : PUBLIC_PANELS) {
            ok(as(null, "/public/map/estates/" + estate + "/panels/" + panel));
        }
        for (String staffOnly : List.of("complaints", "patrols", "repairs", "satisfaction")) {
            problem(as(null, "/public/map/estates/" + estate + "/panels/" + staffOnly), 404);
        }
        JsonNode company = ok(as(null, "/public/map/estates/" + estate + "/panels/company")).get("company");
        if (company != null && !company.isNull()) {
            assertTrue("masked phone: " + company.get("phone"), company.get("phone").isNull() || company.get("phone").asText().contains("*"));
            assertTrue(company.get("estates").size() > 0);
        }
        JsonNode c = ok(as(null, "/public/map/estates/" + estate + "/panels/committee")).get("committee");
        assertTrue(c.toString(), c.get("headName").asText().contains("*"));
        assertTrue(c.toString(), c.get("phone").isNull() || c.get("phone").asText().contains("*"));
        JsonNode unknown = problem(as(null, "/public/map/estates/" + estate + "/panels/nonsense"), 404);
        assertNotEquals("", unknown.get("detail").asText());
    }

    @Test
    public void f_aBadAreaOrZoomIsFieldErrorsAtOnce() {
        JsonNode p = problem(as(null, "/public/map/estates?bbox=114,22,113,23&zoom=40"), 400);
        Set<String> fields = new HashSet<>();
        p.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("bbox", "zoom"), fields);
        problem(as(regulator, "/map/estates?zoom=12"), 400);
        problem(as(regulator, "/map/estates?bbox=a,b,c,d"), 400);
    }
}
