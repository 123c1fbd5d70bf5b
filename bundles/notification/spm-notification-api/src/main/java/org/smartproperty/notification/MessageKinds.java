package org.smartproperty.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.smartproperty.platform.contrib.Contribution;

/**
 * The message kinds the active bundles contribute (issue 10 item 1), with their stable numbers, parameters
 * and templates. In Karaf the notification bundle's collector registers every bundle's
 * {@link Contribution#messageKinds()} here and unregisters them when the bundle goes; outside OSGi (tests,
 * tools) {@link #register(Contribution)} a contribution file read with {@link Contribution#load(String, Class, String)}.
 * A kind whose name another bundle already contributes, or whose number another kind already has, is
 * refused (numbers are part of the provider template ids and never move).
 */
public final class MessageKinds {

    private record Entry(String source, Contribution.MessageKindDef def) {
    }

    private static final Map<String, Entry> KINDS = new ConcurrentHashMap<>();

    private MessageKinds() {
    }

    /**
     * Registers the message kinds of {@code c} (replacing what the same bundle registered before).
     *
     * @return the problems of the kinds that were refused (empty when all were registered)
     */
    public static synchronized List<String> register(Contribution c) {
        unregister(c.bundle());
        List<String> problems = new ArrayList<>();
        for (Contribution.MessageKindDef d : c.messageKinds()) {
            Entry byName = KINDS.get(d.name());
            Optional<Entry> byNumber = KINDS.values().stream().filter(e -> e.def().number() == d.number()).findFirst();
            if (byName != null) {
                problems.add("message." + d.name() + ": already contributed by " + byName.source());
            } else if (byNumber.isPresent()) {
                problems.add("message." + d.name() + ".number: " + d.number() + " is the number of " + byNumber.get().def().name()
                        + " (" + byNumber.get().source() + ")");
            } else {
                KINDS.put(d.name(), new Entry(c.bundle(), d));
            }
        }
        return problems;
    }

    /** Removes the kinds {@code bundle} contributed. */
    public static synchronized void unregister(String bundle) {
        KINDS.values().removeIf(e -> e.source().equals(bundle));
    }

    /** The definition of the kind called {@code name}, while a bundle contributes it. */
    public static Optional<Contribution.MessageKindDef> definition(String name) {
        Entry e = name == null ? null : KINDS.get(name);
        return e == null ? Optional.empty() : Optional.of(e.def());
    }

    /** The bundle that contributes {@code name}, while one does. */
    public static Optional<String> contributor(String name) {
        Entry e = name == null ? null : KINDS.get(name);
        return e == null ? Optional.empty() : Optional.of(e.source());
    }

    /** Every contributed kind, by number. */
    public static List<Contribution.MessageKindDef> all() {
        return KINDS.values().stream().map(Entry::def).sorted(Comparator.comparingInt(Contribution.MessageKindDef::number)).toList();
    }
}
