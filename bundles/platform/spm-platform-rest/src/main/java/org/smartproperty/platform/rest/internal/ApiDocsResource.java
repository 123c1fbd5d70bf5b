package org.smartproperty.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/**
 * {@code GET /api/v1/docs}: the interactive API page (issue 11 item 3), Swagger UI of the
 * {@code org.webjars:swagger-ui} webjar embedded in this bundle (served offline, no CDN), reading
 * {@code /api/v1/openapi.json}. The Authorize button takes a bearer token (kept across reloads);
 * a login made from the page authorizes it by itself. Public, as the document is; the page's
 * scripts are files of this server ({@link SecurityHeadersFilter#DOCS_CSP}, no inline script).
 */
@Component(service = ApiDocsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path(ApiDocsResource.PATH)
public class ApiDocsResource {

    static final String PATH = "docs";

    /** The version of the embedded webjar (the pom's swagger-ui.version; ApiDocsResourceTest checks they agree). */
    static final String SWAGGER_UI_VERSION = "5.35.0";

    static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/";

    /** What the page may load, with its media type: nothing else is served. */
    static final Map<String, String> ASSETS = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            "swagger-ui-bundle.js.LICENSE.txt", "text/plain; charset=utf-8",
            "swagger-initializer.js", "text/javascript; charset=utf-8");

    @GET
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    @Doc(summary = "The interactive API page (Swagger UI): log in, Authorize with the bearer token, try any operation")
    public Response page() {
        return Response.ok(pageHtml(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{file}")
    @PublicAccess
    @Produces(MediaType.WILDCARD)
    @Doc(summary = "A file of the interactive API page (the Swagger UI script, style sheet, icons and its initializer)")
    public Response asset(@PathParam("file") String file) {
        Asset a = file(file);
        if (a == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(a.body(), a.type()).cacheControl(cache).build();
    }

    /** A file of the page with its media type. */
    record Asset(byte[] body, String type) {
    }

    static String pageHtml() {
        return text("/docs/index.html");
    }

    /** The listed file (null for any other name). */
    static Asset file(String file) {
        String type = ASSETS.get(file);
        if (type == null) {
            return null;
        }
        byte[] body = "swagger-initializer.js".equals(file) ? text("/docs/swagger-initializer.js").getBytes(StandardCharsets.UTF_8)
                : bytes(WEBJAR + file);
        return new Asset(body, type);
    }

    /** One of our own files, with the application's base and the bearer scheme's name filled in. */
    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8)
                .replace("@BASE@", Api.APPLICATION_BASE).replace("@SCHEME@", OpenApiGenerator.BEARER);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ApiDocsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not in the bundle: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
