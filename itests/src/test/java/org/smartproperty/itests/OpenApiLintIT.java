package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.Test;
import org.smartproperty.platform.rest.internal.OpenApiGenerator;
import org.smartproperty.platform.testsupport.OpenApiLint;

/**
 * Issue 11 item 3, the linter test: the whole application's {@code /api/v1/openapi.json}, generated
 * by the platform's generator from every resource the bundles register in the spm application
 * (read from their component descriptions, as the JAX-RS whiteboard finds them), passes the
 * reference validator (swagger-parser) with zero messages and breaks none of the recommended
 * rules of {@link OpenApiLint}. A plain JUnit test (no Karaf): the
 * bundles are jars on the test class path. PlatformIT checks the served document over HTTP.
 */
public class OpenApiLintIT {

    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");

    /** Classes of the components that register a JAX-RS resource in the spm application. */
    static List<Class<?>> resourceClasses() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.getName().startsWith("spm-") || !f.getName().endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(f)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    JarEntry je = e.nextElement();
                    if (!je.getName().startsWith("OSGI-INF/") || !je.getName().endsWith(".xml")) {
                        continue;
                    }
                    String xml = new String(jar.getInputStream(je).readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = IMPLEMENTATION.matcher(xml);
                    if (xml.contains("name=\"osgi.jaxrs.resource\"") && xml.contains("(osgi.jaxrs.name=spm)") && m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            out.add(Class.forName(n, false, OpenApiLintIT.class.getClassLoader()));
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theWholeApplicationsDocumentHasZeroValidatorMessages() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue("resources of every bundle: " + resources, resources.size() >= 20);
        Map<String, Object> doc = new OpenApiGenerator().document(resources, "1.0.0");
        String json = new ObjectMapper().writeValueAsString(doc);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json); // for a look with any outside linter
        SwaggerParseResult r = OpenApiLint.parse(json);
        List<String> errors = OpenApiLint.errors(json);
        System.out.println("OpenApiLintIT: " + resources.size() + " resources, " + ((Map<String, Object>) doc.get("paths")).size()
                + " paths, validator messages: " + r.getMessages().size() + ", lint errors (validator + rules): " + errors.size());
        errors.forEach(m -> System.out.println("  " + m));
        assertEquals(List.of(), errors);
        OpenAPI api = r.getOpenAPI();
        assertNotNull(api.getComponents().getSecuritySchemes().get(OpenApiGenerator.BEARER));
        Operation login = api.getPaths().get("/api/v1/auth/login").getPost();
        assertEquals("the login is public", List.of(), login.getSecurity());
        assertTrue(login.getResponses().containsKey("400"));
        Operation estate = api.getPaths().get("/api/v1/estates/{id}").getGet();
        assertTrue(estate.getResponses().containsKey("401") && estate.getResponses().containsKey("403") && estate.getResponses().containsKey("404"));
        assertEquals("estate:read", estate.getExtensions().get("x-spm-permission"));
        Operation createEstate = api.getPaths().get("/api/v1/estates").getPost();
        assertEquals("#/components/responses/BadRequest", createEstate.getResponses().get("400").get$ref());
        Operation update = api.getPaths().get("/api/v1/estates/{id}").getPut();
        assertTrue(update.getResponses().containsKey("412") && update.getResponses().containsKey("428"));
        List<String> ids = api.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).map(Operation::getOperationId).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
    }
}
