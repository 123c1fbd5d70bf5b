package org.smartproperty.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.smartproperty.platform.workflow.Transition;
import org.smartproperty.platform.workflow.TransitionTable;

/**
 * The REST side of the workflow kernel (issue 10 item 2): reading the table a
 * {@link WorkflowTransition} names, describing a transition for the OpenAPI document, and checking
 * that a resource offers every transition of its table in the one shape
 * {@code POST {id}/<name>} with {@code If-Match} and a body.
 */
public final class WorkflowEndpoints {

    private WorkflowEndpoints() {
    }

    /** The table declared by {@code holder} as a public static TransitionTable field; IllegalArgumentException when none. */
    public static TransitionTable<?> table(Class<?> holder) {
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && TransitionTable.class.isAssignableFrom(f.getType())) {
                try {
                    return (TransitionTable<?>) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException(holder.getName() + "." + f.getName() + " not readable", e);
                }
            }
        }
        throw new IllegalArgumentException(holder.getName() + " declares no public static TransitionTable");
    }

    /** The transition a method is annotated with, null when none. */
    public static Transition<?> transition(Method m) {
        WorkflowTransition wt = m.getAnnotation(WorkflowTransition.class);
        return wt == null ? null : table(wt.table()).get(wt.value());
    }

    /** The {@code x-spm-*} extensions of a transition's operation (source states, target, parties, permission, inputs). */
    public static Map<String, Object> extensions(Transition<?> t) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("x-spm-transition", t.name());
        x.put("x-spm-from-states", t.from().stream().map(Enum::name).toList());
        x.put("x-spm-to-state", t.to().name());
        x.put("x-spm-parties", t.parties().stream().map(Enum::name).toList());
        if (t.permission() != null) {
            x.put("x-spm-permission", t.permission());
        }
        Map<String, Object> requires = new LinkedHashMap<>();
        if (t.textField() != null) {
            requires.put(t.textField(), t.textRequired() ? "required" : "optional");
        }
        if (t.attachmentsField() != null) {
            requires.put(t.attachmentsField(), (t.attachmentsRequired() ? "1" : "0") + ".." + t.maxAttachments()
                    + (t.imagesOnly() ? " images" : " files"));
        }
        x.put("x-spm-body", requires);
        x.put("x-spm-deadline", t.deadline().name());
        return x;
    }

    /** One line for the operation's description: "Allowed from A, B → C; by ASSIGNEE, REGULATOR". */
    public static String describe(Transition<?> t) {
        return "Workflow transition " + t.name() + ": allowed from " + t.from().stream().map(Enum::name).collect(Collectors.joining(", "))
                + " → " + t.to().name() + "; by " + t.parties().stream().map(Enum::name).collect(Collectors.joining(", "))
                + (t.permission() == null ? "" : " with " + t.permission()) + ".";
    }

    /**
     * What is wrong with {@code resource} as the REST face of {@code table}: a transition the
     * table fires by hand without an annotated method, an annotated method that is not
     * {@code POST {id}/<name>} with an {@code If-Match} header parameter and a body, or names a
     * transition the table does not have. Empty when all is well.
     */
    public static List<String> problems(TransitionTable<?> table, Class<?>... resources) {
        List<String> problems = new ArrayList<>();
        Set<String> offered = new LinkedHashSet<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getMethods()) {
                WorkflowTransition wt = m.getAnnotation(WorkflowTransition.class);
                if (wt == null) {
                    continue;
                }
                String where = resource.getSimpleName() + "." + m.getName();
                if (table(wt.table()) != table) {
                    continue;
                }
                if (!table.has(wt.value())) {
                    problems.add(where + ": the table has no transition " + wt.value());
                    continue;
                }
                offered.add(wt.value());
                Path p = m.getAnnotation(Path.class);
                String path = p == null ? "" : p.value().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
                if (m.getAnnotation(POST.class) == null || !path.matches("/?\\{\\w+}/" + wt.value())) {
                    problems.add(where + ": not POST {id}/" + wt.value() + " (" + path + ")");
                }
                boolean ifMatch = false;
                boolean body = false;
                for (Annotation[] as : m.getParameterAnnotations()) {
                    boolean annotated = false;
                    for (Annotation a : as) {
                        if (a instanceof HeaderParam h && HttpHeaders.IF_MATCH.equals(h.value())) {
                            ifMatch = true;
                        }
                        if (a instanceof HeaderParam || a instanceof PathParam || a instanceof Context || a instanceof javax.ws.rs.QueryParam) {
                            annotated = true;
                        }
                    }
                    body |= !annotated;
                }
                if (!ifMatch) {
                    problems.add(where + ": no If-Match header parameter");
                }
                if (!body) {
                    problems.add(where + ": no body");
                }
            }
        }
        for (Transition<?> t : table.transitions()) {
            if (!t.automatic() && !offered.contains(t.name())) {
                problems.add(table.prefix() + " transition " + t.name() + " has no endpoint");
            }
        }
        return problems;
    }
}
