package org.smartproperty.platform.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;

/**
 * {@code GET /api/v1/public}: the index of the public disclosure surface (DIS-1..6, issue 17 item 4), built like
 * {@code /api/v1/openapi.json} from the resources registered right now, so it lists exactly what is served: every
 * public GET under {@code /api/v1/public/}, with its summary and requirement IDs, and the surface's caching and
 * rate limits.
 */
@Component(service = PublicIndexResource.class, configurationPid = DisclosureFilter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicIndexResource {

    /** One disclosure endpoint. */
    public record Endpoint(String method, String path, String summary, List<String> requirements) {
    }

    /** Caching of the surface: {@code Cache-Control: public, max-age}, strong ETags, 304 on If-None-Match. */
    public record Caching(int maxAgeSeconds, boolean etag) {
    }

    /** The per-client limit of one node: {@code burst} calls at once, {@code perMinute} more each minute. */
    public record RateLimit(boolean enabled, int burst, int perMinute, String scope) {
    }

    /** The index. */
    public record Index(List<Endpoint> endpoints, Caching caching, RateLimit rateLimit) {
    }

    private BundleContext context;
    private volatile DisclosureConfig config;

    @Activate
    @Modified
    void activate(BundleContext context, DisclosureConfig config) {
        this.context = context;
        this.config = config;
    }

    @GET
    @PublicAccess
    @Doc(summary = "Index of the public disclosure surface: every public GET under /api/v1/public with its caching and rate limit",
            requirements = {"DIS-1", "DIS-2", "DIS-3", "DIS-4", "DIS-5", "DIS-6"},
            description = "{endpoints: [{method, path, summary, requirements}], caching: {maxAgeSeconds, etag}, rateLimit: {enabled, burst, "
                    + "perMinute, scope}}. Every listed endpoint answers with a strong ETag (304 on If-None-Match), Cache-Control: public, "
                    + "max-age and Vary: Accept-Language; over the limit 429 problem+json with Retry-After.")
    public Index index() {
        return index(OpenApiResource.resourceClasses(context), config);
    }

    static Index index(Collection<Class<?>> resources, DisclosureConfig c) {
        List<Endpoint> out = new ArrayList<>();
        for (Class<?> rc : resources) {
            for (OpenApiGenerator.Operation op : OpenApiGenerator.operations(rc)) {
                if (!HttpMethod.GET.equals(op.method()) || !op.javaMethod().isAnnotationPresent(PublicAccess.class)
                        || !DisclosureFilter.isPublic(op.path().substring(Api.APPLICATION_BASE.length()))) {
                    continue;
                }
                Doc doc = op.javaMethod().getAnnotation(Doc.class);
                out.add(new Endpoint(op.method(), op.path(), doc == null ? "" : doc.summary(), doc == null ? List.of() : requirements(doc)));
            }
        }
        out.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        DisclosureFilter.Settings s = DisclosureFilter.settings(c, Map.of());
        return new Index(out, new Caching(s.maxAgeSeconds(), true),
                new RateLimit(s.limiter() != null, s.limiter() == null ? 0 : s.limiter().burst(), s.limiter() == null ? 0 : s.limiter().perMinute(),
                        "per client address, per node"));
    }

    private static List<String> requirements(Doc doc) {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        for (String r : doc.requirements()) {
            for (String part : r.split(",")) {
                if (!part.isBlank()) {
                    ids.put(part.trim(), true);
                }
            }
        }
        return List.copyOf(ids.keySet());
    }
}
