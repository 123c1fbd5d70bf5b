package org.smartproperty.adapter.wechat.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subscription-message templates of the configuration (INT-WX): per message kind the template id and which of the
 * template's fields takes which parameter of the kind ({@code field=param}) or which text of the adapter's messages
 * ({@code field=@text} → {@code wechat.value.<text>}). Entry: {@code KIND=templateId;field=param;field=@text}.
 */
record WechatTemplates(Map<String, Template> byKind) {

    /** One template: its id and its fields in order, each a parameter name or '@' + a text name. */
    record Template(String kind, String templateId, Map<String, String> fields) {
    }

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** WeChat's field names: a type and a number (thing1, character_string2, time3, phrase4, …). */
    private static final Pattern FIELD = Pattern.compile("[a-z_]{2,32}[0-9]{1,2}");
    private static final Pattern VALUE = Pattern.compile("@?[A-Za-z][A-Za-z0-9_.]{0,63}");

    WechatTemplates {
        byKind = Map.copyOf(byKind);
    }

    static WechatTemplates parse(String[] entries) {
        Map<String, Template> out = new LinkedHashMap<>();
        for (String raw : entries == null ? new String[0] : entries) {
            for (String e : (raw == null ? "" : raw).trim().split("\\s+")) {
                if (e.isEmpty()) {
                    continue;
                }
                int eq = e.indexOf('=');
                String[] parts = eq < 0 ? new String[0] : e.substring(eq + 1).split(";");
                String kind = eq < 0 ? "" : e.substring(0, eq);
                if (!KIND.matcher(kind).matches() || parts.length < 2 || !TEMPLATE_ID.matcher(parts[0]).matches()) {
                    throw new IllegalArgumentException("templates: '" + e + "' is not KIND=templateId;field=param[;field=param…]");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] fv = parts[i].split("=", 2);
                    if (fv.length != 2 || !FIELD.matcher(fv[0]).matches() || !VALUE.matcher(fv[1]).matches()) {
                        throw new IllegalArgumentException("templates: '" + parts[i] + "' of " + kind + " is not field=param or field=@text");
                    }
                    fields.put(fv[0], fv[1]);
                }
                if (out.putIfAbsent(kind, new Template(kind, parts[0], fields)) != null) {
                    throw new IllegalArgumentException("templates: " + kind + " is listed twice");
                }
            }
        }
        return new WechatTemplates(out);
    }

    Template of(String kind) {
        return byKind.get(kind);
    }

    Set<String> kinds() {
        return byKind.keySet();
    }

    /** WeChat's length limits per field type (characters); longer values are cut with an ellipsis. */
    static String fit(String field, String value) {
        String v = value == null ? "" : value.strip();
        String type = field.replaceAll("[0-9]+$", "");
        int max = switch (type) {
            case "phrase" -> 5;
            case "thing", "name" -> 20;
            case "character_string", "number", "letter", "symbol", "car_number" -> 32;
            default -> 20;
        };
        if (v.codePointCount(0, v.length()) <= max) {
            return v;
        }
        if (List.of("character_string", "number", "letter", "symbol").contains(type)) {
            return v.substring(0, v.offsetByCodePoints(0, max)); // no ellipsis: these types take only their own characters
        }
        return v.substring(0, v.offsetByCodePoints(0, max - 1)) + "…";
    }
}
