package org.smartproperty.platform.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.RestrictedNetwork;
import org.smartproperty.platform.rest.WorkflowEndpoints;

/**
 * Builds the OpenAPI 3.0 document from the JAX-RS annotations of the resource classes that are
 * registered right now, so the document cannot drift from what the server serves. Issue 11 item 3:
 * the bearer scheme (global; {@code security: []} on {@link PublicAccess} methods), the permission
 * each operation needs ({@code x-spm-permission}), the problems each can answer (400/401/403/404/
 * 409/412/428/503 as application/problem+json), licence, contact, servers, unique operation ids and
 * described tags; {@code OpenApiLintTest} and {@code OpenApiLintIT} keep it free of validator errors.
 */
public final class OpenApiGenerator {

    /** One operation found on a resource class. */
    public record Operation(String method, String path, Method javaMethod) {
    }

    /** The name of the bearer scheme in components.securitySchemes. */
    public static final String BEARER = "bearerAuth";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

    /** The shared problem answers in components.responses, by status. */
    private static final Map<String, String[]> PROBLEMS = problems();

    private final Map<String, Object> schemas = new TreeMap<>();
    private final Set<String> operationIds = new TreeSet<>();
    private final Map<String, String> tags = new TreeMap<>();

    public static List<Operation> operations(Class<?> resource) {
        List<Operation> ops = new ArrayList<>();
        String base = pathOf(resource.getAnnotation(Path.class));
        for (Method m : resource.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String http = httpMethod(m);
            if (http == null) {
                continue;
            }
            String full = join(Api.APPLICATION_BASE, join(base, pathOf(m.getAnnotation(Path.class))));
            ops.add(new Operation(http, full, m));
        }
        ops.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return ops;
    }

    public Map<String, Object> document(Collection<Class<?>> resources, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "SmartProperty API");
        info.put("description", "横琴粤澳深度合作区智慧物业管理服务平台 — regulator, portal and operations API. "
                + "Log in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`; "
                + "operations marked `security: []` are public. Each secured operation names the permission it needs "
                + "(`x-spm-permission`). Errors are application/problem+json (RFC 9457). Try it at /api/v1/docs.");
        info.put("version", version);
        info.put("contact", Map.of("name", "SmartProperty platform team (see docs/operations.md for the operator on duty)"));
        info.put("license", Map.of("name", "Proprietary — 横琴粤澳深度合作区 SmartProperty"));
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", "/", "description", "This server")));
        doc.put("security", List.of(Map.of(BEARER, List.of())));
        Map<String, Object> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> rc : sorted) {
            for (Operation op : operations(rc)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(op.path(), k -> new TreeMap<>());
                item.put(op.method().toLowerCase(Locale.ROOT), operation(rc, op));
            }
        }
        doc.put("tags", tags.entrySet().stream().map(e -> Map.of("name", e.getKey(), "description", e.getValue())).toList());
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        components.put("schemas", schemas);
        Map<String, Object> responses = new LinkedHashMap<>();
        PROBLEMS.forEach((status, r) -> responses.put(r[0], status.equals("429") || status.equals("503") ? retryLater(r[1]) : problemResponse(r[1])));
        components.put("responses", responses);
        components.put("securitySchemes", Map.of(BEARER, Map.of("type", "http", "scheme", "bearer", "bearerFormat", "opaque",
                "description", "The token of POST /api/v1/auth/login (or the identity provider's sign-in), sent as "
                        + "`Authorization: Bearer <token>`.")));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, String[]> problems() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("400", new String[] {"BadRequest", "Invalid input: the problem's `errors` name each field with its code and message"});
        p.put("401", new String[] {"Unauthorized", "No bearer token, or one that is expired or revoked"});
        p.put("403", new String[] {"Forbidden", "The caller lacks the operation's permission, or the caller's address is banned or outside the admin network"});
        p.put("404", new String[] {"NotFound", "No such object, or one outside the caller's data scope"});
        p.put("409", new String[] {"Conflict", "The request conflicts with the current state (a duplicate, or a transition not allowed from this state)"});
        p.put("412", new String[] {"PreconditionFailed", "If-Match names a version that is not the current one (reload and retry)"});
        p.put("422", new String[] {"IdempotencyKeyReused", "The Idempotency-Key was used before with another body"});
        p.put("428", new String[] {"PreconditionRequired", "If-Match is required: send the ETag of the version you read"});
        p.put("429", new String[] {"TooManyRequests", "The caller's address made more calls than its per-client limit allows "
                + "(`problem.overload.client`, issue 19 item 5; on the public disclosure surface also `problem.publicRateLimited`, DIS-1..6); "
                + "retry after the seconds of the Retry-After header"});
        p.put("503", new String[] {"ServiceUnavailable", "A service or the database this operation needs is unavailable right now "
                + "(`problem.database.unavailable`: down, restarting or failing over; `problem.database.slow`: a statement ran past the "
                + "statement timeout, issue 19 item 2), or the node is at its limit of requests in progress (`problem.overload.busy`, "
                + "issue 19 item 5); always with Retry-After: retry after its seconds"});
        return p;
    }

    /** The OpenAPI tag of the public disclosure surface. */
    public static final String DISCLOSURE = "disclosure";

    /** A public GET under /api/v1/public: cached with ETags and rate limited (DisclosureFilter, DisclosureCacheFilter). */
    static boolean disclosure(Operation op) {
        return "GET".equals(op.method()) && op.javaMethod().isAnnotationPresent(PublicAccess.class)
                && DisclosureFilter.isPublic(op.path().substring(Math.min(op.path().length(), Api.APPLICATION_BASE.length())));
    }

    private static Map<String, Object> problemResponse(String description) {
        return Map.of("description", description, "content", Map.of(Api.PROBLEM_JSON, Map.of("schema", Map.of("$ref", PROBLEM_REF))));
    }

    /** A problem answer that may carry Retry-After (429, 503). */
    private static Map<String, Object> retryLater(String description) {
        return Map.of("description", description, "content", Map.of(Api.PROBLEM_JSON, Map.of("schema", Map.of("$ref", PROBLEM_REF))),
                "headers", Map.of("Retry-After", Map.of("description", "Seconds to wait before retrying", "schema",
                        Map.of("type", "integer", "minimum", 1))));
    }

    private static Map<String, Object> problemRef(String status) {
        return Map.of("$ref", "#/components/responses/" + PROBLEMS.get(status)[0]);
    }

    private Map<String, Object> operation(Class<?> rc, Operation op) {
        Method m = op.javaMethod();
        Map<String, Object> o = new LinkedHashMap<>();
        String id = rc.getSimpleName() + "." + m.getName();
        for (int n = 2; !operationIds.add(id); n++) {
            id = rc.getSimpleName() + "." + m.getName() + "_" + n; // overloads and same-named classes stay unique
        }
        o.put("operationId", id);
        String tag = rc.getSimpleName().replace("Resource", "");
        boolean disclosure = disclosure(op);
        o.put("tags", disclosure ? List.of(tag, DISCLOSURE) : List.of(tag));
        Path classPath = rc.getAnnotation(Path.class);
        tags.putIfAbsent(tag, "Operations under " + join(Api.APPLICATION_BASE, pathOf(classPath)) + " (" + rc.getSimpleName() + ")");
        if (disclosure) {
            tags.putIfAbsent(DISCLOSURE, "The public disclosure surface (DIS-1..6): public GETs under /api/v1/public, indexed at GET "
                    + "/api/v1/public; strong ETag with 304 on If-None-Match, Cache-Control: public, max-age, per-client rate limit (429 "
                    + "with Retry-After)");
        }
        Doc doc = m.getAnnotation(Doc.class);
        o.put("summary", doc != null ? doc.summary() : op.method() + " " + op.path());
        if (doc != null) {
            if (!doc.description().isEmpty()) {
                o.put("description", doc.description());
            }
            if (doc.requirements().length > 0) {
                o.put("x-requirements", List.of(doc.requirements()));
            }
        }
        org.smartproperty.platform.workflow.Transition<?> transition = WorkflowEndpoints.transition(m);
        if (transition != null) {
            // issue 10 item 2: the transition's allowed source states and the rest of its row, from the kernel's table
            String line = WorkflowEndpoints.describe(transition);
            o.put("description", o.containsKey("description") ? o.get("description") + " " + line : line);
            o.putAll(WorkflowEndpoints.extensions(transition));
        }
        boolean isPublic = m.isAnnotationPresent(PublicAccess.class);
        RequiresPermission rp = m.getAnnotation(RequiresPermission.class);
        boolean restricted = m.isAnnotationPresent(RestrictedNetwork.class) || rc.isAnnotationPresent(RestrictedNetwork.class);
        String access;
        if (isPublic) {
            o.put("security", List.of());
            access = "Public: no token needed.";
        } else if (rp != null) {
            o.put("x-spm-permission", rp.value());
            if (rp.or().length > 0) {
                List<String> any = new ArrayList<>();
                any.add(rp.value());
                any.addAll(List.of(rp.or()));
                o.put("x-spm-permission-any-of", any);
                access = "Needs permission " + rp.value() + " (or any of " + String.join(", ", rp.or()) + ").";
            } else {
                access = "Needs permission " + rp.value() + ".";
            }
        } else {
            access = "Declares no permission: refused to everyone (deny by default).";
        }
        if (restricted) {
            access += " Reachable only from the admin network allow-list.";
            o.put("x-spm-restricted-network", true);
        }
        o.put("description", o.containsKey("description") ? o.get("description") + " " + access : access);
        List<Object> params = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        boolean ifMatch = false;
        boolean hasInput = false;
        Object body = null;
        Annotation[][] pa = m.getParameterAnnotations();
        Type[] types = m.getGenericParameterTypes();
        for (int i = 0; i < pa.length; i++) {
            Annotation a = find(pa[i], PathParam.class, QueryParam.class, HeaderParam.class, Context.class, BeanParam.class);
            if (a == null) {
                body = schema(types[i]);
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            if (a instanceof PathParam pp) {
                p.put("name", pp.value());
                p.put("in", "path");
                p.put("required", true);
            } else if (a instanceof QueryParam qp) {
                p.put("name", qp.value());
                p.put("in", "query");
                hasInput = true;
            } else if (a instanceof HeaderParam hp) {
                if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(hp.value())) {
                    continue; // described by the security scheme (OpenAPI ignores an Authorization header parameter)
                }
                p.put("name", hp.value());
                p.put("in", "header");
                if (HttpHeaders.IF_MATCH.equalsIgnoreCase(hp.value())) {
                    ifMatch = true;
                    p.put("required", true);
                    p.put("description", "The ETag of the version the change is based on (428 when missing, 412 when stale)");
                }
            } else {
                continue;
            }
            if (!declared.add(p.get("in") + " " + p.get("name"))) {
                continue; // the same parameter twice (a bean and a method parameter)
            }
            p.put("schema", schema(types[i]));
            params.add(p);
        }
        Matcher t = TEMPLATE.matcher(op.path());
        while (t.find()) { // a template the method reads through UriInfo: still a required path parameter
            if (declared.add("path " + t.group(1))) {
                params.add(new LinkedHashMap<>(Map.of("name", t.group(1), "in", "path", "required", true, "schema", Map.of("type", "string"))));
            }
        }
        String method = op.method();
        boolean idempotent = "POST".equals(method);
        if (idempotent && declared.add("header " + Api.IDEMPOTENCY_KEY)) { // IdempotencyFilter: every POST honours it
            hasInput = true; // a malformed key is 400
            params.add(new LinkedHashMap<>(Map.of("name", Api.IDEMPOTENCY_KEY, "in", "header", "required", false,
                    "description", "Optional, 1–128 characters: a repeat with the same key and body returns the first answer "
                            + "(Idempotent-Replayed: true); another body with the same key is 422, a repeat while the first runs 409",
                    "schema", Map.of("type", "string", "minLength", 1, "maxLength", 128))));
        }
        if (!params.isEmpty()) {
            o.put("parameters", params);
        }
        boolean write = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
        if (body != null) {
            hasInput = true;
            String consumes = mediaType(m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class).value()
                    : rc.getAnnotation(Consumes.class) != null ? rc.getAnnotation(Consumes.class).value() : null);
            Object bodySchema = MediaType.APPLICATION_JSON.equals(consumes) ? body : Map.of("type", "string", "format", "binary");
            o.put("requestBody", Map.of("required", true, "content", Map.of(consumes, Map.of("schema", bodySchema))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type rt = m.getGenericReturnType();
        String produces = mediaType(m.getAnnotation(Produces.class) != null ? m.getAnnotation(Produces.class).value()
                : rc.getAnnotation(Produces.class) != null ? rc.getAnnotation(Produces.class).value() : null);
        if (rt == void.class) {
            responses.put("204", Map.of("description", "No content"));
        } else if (rt == javax.ws.rs.core.Response.class) {
            boolean creates = "POST".equals(method) && m.getName().matches("(create|add|register|upload|submit|file|open|report).*");
            responses.put(creates ? "201" : "200", Map.of("description", creates ? "Created (Location and ETag headers)" : "OK"));
        } else {
            Object out = MediaType.APPLICATION_JSON.equals(produces) ? schema(rt)
                    : rt == String.class ? Map.of("type", "string") : Map.of("type", "string", "format", "binary");
            responses.put("200", Map.of("description", "OK", "content", Map.of(produces, Map.of("schema", out))));
        }
        if (disclosure(op)) {
            responses.put("304", Map.of("description", "Not modified: If-None-Match named the current ETag"));
        }
        if (hasInput) {
            responses.put("400", problemRef("400"));
        }
        if (!isPublic) {
            responses.put("401", problemRef("401"));
        }
        responses.put("403", problemRef("403")); // a banned address is refused on every operation, public ones too
        if (op.path().contains("{")) {
            responses.put("404", problemRef("404"));
        }
        if ((write && !isPublic) || idempotent) {
            responses.put("409", problemRef("409"));
        }
        if (ifMatch) {
            responses.put("412", problemRef("412"));
        }
        if (idempotent) {
            responses.put("422", problemRef("422"));
        }
        if (ifMatch) {
            responses.put("428", problemRef("428"));
        }
        if (disclosure(op) || !OverloadFilter.exempt(op.path().substring(Math.min(op.path().length(), Api.APPLICATION_BASE.length())),
                OverloadFilter.DEFAULT_EXEMPT_PATHS)) {
            responses.put("429", problemRef("429")); // the per-client limit (OverloadFilter) on every path but the exempt ones
        }
        responses.put("503", problemRef("503"));
        responses.put("default", problemResponse("Any other problem (RFC 9457)"));
        o.put("responses", responses);
        return o;
    }

    /** The first concrete media type of a @Produces/@Consumes (JSON when none or a wildcard). */
    private static String mediaType(String[] types) {
        if (types == null) {
            return MediaType.APPLICATION_JSON;
        }
        for (String t : types) {
            for (String one : t.split(",")) {
                String x = one.trim();
                if (!x.isEmpty() && !x.contains("*")) {
                    return x.split(";")[0].trim();
                }
            }
        }
        return types.length > 0 && types[0].trim().equals(MediaType.WILDCARD) ? "application/octet-stream" : MediaType.APPLICATION_JSON;
    }

    Map<String, Object> schema(Type t) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", args.length > 1 ? schema(args[1]) : Map.of());
            }
            if (raw == Page.class) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("items", Map.of("type", "array", "items", schema(args[0])));
                props.put("page", Map.of("type", "integer"));
                props.put("size", Map.of("type", "integer"));
                props.put("total", Map.of("type", "integer", "format", "int64"));
                return Map.of("type", "object", "properties", props);
            }
            return schema(raw);
        }
        if (!(t instanceof Class<?> c)) {
            return Map.of();
        }
        if (c == String.class || c == char.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(String::valueOf).toList());
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType()));
        }
        if (Map.class.isAssignableFrom(c) || c == Object.class) {
            return Map.of("type", "object");
        }
        String name = c.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of()); // placeholder against recursion
            Map<String, Object> props = new LinkedHashMap<>();
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.put(rc.getName(), schema(rc.getGenericType()));
                }
            }
            schemas.put(name, Map.of("type", "object", "properties", props));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", Map.of("type", "string", "format", "uri"));
        props.put("title", Map.of("type", "string"));
        props.put("status", Map.of("type", "integer"));
        props.put("detail", Map.of("type", "string"));
        props.put("code", Map.of("type", "string"));
        props.put("instance", Map.of("type", "string"));
        props.put("errors", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                "field", Map.of("type", "string"), "code", Map.of("type", "string"), "message", Map.of("type", "string")))));
        return Map.of("type", "object", "properties", props);
    }

    @SafeVarargs
    private static Annotation find(Annotation[] as, Class<? extends Annotation>... kinds) {
        for (Annotation a : as) {
            for (Class<? extends Annotation> k : kinds) {
                if (k.isInstance(a)) {
                    return a;
                }
            }
        }
        return null;
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    private static String pathOf(Path p) {
        if (p == null) {
            return "";
        }
        // strip regular expressions of templates: {id: [0-9]+} -> {id}
        return p.value().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    static String join(String a, String b) {
        String x = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String y = b.startsWith("/") ? b.substring(1) : b;
        if (y.isEmpty()) {
            return x.isEmpty() ? "/" : x;
        }
        return x + "/" + y;
    }
}
