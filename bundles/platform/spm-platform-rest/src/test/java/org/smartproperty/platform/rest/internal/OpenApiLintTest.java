package org.smartproperty.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.internal.metrics.MetricsResource;
import org.smartproperty.platform.testsupport.OpenApiLint;

/**
 * Issue 11 item 3: the generated document passes the reference validator (swagger-parser) with
 * zero messages and breaks none of the recommended rules of {@link OpenApiLint}, and says what a client needs: the bearer scheme, the public operations, the
 * permission and the 4xx problems of each operation. The platform's own resources plus a resource
 * shaped as the domains write theirs; {@code OpenApiLintIT} checks the whole application's document.
 */
class OpenApiLintTest {

    public record Thing(long id, String name, long version) {
    }

    public record ThingInput(String name, List<String> tags) {
    }

    /** The shapes the domains use: a paged list, create, read, If-Match update, delete, upload, a public read. */
    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class ThingResource {
        @GET
        @RequiresPermission(value = "thing:read", or = {"thing:audit"})
        @Doc(summary = "List things", requirements = "SUP-EST-1")
        public Page<Thing> list(@QueryParam("name") String name, @QueryParam("page") String page, @Context SecurityContext sc) {
            return null;
        }

        @POST
        @RequiresPermission("thing:write")
        @Doc(summary = "Create a thing")
        public Response create(ThingInput input, @Context UriInfo uri) {
            return Response.created(URI.create("x")).build();
        }

        @GET
        @Path("{id}")
        @RequiresPermission("thing:read")
        @Doc(summary = "Read a thing")
        public Response get(@PathParam("id") String id) {
            return null;
        }

        @PUT
        @Path("{id}")
        @RequiresPermission("thing:write")
        @Doc(summary = "Update a thing")
        public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ThingInput input) {
            return null;
        }

        @DELETE
        @Path("{id}")
        @RequiresPermission("thing:write")
        @Doc(summary = "Delete a thing")
        public void delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        }

        @POST
        @Path("{id: [0-9]+}/files")
        @Consumes(MediaType.WILDCARD)
        @RequiresPermission("thing:write")
        @Doc(summary = "Upload a file to a thing")
        public Response upload(java.io.InputStream body, @QueryParam("name") String name, @Context UriInfo uri) {
            return null;
        }

        @GET
        @Path("public/{code}")
        @PublicAccess
        @Doc(summary = "A public view")
        public Map<String, Object> publicView(@Context UriInfo uri) {
            return Map.of();
        }
    }

    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, MetricsResource.class, OpenApiResource.class, ThingResource.class);

    /** The document as the JSON a client downloads, parsed by the validator. */
    static SwaggerParseResult validate(Map<String, Object> document) throws Exception {
        return OpenApiLint.parse(new ObjectMapper().writeValueAsString(document));
    }

    @Test
    void theValidatorAndTheRecommendedRulesReportNothing() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new OpenApiGenerator().document(RESOURCES, "1.0.0"));
        SwaggerParseResult r = OpenApiLint.parse(json);
        assertEquals(List.of(), r.getMessages());
        assertNotNull(r.getOpenAPI());
        assertEquals(List.of(), OpenApiLint.errors(json));
    }

    @Test
    void theLinterSeesWhatTheOutsideLinterSaw() {
        // the shape of the document before issue 11: no scheme, no 4xx, an undeclared tag, a dangling reference
        String before = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"servers\":[{\"url\":\"/\"}],"
                + "\"paths\":{\"/x/{id}\":{\"get\":{\"operationId\":\"x\",\"summary\":\"x\",\"tags\":[\"X\"],"
                + "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Nope\"}}}}}}}}}";
        List<String> errors = OpenApiLint.errors(before);
        for (String rule : List.of("info-license", "info-contact", "security-defined", "operation-tag-defined", "operation-4xx-response",
                "path-parameters-defined")) {
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(rule)), rule + " in " + errors);
        }
        assertTrue(errors.stream().anyMatch(e -> e.contains("Nope")), "the validator reports the dangling $ref: " + errors);
    }

    @Test
    void bearerSchemePublicOperationsPermissionsAndProblemsAreDescribed() throws Exception {
        OpenAPI api = validate(new OpenApiGenerator().document(RESOURCES, "1.0.0")).getOpenAPI();
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(OpenApiGenerator.BEARER);
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        assertEquals(List.of(OpenApiGenerator.BEARER), List.copyOf(api.getSecurity().get(0).keySet()));
        assertNotNull(api.getInfo().getLicense().getName());
        assertNotNull(api.getInfo().getContact().getName());
        assertTrue(api.getTags().stream().allMatch(t -> t.getDescription() != null && !t.getDescription().isBlank()));

        var health = api.getPaths().get("/api/v1/health").getGet();
        assertEquals(List.of(), health.getSecurity(), "a public operation has security: []");
        assertTrue(!health.getResponses().containsKey("401"));

        var list = api.getPaths().get("/api/v1/things").getGet();
        assertEquals(null, list.getSecurity(), "a secured operation keeps the global bearer requirement");
        assertEquals("thing:read", list.getExtensions().get("x-spm-permission"));
        assertEquals(List.of("thing:read", "thing:audit"), list.getExtensions().get("x-spm-permission-any-of"));
        assertTrue(list.getDescription().contains("Needs permission thing:read (or any of thing:audit)."), list.getDescription());
        for (String status : List.of("400", "401", "403", "503")) {
            assertTrue(list.getResponses().containsKey(status), status);
        }
        assertTrue(!list.getResponses().containsKey("404"));

        var create = api.getPaths().get("/api/v1/things").getPost();
        var bad = create.getResponses().get("400");
        assertEquals("#/components/responses/BadRequest", bad.get$ref());
        var badResolved = api.getComponents().getResponses().get("BadRequest");
        assertEquals("#/components/schemas/Problem", badResolved.getContent().get(Api.PROBLEM_JSON).getSchema().get$ref());
        assertTrue(api.getComponents().getSchemas().get("Problem").getProperties().containsKey("errors"), "field errors");
        assertTrue(create.getResponses().containsKey("201"));
        assertTrue(create.getResponses().containsKey("409"));
        assertTrue(create.getResponses().containsKey("422"), "an Idempotency-Key reused with another body");
        assertTrue(create.getParameters().stream().anyMatch(p -> p.getName().equals(Api.IDEMPOTENCY_KEY) && !p.getRequired()));

        var update = api.getPaths().get("/api/v1/things/{id}").getPut();
        for (String status : List.of("400", "401", "403", "404", "409", "412", "428")) {
            assertTrue(update.getResponses().containsKey(status), status);
        }
        assertTrue(update.getParameters().stream().anyMatch(p -> p.getName().equals(HttpHeaders.IF_MATCH) && p.getRequired()));
        var delete = api.getPaths().get("/api/v1/things/{id}").getDelete();
        assertTrue(delete.getParameters().stream().noneMatch(p -> p.getName().equals(HttpHeaders.AUTHORIZATION)));
        var upload = api.getPaths().get("/api/v1/things/{id}/files").getPost();
        assertTrue(upload.getRequestBody().getContent().containsKey("application/octet-stream"));
        var pub = api.getPaths().get("/api/v1/things/public/{code}").getGet();
        assertEquals(List.of(), pub.getSecurity());
        assertTrue(pub.getParameters().stream().anyMatch(p -> p.getName().equals("code") && "path".equals(p.getIn())));
        assertTrue(pub.getResponses().containsKey("404"));
    }

    @Test
    void operationIdsAreUnique() throws Exception {
        OpenAPI api = validate(new OpenApiGenerator().document(RESOURCES, "1.0.0")).getOpenAPI();
        List<String> ids = api.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).map(o -> o.getOperationId()).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
    }
}
