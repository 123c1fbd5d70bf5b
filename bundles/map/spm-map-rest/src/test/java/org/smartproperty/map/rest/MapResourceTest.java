package org.smartproperty.map.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;

import javax.ws.rs.GET;

import org.junit.jupiter.api.Test;
import org.smartproperty.map.MapQuery;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;

/** The map's query parameters (bbox, zoom) and what each resource method declares (MAP-1..11, PMAP). */
class MapResourceTest {

    @Test
    void aBboxIsFourNumbersInRange_MAP_1() {
        MapQuery q = MapParams.query(" 113.45, 22.05,113.6,22.2 ", "12");
        assertEquals(List.of(113.45, 22.05, 113.6, 22.2), java.util.Arrays.stream(q.bbox()).boxed().toList());
        assertEquals(12, q.zoom());
        assertEquals(MapParams.DEFAULT_ZOOM, MapParams.query("113,22,114,23", null).zoom());
        for (String bad : List.of("113,22,114", "113,22,114,23,1", "a,b,c,d", "113,22,,23", "NaN,22,114,23")) {
            ApiException e = assertThrows(ApiException.class, () -> MapParams.query(bad, "10"), bad);
            assertEquals(400, e.status());
            assertEquals("bbox", e.errors().get(0).field());
        }
        assertEquals("map.bbox.range", assertThrows(ApiException.class, () -> MapParams.query("114,22,113,23", "10")).errors().get(0).code(),
                "min above max");
        assertEquals("map.bbox.range", assertThrows(ApiException.class, () -> MapParams.query("113,22,190,23", "10")).errors().get(0).code());
        assertEquals("map.bbox.required", assertThrows(ApiException.class, () -> MapParams.query(" ", "10")).errors().get(0).code());
        assertEquals("map.bbox.format", assertThrows(ApiException.class, () -> MapParams.query("1".repeat(201), "10")).errors().get(0).code());
    }

    @Test
    void aZoomIsAWholeNumberFrom0To22AndBothErrorsComeAtOnce() {
        for (String bad : List.of("-1", "23", "1.5", "z", "99999")) {
            ApiException e = assertThrows(ApiException.class, () -> MapParams.query("113,22,114,23", bad), bad);
            assertEquals("zoom", e.errors().get(0).field());
            assertEquals("map.zoom.range", e.errors().get(0).code());
        }
        ApiException both = assertThrows(ApiException.class, () -> MapParams.query("x", "x"));
        assertEquals(List.of("bbox", "zoom"), both.errors().stream().map(x -> x.field()).toList());
    }

    @Test
    void panelAndThemeNamesOutsideTheirShapeAre404() {
        assertEquals("overview", MapParams.name("overview", "map.panel.unknown"));
        ApiException e = assertThrows(ApiException.class, () -> MapParams.name("Over;view", "map.panel.unknown"));
        assertEquals(404, e.status());
        assertEquals("map.panel.unknown", e.code());
        assertEquals(404, assertThrows(ApiException.class, () -> MapParams.name("x".repeat(41), "map.theme.unknown")).status());
    }

    @Test
    void theStaffMethodsNeedMapReadAndThePublicOnesNoLogin_PMAP() {
        List<Method> staff = new java.util.ArrayList<>(List.of(MapResource.class.getDeclaredMethods()));
        staff.addAll(List.of(MapThemeResource.class.getDeclaredMethods()));
        for (Method m : staff) {
            if (m.isAnnotationPresent(GET.class)) {
                assertNotNull(m.getAnnotation(Doc.class), m.getName());
                assertEquals("map:read", m.getAnnotation(RequiresPermission.class).value(), m.getName());
                assertTrue(m.getAnnotation(Doc.class).requirements().length > 0);
            }
        }
        int publicMethods = 0;
        for (Method m : PublicMapResource.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(GET.class)) {
                publicMethods++;
                assertNotNull(m.getAnnotation(Doc.class), m.getName());
                assertNotNull(m.getAnnotation(PublicAccess.class), m.getName());
                assertNull(m.getAnnotation(RequiresPermission.class), m.getName());
            }
        }
        assertEquals(2, publicMethods, "no public thematic layer");
    }
}
