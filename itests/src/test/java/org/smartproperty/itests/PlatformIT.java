package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The assembled distribution on PostgreSQL with the demo data: REST conventions (problem+json,
 * i18n, paging, ETag/If-Match, Idempotency-Key, OpenAPI, health) and the estate slice end to end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class PlatformIT extends SpmTestSupport {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    @Test
    public void readinessReportsDatabaseMigrationsAndBundles() {
        HttpResponse<String> ready = readyAsOperator();
        assertEquals(ready.body(), 200, ready.statusCode());
        JsonNode r = json(ready);
        assertTrue(r.toString(), r.get("serving").asBoolean());
        for (String gate : new String[] {"database", "migrations", "bundles", "service"}) {
            assertEquals(r.toString(), "UP", r.at("/checks/" + gate + "/status").asText());
            assertTrue(r.toString(), r.at("/checks/" + gate + "/readiness").asBoolean());
        }
        // the development distribution has no daily backup configured: an operator's WARNING, not a reason to stop serving
        assertEquals("WARNING", r.at("/checks/backup-schedule/status").asText());
        assertEquals(false, r.at("/checks/backup-schedule/readiness").asBoolean());
        assertEquals("WARNING", r.get("status").asText());
        assertEquals("PostgreSQL", r.at("/checks/database/details/product").asText().split(" ")[0]);
        assertEquals("APPLIED", r.at("/checks/migrations/details/org.smartproperty.estate.impl/status").asText());
        assertEquals("UP", r.at("/checks/bundles/status").asText());
        assertEquals(200, get("/health").statusCode());
    }

    /**
     * OPS-4 fault recovery: the database goes away under the running platform (every connection
     * killed, new ones refused, as in a PostgreSQL restart) and comes back. Readiness says DOWN
     * meanwhile, and afterwards the platform serves again without being restarted.
     */
    @Test
    public void databaseDownAndBackIsSurvivedWithoutARestart_OPS_4() throws Exception {
        javax.sql.DataSource ds = context.getService(context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=spm)").iterator().next());
        String database;
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            database = rs.getString(1);
        }
        // from the maintenance database (PostgreSQL refuses to close the current one): new connections refused,
        // every open one killed, the platform's pool included
        try (java.sql.Connection admin = maintenance(); java.sql.Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.replace("'", "''") + "'");
        }
        try {
            HttpResponse<String> down = await("/health/ready", r -> r.statusCode() == 503
                    && "DOWN".equals(json(r).at("/checks/database/status").asText()), java.time.Duration.ofSeconds(90));
            assertEquals("DOWN", json(down).get("status").asText());
            HttpResponse<String> during = get("/estates?size=1");
            assertEquals(during.body(), 503, during.statusCode()); // a retryable problem, never a 500 incident
        } finally {
            allowConnections(database);
        }
        await("/health/ready", r -> r.statusCode() == 200, java.time.Duration.ofSeconds(120));
        HttpResponse<String> estates = await("/estates?size=1", r -> r.statusCode() == 200, java.time.Duration.ofSeconds(60));
        assertTrue(json(estates).get("total").asInt() > 0);
    }

    /**
     * The operations toolkit inside the running platform (OPS-1, OPS-2, OPS-6): the shell front end
     * over the same core as the CLI, and the metrics the platform keeps for the report.
     */
    @Test
    public void opsToolkitRunsInTheShellAndMetricsAreScrapedByOpsOnly_OPS_1_OPS_2_OPS_6() throws Exception {
        List<String> answers = shell(context, "spm:health", "spm:audit-chain", "spm:passwords-status", "spm:audit-permissions", "spm:ip-banned");
        String health = answers.get(0);
        assertTrue(health, health.contains("service") && health.contains("disk") && health.contains("database") && health.contains("OVERALL"));
        assertTrue(health, health.matches("(?s).*service\\s+UP.*"));
        assertTrue(answers.get(1), answers.get(1).startsWith("OK"));
        assertTrue(answers.get(2), answers.get(2).contains("demo-regulator"));
        for (String a : answers) {
            assertTrue(a, !a.contains("Exception"));
        }
        // OPS-3 in the running platform: a backup of its database, files and etc/, then verified part by part
        String dir = new java.io.File(System.getProperty("karaf.data"), "it-backups").getAbsolutePath();
        String created = shell(context, "spm:backup-create --to " + dir + " --no-encryption").get(0);
        String archive = created.split("\n")[0].trim();
        assertTrue(created, archive.endsWith(".spmbak") && new java.io.File(archive).isFile());
        String verified = shell(context, "spm:backup-verify --no-encryption " + archive).get(0); // options first in the console
        assertTrue(verified, verified.startsWith("PART") && verified.contains(" OK ") && !verified.contains(" BAD "));
        assertEquals(200, get("/estates?size=1").statusCode()); // counted by the request filter under the group "estates"
        String ops = login("demo-ops", DEMO_PASSWORD, null);
        assertNotNull("demo-ops logs in", ops);
        HttpResponse<String> metrics = getAs(ops, "/metrics");
        assertEquals(metrics.body(), 200, metrics.statusCode());
        assertTrue(metrics.body(), metrics.body().contains("# TYPE spm_http_requests_total counter"));
        assertTrue(metrics.body(), metrics.body().contains("group=\"estates\""));
        assertEquals(403, get("/metrics").statusCode()); // the regulator's clerk has no metrics:read
    }

    /** Re-opens the test database. */
    private static void allowConnections(String database) throws java.sql.SQLException {
        try (java.sql.Connection c = maintenance(); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS true");
        }
    }

    /** A connection to the server's maintenance database {@code postgres}, as the test's database user (a superuser). */
    private static java.sql.Connection maintenance() throws java.sql.SQLException {
        String url = System.getProperty("spm.db.url");
        String server = url.substring(0, url.indexOf('/', "jdbc:postgresql://".length()) + 1) + "postgres";
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", System.getProperty("spm.db.user"));
        return new org.postgresql.Driver().connect(server, p);
    }

    @Test
    public void demoDataHasTheMacaoNewNeighbourhoodWith27Towers() {
        JsonNode page = json(get("/estates?name=%E6%BE%B3%E9%97%A8%E6%96%B0%E8%A1%97%E5%9D%8A"));
        assertEquals(1, page.get("total").asInt());
        JsonNode e = page.get("items").get(0);
        assertEquals(27, e.get("buildingCount").asInt());
        assertTrue(e.get("houseCount").asInt() > 3800);
        long id = e.get("id").asLong();
        JsonNode houses = json(get("/estates/" + id + "/houses?size=5&sort=-unitCode"));
        assertEquals(e.get("houseCount").asLong(), houses.get("total").asLong());
        assertEquals(5, houses.get("items").size());
        JsonNode table = json(get("/estates/" + id + "/buildings"));
        assertEquals(27, table.size());
    }

    @Test
    public void ownersAreMaskedInHouseViews_ID2() {
        JsonNode page = json(get("/estates?size=1&sort=id"));
        long id = page.get("items").get(0).get("id").asLong();
        JsonNode houses = json(get("/estates/" + id + "/houses?status=SOLD&size=1"));
        JsonNode house = houses.get("items").get(0);
        JsonNode one = json(get("/houses/" + house.get("unitCode").asText()));
        JsonNode owner = one.get("owners").get(0);
        assertTrue(owner.get("masked").asBoolean());
        assertTrue(owner.get("idNumber").asText().contains("*"));
    }

    @Test
    public void createReadUpdateArchiveWithEtagsAndIdempotency() {
        String body = "{\"name\":\"集成测试花园\",\"address\":\"横琴环岛北路1号\",\"community\":\"小横琴社区\",\"adminCode\":\"440402104\","
                + "\"location\":{\"longitude\":113.53,\"latitude\":22.12}}";
        HttpResponse<String> created = send("POST", "/estates", body, "Idempotency-Key", "it-create-1");
        assertEquals(created.body(), 201, created.statusCode());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = json(created).get("id").asLong();
        assertTrue(location.endsWith("/api/v1/estates/" + id));

        HttpResponse<String> replay = send("POST", "/estates", body, "Idempotency-Key", "it-create-1");
        assertEquals(201, replay.statusCode());
        assertEquals(id, json(replay).get("id").asLong());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, json(get("/estates?name=%E9%9B%86%E6%88%90%E6%B5%8B%E8%AF%95")).get("total").asInt());
        assertEquals(422, send("POST", "/estates", body.replace("1号", "2号"), "Idempotency-Key", "it-create-1").statusCode());

        String update = body.replace("集成测试花园", "集成测试花园二期");
        assertEquals(428, send("PUT", "/estates/" + id, update).statusCode());
        HttpResponse<String> updated = send("PUT", "/estates/" + id, update, "If-Match", etag);
        assertEquals(200, updated.statusCode());
        HttpResponse<String> stale = send("PUT", "/estates/" + id, update, "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElse(""));

        String newTag = updated.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, send("POST", "/estates/" + id + "/archive", null, "If-Match", newTag).statusCode());
        assertEquals("ARCHIVED", json(get("/estates/" + id)).get("status").asText());
    }

    @Test
    public void badInputIsAProblemWithFieldErrorsInTheCallersLanguage() {
        HttpResponse<String> zh = send("POST", "/estates", "{\"name\":\"\"}");
        assertEquals(400, zh.statusCode());
        JsonNode p = json(zh);
        assertEquals("请求参数有误", p.get("title").asText());
        Set<String> fields = new HashSet<>();
        p.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.containsAll(Set.of("name", "address", "community", "adminCode")));

        JsonNode en = json(send("POST", "/estates", "{\"name\":", "Accept-Language", "en-US,en;q=0.8"));
        assertEquals(400, en.get("status").asInt());
        assertEquals("Malformed request", en.get("title").asText());

        assertEquals(404, get("/estates/99999999").statusCode());
        assertEquals(404, get("/estates/abc").statusCode());
        assertEquals(400, get("/estates?size=1000").statusCode());
        assertEquals(400, get("/estates?bbox=1,2,3").statusCode());
        assertEquals(404, get("/no/such/path").statusCode());
    }

    @Test
    public void wrongOrDuplicateUnitCodeOnAHouse() {
        JsonNode e = json(get("/estates?size=1&sort=id")).get("items").get(0);
        long id = e.get("id").asLong();
        JsonNode building = json(get("/estates/" + id + "/buildings")).get(0);
        JsonNode existing = json(get("/estates/" + id + "/houses?size=1")).get("items").get(0);
        String house = "{\"unitCode\":\"%s\",\"buildingId\":%d,\"floor\":1,\"roomNo\":\"X01\",\"use\":\"RESIDENTIAL\"}";
        HttpResponse<String> bad = send("POST", "/estates/" + id + "/houses",
                String.format(house, "440402104001GB00001X00010001", building.get("id").asLong()));
        assertEquals(400, bad.statusCode());
        assertEquals("unitCode.structure", json(bad).at("/errors/0/code").asText());
        HttpResponse<String> dup = send("POST", "/estates/" + id + "/houses",
                String.format(house, existing.get("unitCode").asText(), building.get("id").asLong()));
        assertEquals(409, dup.statusCode());
    }

    @Test
    public void bundleWhoseMigrationFailsIsReportedByReadinessWithTheReason() throws Exception {
        java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        java.util.jar.Attributes a = mf.getMainAttributes();
        a.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.smartproperty.it.badmigration");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("SPM-Changelog", "db/bad.changelog.xml");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar, mf)) {
            out.putNextEntry(new java.util.jar.JarEntry("db/bad.changelog.xml"));
            out.write(("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\""
                    + " logicalFilePath=\"it.bad\">"
                    + "<changeSet id=\"bad-1\" author=\"it\"><sql>CREATE TABLE it_bad (id BIGINT PRIMARY KEY, oops NOSUCHTYPE)</sql></changeSet>"
                    + "</databaseChangeLog>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        org.osgi.framework.Bundle bad = context.installBundle("it:badmigration", new java.io.ByteArrayInputStream(jar.toByteArray()));
        try {
            bad.start();
            HttpResponse<String> r = await("/health/ready", x -> x.statusCode() == 503, java.time.Duration.ofSeconds(30));
            JsonNode m = json(r).at("/checks/migrations/details/org.smartproperty.it.badmigration");
            assertEquals("FAILED", m.get("status").asText());
            assertTrue(m.get("error").asText(), m.get("error").asText().toLowerCase().contains("nosuchtype"));
            assertEquals("the rest of the platform keeps serving", 200, get("/estates?size=1").statusCode());
        } finally {
            bad.uninstall();
        }
        await("/health/ready", x -> x.statusCode() == 200, java.time.Duration.ofSeconds(30));
    }

    @Test
    public void openApiDocumentListsEveryRegisteredResourceMethod() throws Exception {
        JsonNode doc = json(get("/openapi.json"));
        assertEquals("3.0.3", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        int checked = 0;
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
        assertNotNull(refs);
        for (ServiceReference<?> ref : refs) {
            Class<?> type = ref.getBundle().loadClass(((String[]) ref.getProperty("objectClass"))[0]);
            String base = type.getAnnotation(javax.ws.rs.Path.class).value();
            for (java.lang.reflect.Method m : type.getMethods()) {
                String verb = null;
                for (java.lang.annotation.Annotation a : m.getAnnotations()) {
                    javax.ws.rs.HttpMethod hm = a.annotationType().getAnnotation(javax.ws.rs.HttpMethod.class);
                    if (hm != null) {
                        verb = hm.value().toLowerCase();
                    }
                }
                if (verb == null) {
                    continue;
                }
                javax.ws.rs.Path p = m.getAnnotation(javax.ws.rs.Path.class);
                String path = "/api/v1/" + base + (p == null ? "" : "/" + p.value());
                path = path.replaceAll("/+", "/");
                assertTrue("missing in openapi.json: " + verb + " " + path, paths.has(path) && paths.get(path).has(verb));
                checked++;
            }
        }
        assertTrue("resources found: " + checked, checked >= 12);
        assertTrue(paths.has("/api/v1/estates/{id}/houses"));
        assertTrue(paths.has("/api/v1/houses/{unitCode}"));
    }

    /**
     * Issue 11 item 3: the served document declares the bearer scheme and the public operations,
     * and /api/v1/docs is the interactive page (Swagger UI from the embedded webjar), public, under
     * a CSP that runs its own script files; a token from the login is what its Authorize takes.
     * OpenApiLintIT runs the validator on the whole application's document.
     */
    @Test
    public void apiDocsPageIsServedOfflineAndTheDocumentDeclaresTheBearerScheme() throws Exception {
        JsonNode doc = json(getAs(null, "/openapi.json"));
        assertEquals("http", doc.at("/components/securitySchemes/bearerAuth/type").asText());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertTrue(doc.at("/paths/~1api~1v1~1auth~1login/post/security").isArray()
                && doc.at("/paths/~1api~1v1~1auth~1login/post/security").isEmpty());
        assertEquals("estate:read", doc.at("/paths/~1api~1v1~1estates~1{id}/get/x-spm-permission").asText());
        assertTrue(doc.at("/paths/~1api~1v1~1estates~1{id}/put/responses").has("412"));

        HttpResponse<String> page = getAs(null, "/docs");
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body(), page.body().contains("/api/v1/docs/swagger-ui-bundle.js") && page.body().contains("/api/v1/docs/swagger-initializer.js"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"));
        HttpResponse<String> bundle = getAs(null, "/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElse(""), bundle.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(bundle.body().length() > 1_000_000 && bundle.body().contains("SwaggerUIBundle"));
        HttpResponse<String> init = getAs(null, "/docs/swagger-initializer.js");
        assertEquals(200, init.statusCode());
        assertTrue(init.body(), init.body().contains("/api/v1/openapi.json") && init.body().contains("persistAuthorization: true"));
        assertEquals(200, getAs(null, "/docs/swagger-ui.css").statusCode());
        assertEquals(404, getAs(null, "/docs/index.html").statusCode());
        // what the page does after Authorize: the bearer token of a login on a secured operation
        String token = login("demo-officer", DEMO_PASSWORD, null);
        assertNotNull(token);
        assertEquals(200, getAs(token, "/auth/me").statusCode());
        assertEquals(401, getAs(null, "/auth/me").statusCode());
    }

    // ----------------------------------------------------------------- security core (issue: security)

    @Test
    public void callsWithoutATokenAre401ProblemsAndLoginIssuesOne() {
        HttpResponse<String> anon = getAs(null, "/estates");
        assertEquals(401, anon.statusCode());
        assertEquals("application/problem+json", anon.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, getAs("not-a-token", "/estates").statusCode());
        assertNotNull(login("demo-officer", DEMO_PASSWORD, null));
    }

    @Test
    public void everyApiMethodDeclaresAPermissionOrIsPublic() throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
        int checked = 0;
        for (ServiceReference<?> ref : refs) {
            Class<?> type = ref.getBundle().loadClass(((String[]) ref.getProperty("objectClass"))[0]);
            for (java.lang.reflect.Method m : type.getMethods()) {
                boolean endpoint = java.util.Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(javax.ws.rs.HttpMethod.class));
                if (!endpoint) {
                    continue;
                }
                String path = type.getAnnotation(javax.ws.rs.Path.class).value();
                boolean declared = m.isAnnotationPresent(org.smartproperty.platform.rest.RequiresPermission.class)
                        || m.isAnnotationPresent(org.smartproperty.platform.rest.PublicAccess.class)
                        || path.startsWith("public");
                assertTrue(type.getName() + "." + m.getName() + " declares no permission", declared);
                checked++;
            }
        }
        assertTrue(checked >= 20);
    }

    @Test
    public void companySeesOnlyItsOwnEstatesAndAForeignIdIs404() {
        String company = login("demo-company", DEMO_PASSWORD, null);
        JsonNode all = json(get("/estates?size=200"));
        JsonNode mine = json(getAs(company, "/estates?size=200"));
        assertTrue(mine.get("total").asInt() >= 1);
        assertTrue(mine.get("total").asInt() < all.get("total").asInt());
        long myCompany = mine.get("items").get(0).get("companyId").asLong();
        for (JsonNode e : mine.get("items")) {
            assertEquals(myCompany, e.get("companyId").asLong());
        }
        JsonNode foreign = null;
        for (JsonNode e : all.get("items")) {
            if (e.get("companyId").asLong() != myCompany) {
                foreign = e;
                break;
            }
        }
        assertNotNull(foreign);
        assertEquals(404, getAs(company, "/estates/" + foreign.get("id").asLong()).statusCode());
        assertEquals(404, getAs(company, "/estates/" + foreign.get("id").asLong() + "/houses").statusCode());
        assertEquals(403, send("POST", "/estates", "{}", "Authorization", "Bearer " + company).statusCode());
    }

    @Test
    public void ownerSeesOnlyTheOwnHouses() {
        String owner = login("demo-owner", DEMO_PASSWORD, null);
        JsonNode estates = json(getAs(owner, "/estates"));
        assertTrue(estates.get("total").asInt() >= 1);
        long estateId = estates.get("items").get(0).get("id").asLong();
        JsonNode houses = json(getAs(owner, "/estates/" + estateId + "/houses?size=50"));
        assertTrue(houses.get("total").asInt() >= 1);
        assertTrue(houses.get("total").asInt() < estates.get("items").get(0).get("houseCount").asInt());
        JsonNode someoneElses = json(get("/estates/" + estateId + "/houses?size=200")).get("items");
        java.util.Set<String> own = new HashSet<>();
        houses.get("items").forEach(h -> own.add(h.get("unitCode").asText()));
        for (JsonNode h : someoneElses) {
            if (!own.contains(h.get("unitCode").asText())) {
                assertEquals(404, getAs(owner, "/houses/" + h.get("unitCode").asText()).statusCode());
                return;
            }
        }
    }

    @Test
    public void unmaskedOwnerDataNeedsThePermissionAndEveryViewIsAudited_ID2() {
        long estateId = json(get("/estates?size=1&sort=id")).get("items").get(0).get("id").asLong();
        String code = json(get("/estates/" + estateId + "/houses?status=SOLD&size=1")).at("/items/0/unitCode").asText();
        JsonNode full = json(get("/houses/" + code + "?unmasked=true"));
        assertTrue(full.at("/owners/0/masked").asBoolean() == false);
        assertTrue(!full.at("/owners/0/idNumber").asText().contains("*"));
        String officer = login("demo-officer", DEMO_PASSWORD, null);
        assertEquals(403, getAs(officer, "/houses/" + code + "?unmasked=true").statusCode());

        assertNull("admins need TOTP", login("demo-auditor", DEMO_PASSWORD, null));
        String auditor = login("demo-auditor", DEMO_PASSWORD, "DEMOAUDITORSPMHENGQINAAAAAAAAAAA");
        assertNotNull(auditor);
        JsonNode views = json(getAs(auditor, "/audit?action=owner.view-full&actor=demo-regulator"));
        assertTrue(views.get("total").asInt() >= 1);
        assertEquals(code, views.at("/items/0/objectId").asText());
        assertTrue(json(getAs(auditor, "/audit/verify")).get("intact").asBoolean());
        HttpResponse<String> export = getAs(auditor, "/audit/export");
        assertEquals(200, export.statusCode());
        assertTrue(export.body().lines().count() >= 10);
        assertTrue("the auditor's own reading is audited", json(getAs(auditor, "/audit?actor=demo-auditor&action=audit.*")).get("total").asInt() >= 2);
        assertEquals("the auditor reads the log and nothing else", 403, getAs(auditor, "/estates").statusCode());
        assertEquals(403, getAs(token, "/audit").statusCode());
    }

    @Test
    public void securityAdminCannotGiveOneAccountTwoAdminDuties_SoD() {
        String secadmin = login("demo-secadmin", DEMO_PASSWORD, "DEMOSECADMINSPMHENGQINAAAAAAAAAA");
        assertNotNull(secadmin);
        long sysadminId = -1;
        for (JsonNode a : json(getAs(secadmin, "/accounts?q=demo-sysadmin")).path("items")) {
            if (a.get("username").asText().equals("demo-sysadmin")) {
                sysadminId = a.get("id").asLong();
            }
        }
        HttpResponse<String> r = send("PUT", "/accounts/" + sysadminId + "/roles", "[\"SYSADMIN\",\"AUDITOR\"]", "Authorization", "Bearer " + secadmin);
        assertEquals(r.body(), 409, r.statusCode());
        assertEquals("sod.conflict", json(r).get("code").asText());
    }

    /** Follows the provider's login page like a browser: pick the fixture, return the callback answer. */
    private HttpResponse<String> provincialLogin(String fixtureUid) throws Exception {
        JsonNode start = json(getAs(null, "/auth/idp/gd-tyrz/authorize"));
        java.net.URI page = java.net.URI.create(start.get("url").asText());
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();
        String html = browser.send(java.net.http.HttpRequest.newBuilder(page).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*who=" + fixtureUid + "[^\"]*)\"").matcher(html);
        assertTrue("login page lists " + fixtureUid, m.find());
        java.net.URI link = page.resolve(m.group(1).replace("&amp;", "&"));
        HttpResponse<String> redirect = browser.send(java.net.http.HttpRequest.newBuilder(link).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        java.net.URI callback = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.getPath().endsWith("/api/v1/auth/idp/gd-tyrz/callback"));
        return browser.send(java.net.http.HttpRequest.newBuilder(callback).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void provincialRealNameLoginEndToEndAgainstTheSimulator_INT_IDP_OWN_1() throws Exception {
        HttpResponse<String> ok = provincialLogin("gdsim-macao");
        assertEquals(ok.body(), 200, ok.statusCode());
        String t = json(ok).get("token").asText();
        JsonNode me = json(getAs(t, "/auth/me"));
        assertEquals("gd-tyrz:gdsim-macao", me.get("username").asText());
        assertEquals("OWNER", me.get("roles").get(0).asText());
        assertEquals("the account is linked, not duplicated", 200, provincialLogin("gdsim-macao").statusCode());

        HttpResponse<String> unverified = provincialLogin("gdsim-unverified");
        assertEquals(403, unverified.statusCode());
        assertEquals("idp.notReal", json(unverified).get("code").asText());
        HttpResponse<String> low = provincialLogin("gdsim-lowtrust");
        assertEquals(403, low.statusCode());
        assertEquals("idp.lowTrust", json(low).get("code").asText());
        HttpResponse<String> replay = getAs(null, "/auth/idp/gd-tyrz/callback?code=x&state=never-issued");
        assertEquals(400, replay.statusCode());
    }

    private static java.util.Set<String> karafLogin(String user, String password) throws javax.security.auth.login.LoginException {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        javax.security.auth.login.LoginContext lc = new javax.security.auth.login.LoginContext("karaf", subject, callbacks -> {
            for (javax.security.auth.callback.Callback c : callbacks) {
                if (c instanceof javax.security.auth.callback.NameCallback n) {
                    n.setName(user);
                } else if (c instanceof javax.security.auth.callback.PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        });
        lc.login();
        java.util.Set<String> names = new HashSet<>();
        subject.getPrincipals().forEach(p -> names.add(p.getClass().getSimpleName() + ":" + p.getName()));
        return names;
    }

    @Test
    public void karafShellRealmIsThePlatformsAccountsForOpsAndAdminsOnly() throws Exception {
        java.util.Set<String> ops = karafLogin("demo-ops", DEMO_PASSWORD);
        assertTrue(ops.toString(), ops.contains("RolePrincipal:ops") && ops.contains("RolePrincipal:ssh"));
        java.util.Set<String> sys = karafLogin("demo-sysadmin", DEMO_PASSWORD + " " + freshTotp("DEMOSYSADMINSPMHENGQINAAAAAAAAAA"));
        assertTrue(sys.toString(), sys.contains("RolePrincipal:admin") && sys.contains("RolePrincipal:sysadmin"));
        try {
            karafLogin("demo-officer", DEMO_PASSWORD);
            org.junit.Assert.fail("officers have no shell");
        } catch (javax.security.auth.login.LoginException expected) {
            // refused
        }
        try {
            karafLogin("karaf", "karaf");
            org.junit.Assert.fail("the Karaf default login is gone");
        } catch (javax.security.auth.login.LoginException expected) {
            // refused
        }
    }

    @Test
    public void companyAccountFilesAndTheRegulatorApproves_SUP_CO_1_SUP_CO_2_COS_2() {
        // the regulator registers the company
        HttpResponse<String> created = send("POST", "/companies", "{\"name\":\"珠海横琴集成测试物业服务有限公司\",\"creditCode\":\"91440400MA4W3K2L94\","
                + "\"legalRepresentative\":\"王建国\",\"contact\":\"李小姐\",\"phone\":\"13800001234\",\"officeAddress\":\"横琴环岛东路1号\"}");
        assertEquals(created.body(), 201, created.statusCode());
        long companyId = json(created).get("id").asLong();

        // the system admin gives the company a login account (SUP-CO-1: accounts managed centrally)
        String sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
        HttpResponse<String> account = send("POST", "/accounts", "{\"username\":\"it-company\",\"roles\":[\"COMPANY\"],\"scope\":\"COMPANY\",\"companyId\":"
                + companyId + "}", "Authorization", "Bearer " + sysadmin);
        assertEquals(account.body(), 200, account.statusCode());
        String initial = json(account).get("initialPassword").asText();

        // first login is limited until the initial password is changed
        String limited = login("it-company", initial, null);
        assertEquals(403, getAs(limited, "/companies/" + companyId).statusCode());
        assertEquals(200, send("POST", "/auth/password", "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Filing@2026ok\"}",
                "Authorization", "Bearer " + limited).statusCode());
        String company = login("it-company", "Filing@2026ok", null);
        assertEquals(200, getAs(company, "/companies/" + companyId).statusCode());

        // materials are uploaded files, checked by content (SUP-CO-2)
        HttpResponse<String> exe = upload(company, "营业执照.pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(exe.body(), 400, exe.statusCode());
        assertTrue(exe.body(), exe.body().contains("\"field\":\"file\""));
        HttpResponse<String> licence = upload(company, "营业执照.pdf", pdf("licence"));
        assertEquals(licence.body(), 201, licence.statusCode());
        assertEquals("application/pdf", json(licence).get("contentType").asText());
        String licenceId = json(licence).get("id").asText();
        String regulatorsOwn = json(upload(null, "x.pdf", pdf("regulator"))).get("id").asText();
        HttpResponse<String> forged = send("POST", "/companies/" + companyId + "/filings",
                "{\"qualificationGrade\":\"一级\",\"materials\":[{\"title\":\"营业执照\",\"fileId\":\"" + regulatorsOwn + "\"}]}",
                "Authorization", "Bearer " + company);
        assertEquals(forged.body(), 400, forged.statusCode());
        assertTrue(forged.body(), forged.body().contains("materials[0].fileId"));

        HttpResponse<String> filing = send("POST", "/companies/" + companyId + "/filings",
                "{\"qualificationGrade\":\"一级\",\"certificateNumber\":\"粤物业-2026-001\",\"materials\":[{\"title\":\"营业执照\",\"fileId\":\""
                        + licenceId + "\"}]}",
                "Authorization", "Bearer " + company);
        assertEquals(filing.body(), 201, filing.statusCode());
        assertEquals("营业执照.pdf", json(filing).get("materials").get(0).get("name").asText());
        HttpResponse<String> read = get("/files/" + licenceId + "/content");
        assertEquals("the regulator reads the material", 200, read.statusCode());
        assertTrue(read.body().startsWith("%PDF-"));
        assertEquals("application/pdf", read.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        assertEquals("another company does not", 404, getAs(login("demo-company", DEMO_PASSWORD, null), "/files/" + licenceId + "/content").statusCode());
        long filingId = json(filing).get("id").asLong();
        String etag = filing.headers().firstValue("ETag").orElseThrow();
        assertEquals("a company cannot approve its own filing", 403, send("POST", "/companies/" + companyId + "/filings/" + filingId + "/approve", "{}",
                "Authorization", "Bearer " + company, "If-Match", etag).statusCode());
        HttpResponse<String> approved = send("POST", "/companies/" + companyId + "/filings/" + filingId + "/approve", "{}", "If-Match", etag);
        assertEquals(approved.body(), 200, approved.statusCode());
        assertEquals("FILED", json(getAs(company, "/companies/" + companyId)).get("status").asText());
        assertEquals(409, send("POST", "/companies/" + companyId + "/filings/" + filingId + "/approve", "{}",
                "If-Match", approved.headers().firstValue("ETag").orElseThrow()).statusCode());
        // the review kernel's history (issue 10 item 2): the company reads who submitted and who approved, in order
        HttpResponse<String> history = getAs(company, "/companies/" + companyId + "/filings/history");
        assertEquals(history.body(), 200, history.statusCode());
        assertEquals("SUBMIT", json(history).get(0).get("action").asText());
        assertEquals("it-company", json(history).get(0).get("actor").asText());
        assertEquals(licenceId, json(history).get(0).get("details").get("materials").get(0).get("fileId").asText());
        assertEquals("APPROVED", json(history).get(1).get("to").asText());
        assertEquals(404, getAs(login("demo-company", DEMO_PASSWORD, null), "/companies/" + companyId + "/filings/history").statusCode());

        // sanctions (SUP-CO-1): suspend needs a reason and the company's ETag; revoked is final
        String companyEtag = get("/companies/" + companyId).headers().firstValue("ETag").orElseThrow();
        assertEquals(400, send("POST", "/companies/" + companyId + "/suspend", "{}", "If-Match", companyEtag).statusCode());
        assertEquals(403, send("POST", "/companies/" + companyId + "/suspend", "{\"reason\":\"自行暂停\"}",
                "Authorization", "Bearer " + company, "If-Match", companyEtag).statusCode());
        HttpResponse<String> suspended = send("POST", "/companies/" + companyId + "/suspend", "{\"reason\":\"消防通道堵塞，限期整改\"}",
                "If-Match", companyEtag);
        assertEquals(suspended.body(), 200, suspended.statusCode());
        assertEquals("SUSPENDED", json(suspended).get("status").asText());
        HttpResponse<String> revoked = send("POST", "/companies/" + companyId + "/revoke", "{\"reason\":\"拒不整改\"}",
                "If-Match", suspended.headers().firstValue("ETag").orElseThrow());
        assertEquals("REVOKED", json(revoked).get("status").asText());
        HttpResponse<String> back = send("POST", "/companies/" + companyId + "/reinstate", "{\"reason\":\"申诉\"}",
                "If-Match", revoked.headers().firstValue("ETag").orElseThrow());
        assertEquals(back.body(), 409, back.statusCode());

        JsonNode pub = json(getAs(null, "/public/companies?size=200"));
        boolean listed = false;
        for (JsonNode c : pub.get("items")) {
            if (c.get("name").asText().equals("珠海横琴集成测试物业服务有限公司")) {
                listed = true;
                assertTrue(c.toString(), !c.toString().contains("13800001234") && !c.toString().contains("王建国"));
            }
        }
        assertTrue("filed companies are disclosed (DIS-2)", listed);
    }

    @Test
    public void committeeOfOwnersIsRegisteredFiledByItsHeadAndApproved_SUP_OC_1_OC_1_OCS_4() {
        JsonNode first = json(get("/estates?size=1&sort=id")).get("items").get(0);
        long estateId = first.get("id").asLong();
        java.util.LinkedHashSet<Long> owners = new java.util.LinkedHashSet<>();
        for (JsonNode h : json(get("/estates/" + estateId + "/houses?status=SOLD&size=100")).get("items")) {
            for (JsonNode o : h.get("owners")) {
                owners.add(o.get("id").asLong());
            }
        }
        java.util.List<Long> ids = new java.util.ArrayList<>(owners);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String end = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(5).toString();
        java.util.function.IntFunction<String> body = n -> {
            StringBuilder members = new StringBuilder();
            for (int i = 0; i < n; i++) {
                members.append(i == 0 ? "" : ",").append("{\"ownerId\":").append(ids.get(i)).append(",\"name\":\"委员").append(i)
                        .append("\",\"phone\":\"1380000").append(String.format("%04d", i)).append("\",\"position\":\"").append(i == 0 ? "HEAD" : "MEMBER").append("\"}");
            }
            return "{\"estateId\":" + estateId + ",\"name\":\"澳门新街坊业主委员会\",\"phone\":\"13800009999\",\"address\":\"澳门新街坊会所\","
                    + "\"electedOn\":\"" + today + "\",\"termStart\":\"" + today + "\",\"termEnd\":\"" + end + "\",\"members\":[" + members + "]}";
        };
        HttpResponse<String> four = send("POST", "/committees", body.apply(4));
        assertEquals(four.body(), 400, four.statusCode());
        HttpResponse<String> created = send("POST", "/committees", body.apply(5));
        assertEquals(created.body(), 201, created.statusCode());
        long committeeId = json(created).get("id").asLong();

        String committee = login("demo-committee", DEMO_PASSWORD, null);
        String notice = json(upload(committee, "选举结果公告.pdf", pdf("election"))).get("id").asText();
        HttpResponse<String> filing = send("POST", "/committees/" + committeeId + "/filings",
                "{\"materials\":[{\"title\":\"选举结果公告\",\"fileId\":\"" + notice + "\"}]}",
                "Authorization", "Bearer " + committee);
        assertEquals(filing.body(), 201, filing.statusCode());
        HttpResponse<String> approved = send("POST", "/committees/" + committeeId + "/filings/" + json(filing).get("id").asLong() + "/approve", "{}",
                "If-Match", filing.headers().firstValue("ETag").orElseThrow());
        assertEquals(approved.body(), 200, approved.statusCode());
        String pub = getAs(null, "/public/committees?size=200").body();
        assertTrue(pub.contains("澳门新街坊业主委员会"));
        assertTrue("phones masked in public (ID-2)", !pub.contains("13800009999"));
    }

    // ------------------------------------------------------------------ issue 20: the probes of the security review, against the running platform

    private static long accountId(String bearer, String username) {
        for (JsonNode a : json(getAs(bearer, "/accounts?size=200&q=" + username)).path("items")) {
            if (a.get("username").asText().equals(username)) {
                return a.get("id").asLong();
            }
        }
        throw new AssertionError("no account " + username);
    }

    @Test
    public void theSystemAdminCannotMakeItselfAnAuditorNorTheSecurityAdminChangeItsOwnRoles_issue20_item1() {
        String sysadmin = login("demo-sysadmin", DEMO_PASSWORD, "DEMOSYSADMINSPMHENGQINAAAAAAAAAA");
        assertNotNull(sysadmin);
        HttpResponse<String> r = send("POST", "/accounts", "{\"username\":\"it-x-auditor\",\"roles\":[\"AUDITOR\"],\"scope\":\"NONE\"}",
                "Authorization", "Bearer " + sysadmin);
        assertEquals(r.body(), 403, r.statusCode());
        assertEquals("sod.createAdmin", json(r).get("code").asText());
        long auditor = accountId(sysadmin, "demo-auditor");
        HttpResponse<String> reset = send("POST", "/accounts/" + auditor + "/reset-password", null, "Authorization", "Bearer " + sysadmin);
        assertEquals(reset.body(), 403, reset.statusCode());
        assertEquals("sod.adminAccount", json(reset).get("code").asText());
        HttpResponse<String> disable = send("POST", "/accounts/" + auditor + "/disable", null, "Authorization", "Bearer " + sysadmin);
        assertEquals(disable.body(), 403, disable.statusCode());
        assertNotNull("the auditor still logs in", login("demo-auditor", DEMO_PASSWORD, "DEMOAUDITORSPMHENGQINAAAAAAAAAAA"));

        String secadmin = login("demo-secadmin", DEMO_PASSWORD, "DEMOSECADMINSPMHENGQINAAAAAAAAAA");
        long self = accountId(secadmin, "demo-secadmin");
        HttpResponse<String> own = send("PUT", "/accounts/" + self + "/roles", "[\"SECADMIN\",\"REGULATOR\"]", "Authorization", "Bearer " + secadmin);
        assertEquals(own.body(), 403, own.statusCode());
        assertEquals("sod.ownAccount", json(own).get("code").asText());
    }

    /** One raw HTTP/1.1 exchange: java.net.http will not send a Host header of our choosing. */
    private static String raw(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.getInteger("spm.it.port"))) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void theProviderCallbackIgnoresAForgedHostHeader_issue20_item3_INT_IDP() throws Exception {
        String answer = raw("GET /api/v1/auth/idp/gd-tyrz/authorize HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
        assertTrue(answer, answer.startsWith("HTTP/1.1 200"));
        assertTrue(answer, answer.contains("redirect_uri="));
        assertTrue(answer, !answer.contains("evil.example"));
        String redirect = java.net.URLDecoder.decode(answer.replaceAll("(?s).*redirect_uri=([^&\"]*).*", "$1"), StandardCharsets.UTF_8);
        assertEquals("http://localhost:" + System.getProperty("spm.it.port") + "/api/v1/auth/idp/gd-tyrz/callback", redirect);
    }

    @Test
    public void answersCarrySecurityHeadersAndProblemsLeakNothing_issue20_item6() {
        HttpResponse<String> live = get("/health", "Authorization", "none");
        HttpResponse<String> unauthorized = get("/estates", "Authorization", "none");
        for (HttpResponse<String> r : List.of(live, unauthorized)) {
            assertEquals(r.headers().toString(), "no-store", r.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        }
        assertEquals(401, unauthorized.statusCode());
        JsonNode problem = json(unauthorized);
        assertEquals("未登录", problem.get("title").asText());
        assertTrue(problem.toString(), !problem.get("detail").asText().startsWith("auth."));

        String anonymous = get("/health/ready", "Authorization", "none").body();
        for (String secret : new String[] {"PostgreSQL", "karaf", "/data", "details", "summary"}) {
            assertTrue(secret + " in " + anonymous, !anonymous.contains(secret));
        }
        assertTrue("the operator on the node sees the details", readyAsOperator().body().contains("PostgreSQL"));

        HttpResponse<String> malformed = send("POST", "/auth/login", "[\"demo-regulator\"]", "Authorization", "none");
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertTrue(malformed.body(), !malformed.body().contains("org.smartproperty") && !malformed.body().contains("LoginInput"));
    }

    @Test
    public void aHundredThousandCharacterUserNameIsA400_issue20_item7() {
        HttpResponse<String> r = send("POST", "/auth/login", "{\"username\":\"" + "u".repeat(100_000) + "\",\"password\":\"x\"}", "Authorization", "none");
        assertEquals(r.body(), 400, r.statusCode());
        assertEquals("username", json(r).at("/errors/0/field").asText());
        HttpResponse<String> longAgent = send("POST", "/auth/login", "{\"username\":\"nobody\",\"password\":\"Wrong@pass1\"}",
                "Authorization", "none", "User-Agent", "a".repeat(2000));
        assertEquals(longAgent.body(), 401, longAgent.statusCode());
    }

    @Test
    public void plainHttpListensOnLoopbackOnly_issue20_item10() throws Exception {
        int port = Integer.getInteger("spm.it.port");
        List<java.net.InetAddress> outside = new java.util.ArrayList<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        outside.add(a);
                    }
                }
            }
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
        }
        // a machine without any other interface cannot show the difference; CI and every server have one
        org.junit.Assume.assumeTrue("no non-loopback IPv4 interface on this machine", !outside.isEmpty());
        for (java.net.InetAddress a : outside) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(a, port), 2000);
                throw new AssertionError("plain HTTP answers on " + a.getHostAddress() + ":" + port);
            } catch (java.net.ConnectException | java.net.SocketTimeoutException expected) {
                // refused: nothing listens there
            }
        }
    }

    /** A PNG whose header declares {@code w} × {@code h} pixels, followed by a token IDAT: what the bomb of item 2 looks like to a header reader. */
    private static byte[] pngDeclaring(int w, int h) throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        for (Object[] c : new Object[][] {{"IHDR", ihdr.array()}, {"IDAT", new byte[] {0x78, (byte) 0xDA, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}}, {"IEND", new byte[0]}}) {
            byte[] type = ((String) c[0]).getBytes(StandardCharsets.US_ASCII);
            byte[] data = (byte[]) c[1];
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(data);
            png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
            png.write(type);
            png.write(data);
            png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return png.toByteArray();
    }

    @Test
    public void anImageDeclaring400MegapixelsIsRefusedFromItsHeader_issue20_item2() throws Exception {
        HttpResponse<String> r = upload(null, "bomb.png", pngDeclaring(20000, 20000));
        assertEquals(r.body(), 413, r.statusCode());
        assertEquals("file.pixels", json(r).get("code").asText());
        assertTrue(json(r).get("title").asText(), !json(r).get("title").asText().equals("服务器内部错误"));
    }

    @Test
    public void anUploadedHtmlNameIsCleanedAndTakesTheDetectedExtension_issue20_item8() {
        HttpResponse<String> r = upload(null, "<img src=x onerror=alert(1)>.html", pdf("named like html"));
        assertEquals(r.body(), 201, r.statusCode());
        JsonNode f = json(r);
        String name = f.get("name").asText();
        assertTrue(name, name.endsWith(".pdf") && !name.contains("<") && !name.contains(">") && !name.contains("\""));
        HttpResponse<String> content = get("/files/" + f.get("id").asText() + "/content");
        assertEquals(200, content.statusCode());
        String disposition = content.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition, disposition.contains("filename*=UTF-8''") && !disposition.contains("<") && disposition.contains(".pdf"));
        assertEquals("nosniff", content.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    public void aBanThatWouldLockOutEverybodyOrTheOperatorIsRefused_issue20_item9() {
        String ops = login("demo-ops", DEMO_PASSWORD, null);
        for (String cidr : new String[] {"0.0.0.0/0", "::/0", "127.0.0.1", "127.0.0.0/8"}) {
            HttpResponse<String> r = send("POST", "/ops/ip-bans", "{\"cidr\":\"" + cidr + "\",\"reason\":\"probe\"}", "Authorization", "Bearer " + ops);
            assertEquals(cidr + ": " + r.body(), 400, r.statusCode());
            assertTrue(r.body(), json(r).at("/errors/0/code").asText().startsWith("ban."));
        }
        assertEquals("the node still answers", 200, get("/health").statusCode());
    }

    @Test
    public void aTotpCodeLogsInOnceAndTheSecretsAreEncryptedAtRest_issue10_item8() throws Exception {
        String body = "{\"username\":\"demo-auditor\",\"password\":\"" + DEMO_PASSWORD + "\",\"totp\":\""
                + freshTotp("DEMOAUDITORSPMHENGQINAAAAAAAAAAA") + "\"}";
        assertEquals(200, send("POST", "/auth/login", body, "Authorization", "none").statusCode());
        HttpResponse<String> replay = send("POST", "/auth/login", body, "Authorization", "none", "Accept-Language", "en");
        assertEquals(401, replay.statusCode());
        JsonNode p = json(replay);
        assertEquals("auth.totpReplayed", p.get("code").asText());
        assertEquals("the text is found in the container", "One-time code already used", p.get("title").asText());

        java.nio.file.Path key = java.nio.file.Path.of(System.getProperty("karaf.data"), "security", "totp.key");
        assertTrue("created at first start: " + key, java.nio.file.Files.isRegularFile(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(key)));
        java.util.Properties user = new java.util.Properties();
        user.setProperty("user", System.getProperty("spm.db.user"));
        int secrets = 0;
        try (java.sql.Connection c = new org.postgresql.Driver().connect(System.getProperty("spm.db.url"), user);
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT username, totp_secret FROM sec_account WHERE totp_secret IS NOT NULL")) {
            while (rs.next()) {
                secrets++;
                assertTrue(rs.getString(1) + ": " + rs.getString(2), rs.getString(2).startsWith("v1:") && !rs.getString(2).contains("DEMO"));
            }
        }
        assertTrue("the demo admins' fixed secrets are stored encrypted", secrets >= 3);
    }

    // ----------------------------------------------------------------- overload protection (issue 19 item 5)

    /** Replaces (or with null deletes) the configuration of PID {@code org.smartproperty.overload} through ConfigurationAdmin. */
    private void overloadConfiguration(Dictionary<String, Object> update) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertNotNull("ConfigurationAdmin", ref);
        Object admin = context.getService(ref);
        try {
            Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Class<?> confType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Object conf = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, "org.smartproperty.overload", "?");
            if (update == null) {
                confType.getMethod("delete").invoke(conf);
            } else {
                confType.getMethod("update", Dictionary.class).invoke(conf, update);
            }
        } finally {
            context.ungetService(ref);
        }
    }

    /** Calls an unknown path (404) in {@code language} until the per-client limit answers 429 (or fails after {@code within}). */
    private static HttpResponse<String> limitedIn(String language, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = get("/no-such-path-issue19", "Authorization", "none", "Accept-Language", language);
            assertNotNull(r);
            assertTrue(r.statusCode() + " " + r.body(), r.statusCode() == 404 || r.statusCode() == 429);
            if (r.statusCode() == 429) {
                return r;
            }
        }
        throw new AssertionError("no 429 within " + within);
    }

    /**
     * Issue 19 item 5 through the real JAX-RS chain (OverloadHttpTest drives a stand-in past the knee): with the loopback
     * exemption off and a small bucket, the per-client limit answers 429 problem+json in the caller's language with
     * Retry-After; with ONE place for requests in progress, sequential calls that end every way (200, 400/403 by a mapped
     * exception, 401 aborted by the security filter, 404 unmatched, /health exempt) never meet a 503 — a request that kept
     * its place would make every later call 503. The default configuration is restored in {@code finally}.
     */
    @Test
    public void overloadLimitsAnswer429WithRetryAfter_andEveryKindOfAnswerGivesItsPlaceBack_issue19_item5() throws Exception {
        long started = System.nanoTime();
        String officer = login("demo-officer", DEMO_PASSWORD, null);
        assertNotNull(officer);
        Hashtable<String, Object> lowered = new Hashtable<>();
        lowered.put("maxConcurrent", 1);
        lowered.put("queueWaitMillis", 0);
        lowered.put("perClient.burst", 20);
        lowered.put("perClient.rate", 10);
        lowered.put("perClient.exempt", new String[0]);
        overloadConfiguration(lowered);
        try {
            HttpResponse<String> en = limitedIn("en", Duration.ofSeconds(20)); // until the lowered limit applies and the bucket is empty
            assertTrue(en.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode p = json(en);
            assertEquals("problem.overload.client", p.get("code").asText());
            assertEquals(429, p.get("status").asInt());
            assertEquals("https://smartproperty.org/problems/overload.client", p.get("type").asText());
            String retry = en.headers().firstValue("Retry-After").orElse("");
            assertTrue("Retry-After " + retry, retry.matches("[1-9][0-9]*"));
            assertTrue(p.toString(), p.get("detail").asText().startsWith("Too many requests from this address; try again in " + retry));
            JsonNode tw = json(limitedIn("zh-TW", Duration.ofSeconds(10)));
            assertTrue(tw.toString(), tw.get("detail").asText().contains("請求過於頻繁"));

            // every kind of answer gives its place back
            Set<Integer> seen = new HashSet<>();
            int answered = 0;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (int i = 0; answered < 30 && System.nanoTime() < end; i++) {
                HttpResponse<String> r = switch (i % 6) {
                    case 0 -> getAs(officer, "/estates?size=1");
                    case 1 -> getAs(null, "/estates?size=1");
                    case 2 -> getAs(officer, "/no-such-path-issue19");
                    case 3 -> send("POST", "/estates", "{not json", "Authorization", "Bearer " + officer);
                    case 4 -> getAs(null, "/public");
                    default -> getAs(null, "/health");
                };
                assertNotNull(r);
                assertTrue("a request kept its place: " + r.statusCode() + " " + r.body(), r.statusCode() != 503 && r.statusCode() < 500);
                if (r.statusCode() == 429) { // the bucket refills at 10 a second: poll on
                    Thread.sleep(50);
                    continue;
                }
                seen.add(r.statusCode());
                answered++;
            }
            assertTrue("answered " + answered + ": " + seen, answered >= 30);
            assertTrue(seen.toString(), seen.contains(200) && seen.contains(401) && seen.contains(404) && (seen.contains(400) || seen.contains(403)));
        } finally {
            overloadConfiguration(null);
            // the defaults are back when loopback is exempt again: 60 calls in a row without a 429 (a bucket of 20 refilled at 10/s cannot give that)
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int row = 0;
            while (row < 60 && System.nanoTime() < end) {
                HttpResponse<String> r = getAs(null, "/no-such-path-issue19");
                row = r != null && r.statusCode() == 404 ? row + 1 : 0;
            }
            assertEquals("the default configuration is back", 60, row);
            System.out.println("PlatformIT overload: " + (System.nanoTime() - started) / 1_000_000 + " ms (demo data awaited before)");
        }
    }
}
