package org.smartproperty.platform.contrib;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smartproperty.platform.security.Role;

/**
 * What one bundle contributes to the platform, read from the properties file its manifest header
 * {@value #HEADER} names (UTF-8). Keys:
 * <pre>
 * grant.&lt;ROLE&gt; = perm:one, perm:two            role-template grants, seeded once per (bundle, role, permission)
 * message.&lt;KIND&gt;.number = 12                    stable number (provider template id 100000 + 10 × number)
 * message.&lt;KIND&gt;.params = no, place             template parameters in template order
 * message.&lt;KIND&gt;.zh-CN|zh-TW|pt|en = …${no}…     SMS (zh-CN, zh-TW) and in-app (all four) templates
 * timeLimit.&lt;domain&gt;.&lt;CATEGORY&gt;.amount = 8     default time limit (seeded when the row is absent)
 * timeLimit.&lt;domain&gt;.&lt;CATEGORY&gt;.unit = WORKING_DAYS | WORKING_HOURS | CALENDAR_HOURS
 * timeLimit.&lt;domain&gt;.&lt;CATEGORY&gt;.pausable = true          (default false)
 * timeLimit.&lt;domain&gt;.&lt;CATEGORY&gt;.warningRatio = 0.75      (default 0.75)
 * timeLimit.&lt;domain&gt;.&lt;CATEGORY&gt;.description = …
 * auditKind.&lt;objectType&gt;.zh-CN|zh-TW|pt|en = label audit object kinds the bundle writes
 * </pre>
 * Any other key, a missing template, a template whose placeholders differ from the parameters, an
 * unknown role or unit is an error; {@link #parse} reports all of them at once.
 */
public record Contribution(String bundle, List<Grant> grants, List<MessageKindDef> messageKinds,
                           List<TimeLimitDef> timeLimits, List<AuditKindDef> auditKinds) {

    /** The manifest header naming the contribution file inside the bundle. */
    public static final String HEADER = "SPM-Contributions";
    /** Service property of a registered contribution: the contributing bundle's symbolic name. */
    public static final String BUNDLE_PROPERTY = "spm.bundle";
    /**
     * The template languages every message kind has (issue 12 item 8): zh-CN (SMS, in-app, default), zh-TW (SMS to
     * +853/+852, in-app), pt and en (in-app); the keys {@link org.smartproperty.platform.Messages#languageKey} gives.
     */
    public static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "pt", "en");
    /** The labels every audit object kind has: the same four languages. */
    public static final List<String> LABEL_LANGUAGES = List.of("zh-CN", "zh-TW", "pt", "en");
    /** Time-limit units (those of the deadline API's {@code TimeLimit.Unit}). */
    public static final Set<String> UNITS = Set.of("WORKING_DAYS", "WORKING_HOURS", "CALENDAR_HOURS");

    public Contribution {
        grants = List.copyOf(grants);
        messageKinds = List.copyOf(messageKinds);
        timeLimits = List.copyOf(timeLimits);
        auditKinds = List.copyOf(auditKinds);
    }

    /** One role-template grant. */
    public record Grant(String role, String permission) {
    }

    /** A message kind: stable number, parameters in template order, templates by language ({@link #LANGUAGES}). */
    public record MessageKindDef(String name, int number, List<String> params, Map<String, String> templates) {
        public MessageKindDef {
            params = List.copyOf(params);
            templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        }
    }

    /** A default time limit of a deadline domain and category. */
    public record TimeLimitDef(String domain, String category, int amount, String unit, boolean pausable,
                               BigDecimal warningRatio, String description) {
    }

    /** An audit object kind ({@code aud_event.object_type}) with its labels by language. */
    public record AuditKindDef(String kind, Map<String, String> labels) {
        public AuditKindDef {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern OBJECT_TYPE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final BigDecimal DEFAULT_RATIO = new BigDecimal("0.75");

    /**
     * Reads the contribution file {@code resource} of {@code bundle} from {@code anchor}'s class path (outside
     * OSGi: tests and tools), e.g. {@code load("org.smartproperty.complaint.impl", ComplaintServiceImpl.class,
     * "/META-INF/spm/complaint.contributions.properties")}.
     */
    public static Contribution load(String bundle, Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ContributionException(bundle, List.of(resource + ": not on the class path of " + anchor.getName()));
            }
            return parse(bundle, in);
        } catch (IOException e) {
            throw new ContributionException(bundle, List.of(resource + ": " + e));
        }
    }

    /** Parses a contribution file (UTF-8 properties) of {@code bundle}; every problem at once in the exception. */
    public static Contribution parse(String bundle, InputStream in) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ContributionException(bundle, List.of("unreadable: " + e.getMessage()));
        }
        Map<String, String> props = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k).trim()));
        return parse(bundle, props);
    }

    /** Parses the keys and values of a contribution file (see the class comment). */
    public static Contribution parse(String bundle, Map<String, String> props) {
        List<String> problems = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        Map<String, Map<String, String>> messages = new TreeMap<>();
        Map<String, Map<String, String>> limits = new TreeMap<>();
        Map<String, Map<String, String>> audits = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(props).entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            String[] k = key.split("\\.");
            switch (k[0]) {
                case "grant" -> {
                    if (k.length != 2) {
                        problems.add(key + ": expected grant.<ROLE>");
                        continue;
                    }
                    if (!isRole(k[1])) {
                        problems.add(key + ": unknown role " + k[1]);
                        continue;
                    }
                    for (String perm : list(value)) {
                        if (!PERMISSION.matcher(perm).matches() || perm.length() > 64) {
                            problems.add(key + ": not a permission (domain:action, at most 64 characters): " + perm);
                        } else {
                            grants.add(new Grant(k[1], perm));
                        }
                    }
                }
                case "message" -> {
                    if (k.length != 3) {
                        problems.add(key + ": expected message.<KIND>.<number|params|" + String.join("|", LANGUAGES) + ">");
                    } else {
                        messages.computeIfAbsent(k[1], x -> new LinkedHashMap<>()).put(k[2], value);
                    }
                }
                case "timeLimit" -> {
                    if (k.length != 4) {
                        problems.add(key + ": expected timeLimit.<domain>.<CATEGORY>.<amount|unit|pausable|warningRatio|description>");
                    } else {
                        limits.computeIfAbsent(k[1] + "." + k[2], x -> new LinkedHashMap<>()).put(k[3], value);
                    }
                }
                case "auditKind" -> {
                    if (k.length != 3) {
                        problems.add(key + ": expected auditKind.<objectType>.<" + String.join("|", LABEL_LANGUAGES) + ">");
                    } else {
                        audits.computeIfAbsent(k[1], x -> new LinkedHashMap<>()).put(k[2], value);
                    }
                }
                default -> problems.add(key + ": unknown key (grant., message., timeLimit., auditKind.)");
            }
        }
        List<MessageKindDef> kinds = new ArrayList<>();
        Set<Integer> numbers = new LinkedHashSet<>();
        messages.forEach((name, m) -> {
            String at = "message." + name;
            int before = problems.size();
            if (!KIND.matcher(name).matches() || name.length() > 32) {
                problems.add(at + ": a kind is [A-Z][A-Z0-9_]*, at most 32 characters");
            }
            for (String field : m.keySet()) {
                if (!field.equals("number") && !field.equals("params") && !LANGUAGES.contains(field)) {
                    problems.add(at + "." + field + ": unknown key (number, params, " + String.join(", ", LANGUAGES) + ")");
                }
            }
            int number = -1;
            try {
                number = Integer.parseInt(m.getOrDefault("number", ""));
                if (number < 0 || number > 9999) {
                    problems.add(at + ".number: 0–9999");
                } else if (!numbers.add(number)) {
                    problems.add(at + ".number: " + number + " is used twice in this file");
                }
            } catch (NumberFormatException ex) {
                problems.add(at + ".number: required, a whole number 0–9999");
            }
            List<String> params = list(m.getOrDefault("params", ""));
            for (String param : params) {
                if (!PARAM.matcher(param).matches()) {
                    problems.add(at + ".params: not a parameter name: " + param);
                }
            }
            Map<String, String> templates = new LinkedHashMap<>();
            for (String lang : LANGUAGES) {
                String t = m.get(lang);
                if (t == null || t.isBlank()) {
                    problems.add(at + "." + lang + ": template missing");
                    continue;
                }
                Set<String> names = new LinkedHashSet<>();
                Matcher pm = PLACEHOLDER.matcher(t);
                while (pm.find()) {
                    names.add(pm.group(1));
                }
                if (!names.equals(new LinkedHashSet<>(params))) {
                    problems.add(at + "." + lang + ": placeholders " + names + " differ from params " + params);
                }
                templates.put(lang, t);
            }
            if (problems.size() == before) {
                kinds.add(new MessageKindDef(name, number, params, templates));
            }
        });
        List<TimeLimitDef> timeLimits = new ArrayList<>();
        limits.forEach((id, m) -> {
            String at = "timeLimit." + id;
            int before = problems.size();
            String domain = id.substring(0, id.indexOf('.'));
            String category = id.substring(id.indexOf('.') + 1);
            if (!CODE.matcher(domain).matches() || domain.length() > 32) {
                problems.add(at + ": domain is [A-Za-z0-9_-], at most 32 characters");
            }
            if (!CODE.matcher(category).matches() || category.length() > 64) {
                problems.add(at + ": category is [A-Za-z0-9_-], at most 64 characters");
            }
            for (String field : m.keySet()) {
                if (!Set.of("amount", "unit", "pausable", "warningRatio", "description").contains(field)) {
                    problems.add(at + "." + field + ": unknown key (amount, unit, pausable, warningRatio, description)");
                }
            }
            String unit = m.get("unit");
            if (unit == null || !UNITS.contains(unit)) {
                problems.add(at + ".unit: one of " + new java.util.TreeSet<>(UNITS));
            }
            int amount = 0;
            try {
                amount = Integer.parseInt(m.getOrDefault("amount", ""));
                int max = "WORKING_DAYS".equals(unit) ? 366 : 8784;
                if (amount < 1 || amount > max) {
                    problems.add(at + ".amount: 1–" + max);
                }
            } catch (NumberFormatException ex) {
                problems.add(at + ".amount: required, a whole number");
            }
            String pausable = m.getOrDefault("pausable", "false");
            if (!pausable.equals("true") && !pausable.equals("false")) {
                problems.add(at + ".pausable: true or false");
            }
            BigDecimal ratio = DEFAULT_RATIO;
            try {
                if (m.containsKey("warningRatio")) {
                    ratio = new BigDecimal(m.get("warningRatio"));
                }
                if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) >= 0 || ratio.scale() > 3) {
                    problems.add(at + ".warningRatio: 0 < ratio < 1, at most 3 decimals");
                }
            } catch (NumberFormatException ex) {
                problems.add(at + ".warningRatio: a decimal number");
            }
            String description = m.get("description");
            if (description != null && description.length() > 200) {
                problems.add(at + ".description: at most 200 characters");
            }
            if (problems.size() == before) {
                timeLimits.add(new TimeLimitDef(domain, category, amount, unit, Boolean.parseBoolean(pausable), ratio,
                        description == null || description.isBlank() ? null : description));
            }
        });
        List<AuditKindDef> auditKinds = new ArrayList<>();
        audits.forEach((kind, m) -> {
            String at = "auditKind." + kind;
            int before = problems.size();
            if (!OBJECT_TYPE.matcher(kind).matches() || kind.length() > 64) {
                problems.add(at + ": an object type is [a-zA-Z][a-zA-Z0-9_-]*, at most 64 characters");
            }
            for (String field : m.keySet()) {
                if (!LABEL_LANGUAGES.contains(field)) {
                    problems.add(at + "." + field + ": unknown key (" + String.join(", ", LABEL_LANGUAGES) + ")");
                }
            }
            for (String lang : LABEL_LANGUAGES) {
                if (m.get(lang) == null || m.get(lang).isBlank()) {
                    problems.add(at + "." + lang + ": label missing");
                }
            }
            if (problems.size() == before) {
                auditKinds.add(new AuditKindDef(kind, m));
            }
        });
        if (!problems.isEmpty()) {
            throw new ContributionException(bundle, problems);
        }
        return new Contribution(bundle, grants, kinds, timeLimits, auditKinds);
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
