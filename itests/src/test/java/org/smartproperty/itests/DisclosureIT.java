package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Issue 17 item 4, the one public disclosure surface (DIS-1..6) in the assembled distribution on the demo data: the index
 * {@code GET /api/v1/public} lists every disclosure endpoint; each answers 200 anonymously with a strong ETag, 304 on
 * If-None-Match, Cache-Control: public and Vary: Accept-Language (and nothing of it on a staff path); paging is stable
 * across pages (a unique tie-breaker) with a total and a maximum size, bad parameters are 400 problem+json; no JSON of
 * any public endpoint carries an ID number, a mobile number or a demo owner's full name; a lowered rate limit answers
 * 429 problem+json in the caller's language with Retry-After (restored in {@code finally}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DisclosureIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    /** The DIS endpoints with the field that identifies an item (paging checks), null for a single document. */
    static final Map<String, String> DIS = new LinkedHashMap<>();

    static {
        DIS.put("/public/credit", "companyId");                 // DIS-1
        DIS.put("/public/committees", "id");                    // DIS-2
        DIS.put("/public/tenders", "id");                       // DIS-3 announcements
        DIS.put("/public/tenders?kind=result", "id");           // DIS-3 results
        DIS.put("/public/votes", "id");                         // DIS-4
        DIS.put("/public/inspections", "taskId");               // DIS-5 spot checks
        DIS.put("/public/patrols", "id");                       // DIS-5 patrols
        DIS.put("/public/assessment/top10", null);              // DIS-6
    }

    /**
     * 18 characters shaped like a mainland ID number, and a mainland mobile number, anywhere in a text (not the digits
     * of a decimal fraction: coordinates and ratios have long ones). An ID number counts when it has a birth date and
     * its check character (GB 11643): companies' unified credit codes (GB 32100, public) may be all digits too.
     */
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z.])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern MOBILE = Pattern.compile("(?<![\\d.])1[3-9]\\d{9}(?!\\d)");

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
        await("/public/assessment/top10", r -> r.statusCode() == 200, Duration.ofSeconds(120));
    }

    static HttpResponse<String> anon(String path, String... headers) {
        List<String> h = new ArrayList<>(List.of("Authorization", "none"));
        h.addAll(List.of(headers));
        return get(path, h.toArray(new String[0]));
    }

    static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String with(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    static void problem(HttpResponse<String> r, int status, String what) {
        assertEquals(what + ": " + r.body(), status, r.statusCode());
        assertTrue(what, header(r, "Content-Type").startsWith("application/problem+json"));
    }

    @Test
    public void a_theIndexListsEveryDisclosureEndpoint_DIS_1_to_6() {
        HttpResponse<String> r = anon("/public");
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode index = json(r);
        Set<String> paths = new HashSet<>();
        index.get("endpoints").forEach(e -> paths.add(e.get("path").asText()));
        for (String p : List.of("/public", "/public/credit", "/public/committees", "/public/tenders", "/public/votes", "/public/votes/{id}",
                "/public/inspections", "/public/patrols", "/public/assessment/top10")) {
            assertTrue(p + " in " + paths, paths.contains("/api/v1" + p));
        }
        assertTrue(index.at("/caching/maxAgeSeconds").asInt() > 0);
        assertTrue(index.at("/rateLimit/enabled").asBoolean());
        JsonNode openapi = json(anon("/openapi.json"));
        JsonNode credit = openapi.at("/paths/~1api~1v1~1public~1credit/get");
        assertTrue(credit.toString(), credit.get("tags").toString().contains("\"disclosure\""));
        assertTrue(credit.get("responses").has("304") && credit.get("responses").has("429"));
    }

    @Test
    public void b_everyDisclosureEndpointHasAStrongEtag304AndPublicCaching_DIS_1_to_6() {
        for (String path : DIS.keySet()) {
            HttpResponse<String> r = anon(path);
            assertEquals(path + ": " + r.body(), 200, r.statusCode());
            String etag = header(r, "ETag");
            assertNotNull(path, etag);
            assertTrue(path + " " + etag, etag.startsWith("\"") && !etag.startsWith("W/"));
            assertTrue(path, header(r, "Cache-Control").matches("public, max-age=\\d+"));
            assertTrue(path, header(r, "Vary").contains("Accept-Language"));
            HttpResponse<String> again = anon(path, "If-None-Match", etag);
            assertEquals(path, 304, again.statusCode());
            assertTrue(path, again.body().isEmpty());
            assertEquals(path, etag, header(again, "ETag"));
            assertEquals(path, 200, anon(path, "If-None-Match", "\"stale\"").statusCode());
            HttpResponse<String> english = anon(path, "Accept-Language", "en");
            assertNotEquals(path + ": the tag is per language", etag, header(english, "ETag"));
            assertEquals(path, 200, anon(path, "Accept-Language", "en", "If-None-Match", etag).statusCode());
        }
        // with a token the answer is still the public one, cached privately
        assertTrue(header(getAs(token, "/public/credit"), "Cache-Control").startsWith("private"));
        // never on a staff path
        HttpResponse<String> staff = getAs(token, "/estates?size=1");
        assertEquals(200, staff.statusCode());
        assertEquals("no-store", header(staff, "Cache-Control"));
        assertFalse(staff.headers().firstValue("ETag").isPresent());
        // nor on a public problem
        HttpResponse<String> bad = anon("/public/credit?size=0");
        problem(bad, 400, "size=0");
        assertEquals("no-store", header(bad, "Cache-Control"));
    }

    @Test
    public void c_pagingIsStableAcrossPagesWithATotalAndAMaximum_DIS() {
        for (Map.Entry<String, String> e : DIS.entrySet()) {
            String path = e.getKey();
            String id = e.getValue();
            if (id == null) {
                continue;
            }
            JsonNode all = json(anon(with(path, "size=200")));
            long total = all.get("total").asLong();
            List<Long> ids = new ArrayList<>();
            all.get("items").forEach(n -> ids.add(n.get(id).asLong()));
            assertEquals(path + " ids are unique", ids.size(), new LinkedHashSet<>(ids).size());
            List<Long> paged = new ArrayList<>();
            for (int page = 0; page < 4 && paged.size() < ids.size(); page++) {
                JsonNode p = json(anon(with(path, "size=2&page=" + page)));
                assertEquals(path, total, p.get("total").asLong());
                assertEquals(path, 2, p.get("size").asInt());
                p.get("items").forEach(n -> paged.add(n.get(id).asLong()));
            }
            assertEquals(path + ": page by page as in one page", ids.subList(0, paged.size()), paged);
            problem(anon(with(path, "size=201")), 400, path + " size over the maximum");
            problem(anon(with(path, "page=-1")), 400, path + " page -1");
            problem(anon(with(path, "size=x")), 400, path + " size x");
        }
        problem(anon("/public/committees?estateId=abc"), 400, "estateId abc");
        problem(anon("/public/patrols?companyId=-3"), 400, "companyId -3");
        problem(anon("/public/votes?estateId=x"), 400, "votes estateId x");
        problem(anon("/public/tenders?kind=secret"), 400, "tender kind");
        problem(anon("/public/credit?sort=ownerName"), 400, "unknown sort key");
    }

    @Test
    public void d_noPublicEndpointCarriesPersonalData_DIS_ID_2() {
        // the demo owners' full names, ID numbers and phones, read unmasked by the regulator (owner:view-full)
        Set<String> secrets = new HashSet<>();
        JsonNode committees = json(anon("/public/committees?size=5"));
        assertTrue("demo committees", committees.get("items").size() > 0);
        for (JsonNode c : committees.get("items")) {
            long estate = c.get("estateId").asLong();
            for (JsonNode h : json(getAs(token, "/estates/" + estate + "/houses?status=SOLD&size=12")).get("items")) {
                JsonNode full = json(getAs(token, "/houses/" + h.get("unitCode").asText() + "?unmasked=true"));
                for (JsonNode o : full.get("owners")) {
                    for (String f : List.of("name", "idNumber", "phone")) {
                        String v = o.path(f).asText("");
                        if (v.length() >= 2 && !v.contains("*")) {
                            secrets.add(v);
                        }
                    }
                }
            }
            if (secrets.size() > 60) {
                break;
            }
        }
        assertTrue("owners read: " + secrets.size(), secrets.size() >= 10);
        List<String> scanned = new ArrayList<>();
        for (JsonNode e : json(anon("/public")).get("endpoints")) {
            String path = e.get("path").asText().substring("/api/v1".length());
            if (path.contains("{") || path.equals("/public")) {
                continue;
            }
            HttpResponse<String> r = anon(path.contains("?") ? path : path + "?size=200");
            if (r.statusCode() == 400) {
                r = anon(path); // a document without paging
            }
            if (r.statusCode() != 200) {
                continue; // an endpoint needing a parameter (e.g. survey results of an estate) is scanned below
            }
            scan(path, r.body(), secrets);
            scanned.add(path);
        }
        for (JsonNode c : committees.get("items")) {
            scan("/public/surveys/results", anon("/public/surveys/results?estateId=" + c.get("estateId").asLong()).body(), secrets);
            scan("/public/votes?estateId", anon("/public/votes?estateId=" + c.get("estateId").asLong()).body(), secrets);
        }
        for (JsonNode v : json(anon("/public/votes?size=5")).get("items")) {
            scan("/public/votes/{id}", anon("/public/votes/" + v.get("id").asLong()).body(), secrets);
        }
        for (JsonNode t : json(anon("/public/tenders?kind=result&size=5")).get("items")) {
            scan("/public/tenders/{id}", anon("/public/tenders/" + t.get("id").asLong()).body(), secrets);
        }
        for (String p : DIS.keySet()) {
            assertTrue(p + " scanned: " + scanned, scanned.contains(p.replaceFirst("\\?.*", "")));
        }
    }

    /** Whether 18 characters are a valid mainland ID number: a birth date 1900..2099 and the GB 11643 check character. */
    static boolean idNumber(String s) {
        try {
            java.time.LocalDate.parse(s.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        if (!s.startsWith("19", 6) && !s.startsWith("20", 6)) {
            return false;
        }
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11) == Character.toUpperCase(s.charAt(17));
    }

    static void scan(String path, String body, Set<String> secrets) {
        Matcher id = ID_NUMBER.matcher(body);
        while (id.find()) {
            assertFalse(path + " shows an ID number: " + id.group(), idNumber(id.group()));
        }
        Matcher m = MOBILE.matcher(body);
        assertFalse(path + " shows a mobile number: " + (m.find() ? m.group() : ""), MOBILE.matcher(body).find());
        for (String s : secrets) {
            assertFalse(path + " shows an owner's " + s, body.contains("\"" + s + "\"") || (s.length() >= 3 && body.contains(s)));
        }
    }

    static final String PID = "org.smartproperty.disclosure";

    /** Reads (null) or replaces the configuration of {@link #PID} through ConfigurationAdmin (the distribution has no config:* commands). */
    Dictionary<String, Object> configuration(Dictionary<String, Object> update) throws Exception {
        return configuration(update, false);
    }

    @SuppressWarnings("unchecked")
    Dictionary<String, Object> configuration(Dictionary<String, Object> update, boolean delete) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertNotNull("ConfigurationAdmin", ref);
        Object admin = context.getService(ref);
        try {
            Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> confType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Object[] found = (Object[]) adminType.getMethod("listConfigurations", String.class).invoke(admin, "(service.pid=" + PID + ")");
            if (update == null && !delete) {
                return found == null ? null : (Dictionary<String, Object>) confType.getMethod("getProperties").invoke(found[0]);
            }
            Object conf = found != null ? found[0] : adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, PID, "?");
            if (delete) {
                confType.getMethod("delete").invoke(conf);
            } else {
                confType.getMethod("update", Dictionary.class).invoke(conf, update);
            }
            return null;
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void e_overTheLimitIs429WithRetryAfterInTheCallersLanguage_DIS() throws Exception {
        Dictionary<String, Object> before = configuration(null);
        try {
            Hashtable<String, Object> lowered = new Hashtable<>();
            if (before != null) {
                for (String k : Collections.list(before.keys())) {
                    lowered.put(k, before.get(k));
                }
            }
            lowered.put("rateLimit.burst", 3);
            lowered.put("rateLimit.perMinute", 6);
            configuration(lowered);
            await("/public", r -> r.statusCode() == 200 && json(r).at("/rateLimit/burst").asInt() == 3, Duration.ofSeconds(30));
            // the poll above used tokens: wait until the bucket may have refilled (10 s a call), then count from a full one
            HttpResponse<String> limited = null;
            for (int i = 0; i < 10 && limited == null; i++) {
                HttpResponse<String> r = anon("/public/assessment/top10", "Accept-Language", "en");
                if (r.statusCode() == 429) {
                    limited = r;
                }
            }
            assertNotNull("a burst of 3 is used up within 10 calls", limited);
            problem(limited, 429, "over the limit");
            int retry = Integer.parseInt(header(limited, "Retry-After"));
            assertTrue("Retry-After " + retry, retry >= 1 && retry <= 10);
            assertTrue(limited.body(), json(limited).get("detail").asText().startsWith("Too many requests for public information"));
            assertEquals("no-store", header(limited, "Cache-Control"));
            HttpResponse<String> chinese = anon("/public/credit", "Accept-Language", "zh-TW");
            problem(chinese, 429, "zh-TW");
            assertTrue(chinese.body(), json(chinese).get("detail").asText().contains("秒後再試"));
            // the rest of the API is not limited
            assertEquals(200, getAs(token, "/estates?size=1").statusCode());
            // X-Forwarded-For from a client that is no trusted proxy buys no new bucket (never trusted by default)
            assertEquals(429, anon("/public/credit", "X-Forwarded-For", "203.0.113.50").statusCode());
        } finally {
            configuration(before == null ? new Hashtable<>() : before, before == null);
            await("/public", r -> r.statusCode() == 200 && json(r).at("/rateLimit/burst").asInt() != 3, Duration.ofSeconds(30));
        }
        assertEquals(200, anon("/public/credit").statusCode());
    }
}
