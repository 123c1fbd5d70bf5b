package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.rest.PublicAccess;

/** Issue 11 item 3: /api/v1/docs answers the Swagger UI page, its files come from the embedded webjar, under a CSP that lets them run. */
class ApiDocsResourceTest {

    @Test
    void thePageReferencesTheLocalSwaggerUiAndNoInlineScript() {
        String html = ApiDocsResource.pageHtml();
        assertTrue(html.contains("<script src=\"/api/v1/docs/swagger-ui-bundle.js\""), html);
        assertTrue(html.contains("<script src=\"/api/v1/docs/swagger-initializer.js\""), html);
        assertTrue(html.contains("href=\"/api/v1/docs/swagger-ui.css\""), html);
        assertFalse(html.contains("http://") || html.contains("https://"), "no CDN");
        Matcher scripts = Pattern.compile("<script([^>]*)>([^<]*)</script>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "every script is a file: " + scripts.group());
            assertEquals("", scripts.group(2).trim(), "no inline script");
        }
    }

    @Test
    void theInitializerPointsAtTheDocumentAndKeepsTheToken() {
        ApiDocsResource.Asset a = ApiDocsResource.file("swagger-initializer.js");
        assertEquals("text/javascript; charset=utf-8", a.type());
        String js = new String(a.body(), StandardCharsets.UTF_8);
        assertTrue(js.contains("url: \"/api/v1/openapi.json\""), js);
        assertTrue(js.contains("persistAuthorization: true"), js);
        assertTrue(js.contains("ui.preauthorizeApiKey(\"" + OpenApiGenerator.BEARER + "\""), js);
        assertTrue(js.contains("validatorUrl: null"), "no call to an outside validator");
    }

    @Test
    void theWebjarFilesAreServedWithTheirTypes() {
        ApiDocsResource.Asset js = ApiDocsResource.file("swagger-ui-bundle.js");
        assertEquals("text/javascript; charset=utf-8", js.type());
        String text = new String(js.body(), StandardCharsets.UTF_8);
        assertTrue(js.body().length > 1_000_000 && text.contains("SwaggerUIBundle"), "the real bundle");
        assertEquals("text/css; charset=utf-8", ApiDocsResource.file("swagger-ui.css").type());
        assertTrue(ApiDocsResource.file("swagger-ui.css").body().length > 100_000);
        assertEquals("image/png", ApiDocsResource.file("favicon-32x32.png").type());
        assertTrue(ApiDocsResource.file("swagger-ui-bundle.js.LICENSE.txt").body().length > 0, "the licence notice ships with it");
        assertEquals(null, ApiDocsResource.file("index.html"), "only the listed files");
        assertEquals(null, ApiDocsResource.file("swagger-ui.js"));
    }

    @Test
    void theEmbeddedVersionIsThePoms() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<swagger-ui.version>" + ApiDocsResource.SWAGGER_UI_VERSION + "</swagger-ui.version>"), "pom and resource agree");
    }

    @Test
    void thePageAndItsFilesArePublic() throws Exception {
        assertTrue(ApiDocsResource.class.getMethod("page").isAnnotationPresent(PublicAccess.class));
        assertTrue(ApiDocsResource.class.getMethod("asset", String.class).isAnnotationPresent(PublicAccess.class));
    }

    @Test
    void theDocsPageGetsACspThatRunsItsOwnScriptsOnly() {
        MultivaluedMap<String, Object> h = new MultivaluedHashMap<>();
        SecurityHeadersFilter.decorate(h, false, SecurityHeadersFilter.isDocs("docs"));
        String csp = (String) h.getFirst("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval") && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
        assertTrue(csp.contains("connect-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(SecurityHeadersFilter.isDocs("/docs/swagger-ui-bundle.js"));
        assertFalse(SecurityHeadersFilter.isDocs("docsx"));
        MultivaluedMap<String, Object> api = new MultivaluedHashMap<>();
        SecurityHeadersFilter.decorate(api, false, SecurityHeadersFilter.isDocs("estates/1"));
        assertEquals(SecurityHeadersFilter.CSP, api.getFirst("Content-Security-Policy"), "the API keeps default-src 'none'");
    }
}
