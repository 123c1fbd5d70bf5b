package org.smartproperty.notification;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a message is about: a name ({@code COMPLAINT_RESULT}). Since issue 10 item 1 the kinds are
 * contributed by the bundles that send them ({@code message.<KIND>.…} in their {@code SPM-Contributions}
 * file: stable number, parameters, zh-CN / zh-TW / pt / en templates) and collected in {@link MessageKinds};
 * {@link #number()} and {@link #params()} read that registry. A domain names its kinds with
 * {@link #of(String)}, e.g. {@code static final MessageKind TERM_ENDING = MessageKind.of("COMMITTEE_TERM_ENDING")}.
 * <p>
 * The two constants below are the notification bundle's own kinds; every other domain keeps the
 * constants of its kinds in its own bundle (e.g. {@code ComplaintMessageKinds}), next to the
 * contribution file that defines them.
 */
public final class MessageKind implements Comparable<MessageKind> {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    /** One instance per name, so {@code ==} compares kinds as it did for the enum. */
    private static final ConcurrentHashMap<String, MessageKind> INSTANCES = new ConcurrentHashMap<>();

    /** A login or verification code (notification bundle). */
    public static final MessageKind VERIFICATION_CODE = of("VERIFICATION_CODE");
    /** A general notice (notification bundle). */
    public static final MessageKind NOTICE = of("NOTICE");

    private final String name;

    private MessageKind(String name) {
        this.name = name;
    }

    /** The kind called {@code name} ({@code [A-Z][A-Z0-9_]*}, at most 32 characters), contributed or not. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static MessageKind of(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a message kind name: " + name);
        }
        return INSTANCES.computeIfAbsent(name, MessageKind::new);
    }

    /** As {@link #of(String)}: reads a stored kind name back (the enum's method of the same name before issue 10). */
    public static MessageKind valueOf(String name) {
        return of(name);
    }

    /** The kinds contributed by the active bundles, by name. */
    public static List<MessageKind> values() {
        return MessageKinds.all().stream().map(d -> of(d.name())).toList();
    }

    /** The name; also the JSON form of a kind (a string, as the enum was). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String name() {
        return name;
    }

    /** Whether an active bundle contributes this kind (with its templates). */
    public boolean contributed() {
        return MessageKinds.definition(name).isPresent();
    }

    /**
     * Stable number of the kind (never reused): part of the provider template ids
     * ({@link SmsTemplates#numericId}). A new kind takes a free number ({@link MessageKinds} refuses a taken one).
     *
     * @throws IllegalStateException when no active bundle contributes the kind
     */
    public int number() {
        return MessageKinds.definition(name).orElseThrow(() -> new IllegalStateException("message kind " + name
                + " is not contributed by any active bundle")).number();
    }

    /** Template parameter names in template order; empty while no active bundle contributes the kind. */
    public List<String> params() {
        return MessageKinds.definition(name).map(d -> d.params()).orElse(List.of());
    }

    @Override
    public int compareTo(MessageKind o) {
        return name.compareTo(o.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageKind k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
