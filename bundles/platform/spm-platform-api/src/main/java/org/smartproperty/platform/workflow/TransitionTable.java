package org.smartproperty.platform.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * A domain's workflow, declared once (issue 10 item 2): its states, its transitions (see
 * {@link Transition}) in the order the domain lists them, and the message keys of its refusals
 * ({@code <prefix>.illegalTransition} with the arguments current state, target state, allowed next
 * states — or {@code <prefix>.noTransition} when none —, and the transitions' 403 codes). Built
 * through {@link #builder}; {@link Builder#build()} refuses an inconsistent table
 * (IllegalStateException naming every problem): duplicate or malformed names, a transition without
 * source states or without a party, an automatic transition with a text or attachments requirement,
 * a state no transition reaches, a state no transition leaves that is not final, and (when final
 * states are declared) a deadline step that does not fit: into a final state from an open one
 * the deadline completes or is cancelled, out of a final state into an open one it starts again.
 * <p>
 * The checks a fired transition goes through, in this order (each answer as problem+json):
 * {@link #validate} before the transaction (400 field errors, all at once), then inside it
 * {@link #allowed} (409) and {@link #authorize} (403).
 */
public final class TransitionTable<S extends Enum<S>> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,31}");

    private final Class<S> states;
    private final Messages texts;
    private final String prefix;
    private final Set<S> initial;
    private final Set<S> terminal;
    private final Map<String, Transition<S>> transitions;

    private TransitionTable(Builder<S> b) {
        this.states = b.states;
        this.texts = b.texts;
        this.prefix = b.prefix;
        this.initial = Collections.unmodifiableSet(EnumSet.copyOf(b.initial));
        this.terminal = b.terminal.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.terminal));
        Map<String, Transition<S>> map = new LinkedHashMap<>();
        for (Transition<S> t : b.rows) {
            map.put(t.name(), t);
        }
        this.transitions = Collections.unmodifiableMap(map);
    }

    public static <S extends Enum<S>> Builder<S> builder(Class<S> states, Messages texts, String prefix) {
        return new Builder<>(states, texts, prefix);
    }

    public Class<S> states() {
        return states;
    }

    public Messages texts() {
        return texts;
    }

    /** Prefix of the refusal keys and of the audit actions ({@code complaint}). */
    public String prefix() {
        return prefix;
    }

    /** States an item is created in. */
    public Set<S> initial() {
        return initial;
    }

    /** Whether the item's work is over in {@code state} (no deadline runs; it may still be reopened). */
    public boolean terminal(S state) {
        return terminal.contains(state);
    }

    /** All transitions in declaration order. */
    public List<Transition<S>> transitions() {
        return List.copyOf(transitions.values());
    }

    /** The transition called {@code name}; IllegalArgumentException when the table has none (a programming error). */
    public Transition<S> get(String name) {
        Transition<S> t = transitions.get(name);
        if (t == null) {
            throw new IllegalArgumentException(prefix + ": no transition " + name + " (known: " + transitions.keySet() + ")");
        }
        return t;
    }

    public boolean has(String name) {
        return transitions.containsKey(name);
    }

    /** The states that may follow {@code state}, in declaration order, each once (manual and automatic transitions). */
    public List<S> next(S state) {
        Set<S> next = new LinkedHashSet<>();
        for (Transition<S> t : transitions.values()) {
            if (t.from(state)) {
                next.add(t.to());
            }
        }
        return List.copyOf(next);
    }

    /** The transitions that may be fired from {@code state}, in declaration order. */
    public List<Transition<S>> from(S state) {
        return transitions.values().stream().filter(t -> t.from(state)).toList();
    }

    /**
     * 400 with all field errors at once: the text too long (over {@link Transition#maxText}) or
     * missing when required, too many attachments, none when required.
     */
    public void validate(String name, TransitionInput input) {
        Transition<S> t = get(name);
        TransitionInput in = input == null ? TransitionInput.none() : input;
        Validation v = new Validation(texts);
        if (t.textField() != null) {
            String text = in.trimmedText();
            if (text == null && t.textRequired()) {
                v.error(t.textField(), t.textRequiredKey());
            } else {
                v.maxLength(t.textField(), text, t.maxText());
            }
        }
        int n = in.attachments().size();
        if (t.attachmentsField() != null) {
            if (n > t.maxAttachments()) {
                v.error(t.attachmentsField(), "photos.tooMany", t.maxAttachments());
            } else if (n == 0 && t.attachmentsRequired()) {
                v.error(t.attachmentsField(), t.attachmentsRequiredKey());
            }
        }
        v.throwIfInvalid();
    }

    /** 409 {@code <prefix>.illegalTransition} unless the transition may be fired from {@code current}. */
    public void allowed(String name, S current) {
        Transition<S> t = get(name);
        if (!t.from(current)) {
            throw illegal(current, t.to());
        }
    }

    /** The 409 for a move from {@code current} to {@code target} that the table does not allow. */
    public ApiException illegal(S current, S target) {
        List<S> next = next(current);
        return ApiException.conflict(texts, prefix + ".illegalTransition", current.name(), target.name(),
                next.isEmpty() ? texts.text(prefix + ".noTransition") : next.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    /**
     * 403 with the transition's {@code deniedKey} unless the caller holds its permission (when it
     * names one) and is one of its parties for this item.
     */
    public <C> void authorize(String name, SpmPrincipal caller, C item, PartyCheck<C> parties) {
        Transition<S> t = get(name);
        if (!may(t, caller, item, parties)) {
            throw new ApiException(403, t.deniedKey(), texts, null);
        }
    }

    /** Whether the caller may fire {@code t} on the item (permission and party; the state is not checked). */
    public static <S extends Enum<S>, C> boolean may(Transition<S> t, SpmPrincipal caller, C item, PartyCheck<C> parties) {
        if (caller == null || (t.permission() != null && !caller.can(t.permission()))) {
            return false;
        }
        for (Party p : t.parties()) {
            if (p != Party.SYSTEM && parties.is(caller, item, p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return prefix + " workflow " + transitions.values().stream()
                .map(t -> t.from().stream().map(Enum::name).collect(Collectors.joining("|")) + " -" + t.name() + "-> " + t.to())
                .collect(Collectors.joining(", "));
    }

    /** Declares a table row by row; {@link #build()} checks it. */
    public static final class Builder<S extends Enum<S>> {

        private final Class<S> states;
        private final Messages texts;
        private final String prefix;
        private final Set<S> initial = new LinkedHashSet<>();
        private final Set<S> terminal = new LinkedHashSet<>();
        private final List<Transition<S>> rows = new ArrayList<>();
        private String defaultDenied;

        private Builder(Class<S> states, Messages texts, String prefix) {
            this.states = Objects.requireNonNull(states, "states");
            this.texts = Objects.requireNonNull(texts, "texts");
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            this.defaultDenied = prefix + ".notHandler";
        }

        /** The states an item is created in (at least one). */
        @SafeVarargs
        public final Builder<S> initial(S... s) {
            initial.addAll(List.of(s));
            return this;
        }

        /** The final states: the item's work is over, its deadline finished (a reopen may lead out again). */
        @SafeVarargs
        public final Builder<S> terminal(S... s) {
            terminal.addAll(List.of(s));
            return this;
        }

        /** The 403 code of transitions that name none (default {@code <prefix>.notHandler}). */
        public Builder<S> denied(String key) {
            defaultDenied = key;
            return this;
        }

        /** Starts a row: {@code name} from the given states. */
        @SafeVarargs
        public final Row on(String name, S... from) {
            return new Row(name, from);
        }

        public TransitionTable<S> build() {
            List<String> problems = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            if (initial.isEmpty()) {
                problems.add("no initial state");
            }
            Set<S> reached = EnumSet.noneOf(states);
            reached.addAll(initial);
            Set<S> left = EnumSet.noneOf(states);
            for (Transition<S> t : rows) {
                if (!NAME.matcher(t.name()).matches()) {
                    problems.add("transition name '" + t.name() + "' is not a lowerCamel word of at most 32 characters");
                }
                if (!names.add(t.name())) {
                    problems.add("transition " + t.name() + " declared twice");
                }
                if (t.from().isEmpty()) {
                    problems.add(t.name() + ": no source state");
                }
                if (t.parties().isEmpty()) {
                    problems.add(t.name() + ": no party may fire it");
                }
                if (t.parties().contains(Party.SYSTEM) && t.parties().size() > 1) {
                    problems.add(t.name() + ": SYSTEM fires its own transitions only");
                }
                if (t.automatic() && (t.textRequired() || t.attachmentsRequired())) {
                    problems.add(t.name() + ": an automatic transition cannot require a text or attachments");
                }
                if (t.textRequired() && t.textField() == null) {
                    problems.add(t.name() + ": a required text needs its field");
                }
                if (t.attachmentsField() != null && t.maxAttachments() < (t.attachmentsRequired() ? 1 : 0)) {
                    problems.add(t.name() + ": maxAttachments below the required minimum");
                }
                if (!terminal.isEmpty()) {
                    boolean ends = terminal.contains(t.to());
                    for (S s : t.from()) {
                        boolean open = !terminal.contains(s);
                        if (open && ends && t.deadline() != DeadlineStep.COMPLETE && t.deadline() != DeadlineStep.CANCEL) {
                            problems.add(t.name() + ": from open " + s + " to final " + t.to() + " must complete or cancel the deadline");
                        } else if (!open && !ends && t.deadline() != DeadlineStep.START) {
                            problems.add(t.name() + ": from final " + s + " back to open " + t.to() + " must start the deadline again");
                        } else if (!open && t.deadline() != DeadlineStep.NONE && t.deadline() != DeadlineStep.START) {
                            problems.add(t.name() + ": from final " + s + " has no running deadline to " + t.deadline());
                        }
                    }
                }
                reached.add(t.to());
                left.addAll(t.from());
            }
            for (S s : states.getEnumConstants()) {
                if (!reached.contains(s)) {
                    problems.add("state " + s + " is never reached");
                } else if (!left.contains(s) && !terminal.contains(s)) {
                    problems.add("state " + s + " has no way out and is not final");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(prefix + " transition table refused: " + String.join("; ", problems));
            }
            return new TransitionTable<>(this);
        }

        /** One row under construction; {@link #to} ends it. */
        public final class Row {
            private final String name;
            private final Set<S> from;
            private String permission;
            private final Set<Party> parties = new LinkedHashSet<>();
            private String denied;
            private String textField;
            private String textRequired;
            private int maxText = 4000;
            private String attachmentsField;
            private int maxAttachments;
            private String attachmentsRequired;
            private boolean imagesOnly;
            private DeadlineStep deadline = DeadlineStep.NONE;

            @SafeVarargs
            private Row(String name, S... from) {
                this.name = name;
                this.from = new LinkedHashSet<>(List.of(from));
            }

            /** The permission the caller must hold (null: the parties decide alone). */
            public Row permission(String p) {
                permission = p;
                return this;
            }

            public Row by(Party... p) {
                parties.addAll(List.of(p));
                return this;
            }

            /** The 403 code when the caller may not fire it. */
            public Row denied(String key) {
                denied = key;
                return this;
            }

            /** An optional text in body field {@code field}. */
            public Row text(String field) {
                textField = field;
                return this;
            }

            /** A required text in body field {@code field}; {@code requiredKey} is the field error's code. */
            public Row requiredText(String field, String requiredKey) {
                textField = field;
                textRequired = requiredKey;
                return this;
            }

            public Row maxText(int max) {
                maxText = max;
                return this;
            }

            /** Optional images in body field {@code field}, at most {@code max}. */
            public Row photos(String field, int max) {
                attachmentsField = field;
                maxAttachments = max;
                imagesOnly = true;
                return this;
            }

            /** At least one image in body field {@code field}, at most {@code max}; {@code requiredKey} is the field error's code. */
            public Row requiredPhotos(String field, int max, String requiredKey) {
                photos(field, max);
                attachmentsRequired = requiredKey;
                return this;
            }

            /** Files of any accepted type (not only images). */
            public Row files(String field, int max, String requiredKeyOrNull) {
                attachmentsField = field;
                maxAttachments = max;
                attachmentsRequired = requiredKeyOrNull;
                imagesOnly = false;
                return this;
            }

            public Row deadline(DeadlineStep step) {
                deadline = step;
                return this;
            }

            /** Ends the row with its target state. */
            public Builder<S> to(S target) {
                rows.add(new Transition<>(name, from, target, permission, parties, denied != null ? denied : defaultDenied, textField,
                        textRequired, maxText, attachmentsField, maxAttachments, attachmentsRequired, imagesOnly, deadline));
                return Builder.this;
            }
        }
    }
}
