package org.smartproperty.platform.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Issue 11 item 3, the OpenAPI linter of the tests: the reference validator's messages
 * (swagger-parser, references resolved, so a dangling {@code $ref} is an error too), followed by
 * the rules of Redocly's "recommended" set that a structurally valid document can still break
 * (the ones an outside linter reported on our document): security-defined, operation-4xx-response,
 * operation-2xx-response, operation-operationId(-unique, -url-safe), operation-summary,
 * operation-tag-defined, tag-description, path-parameters-defined, operation-parameters-unique,
 * no-path-trailing-slash, no-empty-servers, info-license, info-contact. Empty means clean.
 */
public final class OpenApiLint {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9\\-._~:@!$&'()*+,;=]+");

    private OpenApiLint() {
    }

    /** Parses (and resolves) a JSON or YAML document; the result carries the validator's messages. */
    public static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    /** Every error: the validator's messages, then the broken rules ("rule: where: what"). */
    public static List<String> errors(String document) {
        SwaggerParseResult r = parse(document);
        List<String> out = new ArrayList<>(r.getMessages() == null ? List.of() : r.getMessages());
        if (r.getOpenAPI() == null) {
            out.add("struct: not an OpenAPI document");
            return out;
        }
        out.addAll(rules(r.getOpenAPI()));
        return out;
    }

    /** The recommended rules on a parsed document. */
    public static List<String> rules(OpenAPI api) {
        List<String> out = new ArrayList<>();
        if (api.getInfo() == null || api.getInfo().getLicense() == null || blank(api.getInfo().getLicense().getName())) {
            out.add("info-license: info.license.name is missing");
        }
        if (api.getInfo() == null || api.getInfo().getContact() == null) {
            out.add("info-contact: info.contact is missing");
        }
        if (api.getServers() == null || api.getServers().isEmpty()) {
            out.add("no-empty-servers: servers is empty");
        }
        Set<String> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Set.of() : api.getComponents().getSecuritySchemes().keySet();
        boolean globalSecurity = api.getSecurity() != null && !api.getSecurity().isEmpty();
        checkRequirements("security", api.getSecurity(), schemes, out);
        Map<String, String> tagDescriptions = new java.util.HashMap<>();
        for (Tag t : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            tagDescriptions.put(t.getName(), t.getDescription());
            if (blank(t.getDescription())) {
                out.add("tag-description: tag " + t.getName() + " has no description");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, PathItem> e : api.getPaths() == null ? Set.<Map.Entry<String, PathItem>>of() : api.getPaths().entrySet()) {
            String path = e.getKey();
            if (path.length() > 1 && path.endsWith("/")) {
                out.add("no-path-trailing-slash: " + path);
            }
            Set<String> templates = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) {
                templates.add(m.group(1));
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> oe : e.getValue().readOperationsMap().entrySet()) {
                Operation o = oe.getValue();
                String where = oe.getKey() + " " + path;
                if (blank(o.getOperationId())) {
                    out.add("operation-operationId: " + where);
                } else {
                    if (!ids.add(o.getOperationId())) {
                        out.add("operation-operationId-unique: " + where + " repeats " + o.getOperationId());
                    }
                    if (!URL_SAFE.matcher(o.getOperationId()).matches()) {
                        out.add("operation-operationId-url-safe: " + where);
                    }
                }
                if (blank(o.getSummary())) {
                    out.add("operation-summary: " + where);
                }
                for (String tag : o.getTags() == null ? List.<String>of() : o.getTags()) {
                    if (!tagDescriptions.containsKey(tag)) {
                        out.add("operation-tag-defined: " + where + " uses undeclared tag " + tag);
                    }
                }
                if (o.getSecurity() == null && !globalSecurity) {
                    out.add("security-defined: " + where + " has no security requirement");
                }
                checkRequirements("security-defined: " + where, o.getSecurity(), schemes, out);
                Set<String> codes = o.getResponses() == null ? Set.of() : o.getResponses().keySet();
                if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
                    out.add("operation-2xx-response: " + where);
                }
                if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
                    out.add("operation-4xx-response: " + where);
                }
                Set<String> seen = new HashSet<>();
                Set<String> declaredPath = new TreeSet<>();
                List<Parameter> params = new ArrayList<>();
                if (e.getValue().getParameters() != null) {
                    params.addAll(e.getValue().getParameters());
                }
                if (o.getParameters() != null) {
                    params.addAll(o.getParameters());
                }
                for (Parameter p : params) {
                    if (!seen.add(p.getIn() + " " + p.getName())) {
                        out.add("operation-parameters-unique: " + where + " " + p.getIn() + " " + p.getName());
                    }
                    if ("path".equals(p.getIn())) {
                        declaredPath.add(p.getName());
                    }
                }
                if (!declaredPath.equals(templates)) {
                    out.add("path-parameters-defined: " + where + " declares " + declaredPath + " for " + templates);
                }
            }
        }
        return out;
    }

    private static void checkRequirements(String where, List<io.swagger.v3.oas.models.security.SecurityRequirement> reqs,
                                          Set<String> schemes, List<String> out) {
        if (reqs == null) {
            return;
        }
        for (var req : reqs) {
            for (String name : req.keySet()) {
                if (!schemes.contains(name)) {
                    out.add("security-defined: " + where + " names undefined scheme " + name);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
