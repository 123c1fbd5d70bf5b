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
import javax.ws.rs.BeanParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.WorkflowEndpoints;

/**
 * Builds the OpenAPI 3.0 document from the JAX-RS annotations of the resource classes that are
 * registered right now, so the document cannot drift from what the server serves.
 */
public final class OpenApiGenerator {

    /** One operation found on a resource class. */
    public record Operation(String method, String path, Method javaMethod) {
    }

    private final Map<String, Object> schemas = new TreeMap<>();

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
        info.put("description", "横琴粤澳深度合作区智慧物业管理服务平台 — regulator, portal and operations API. Errors are application/problem+json.");
        info.put("version", version);
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> rc : sorted) {
            for (Operation op : operations(rc)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(op.path(), k -> new TreeMap<>());
                item.put(op.method().toLowerCase(java.util.Locale.ROOT), operation(rc, op));
            }
        }
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        components.put("schemas", schemas);
        doc.put("components", components);
        return doc;
    }

    private Map<String, Object> operation(Class<?> rc, Operation op) {
        Method m = op.javaMethod();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("operationId", rc.getSimpleName() + "." + m.getName());
        String tag = rc.getSimpleName().replace("Resource", "");
        o.put("tags", List.of(tag));
        Doc doc = m.getAnnotation(Doc.class);
        if (doc != null) {
            o.put("summary", doc.summary());
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
        List<Object> params = new ArrayList<>();
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
            } else if (a instanceof HeaderParam hp) {
                p.put("name", hp.value());
                p.put("in", "header");
            } else {
                continue;
            }
            p.put("schema", schema(types[i]));
            params.add(p);
        }
        if (!params.isEmpty()) {
            o.put("parameters", params);
        }
        if (body != null) {
            o.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", body))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type rt = m.getGenericReturnType();
        String ok = "POST".equals(op.method()) ? "201" : "200";
        if (rt == void.class) {
            responses.put("204", Map.of("description", "No content"));
        } else if (rt == javax.ws.rs.core.Response.class) {
            responses.put(ok, Map.of("description", "OK"));
        } else {
            responses.put(ok, Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", schema(rt)))));
        }
        responses.put("default", Map.of("description", "Problem (RFC 9457)",
                "content", Map.of(Api.PROBLEM_JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        o.put("responses", responses);
        return o;
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
