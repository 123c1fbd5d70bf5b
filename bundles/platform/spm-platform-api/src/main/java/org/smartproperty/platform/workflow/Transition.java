package org.smartproperty.platform.workflow;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a {@link TransitionTable}: the transition's name (also its REST path segment,
 * {@code POST /{id}/{name}}, and its timeline action), the states it may be fired from, the state it
 * leads to, who may fire it (the permission, when not null, and at least one of the parties), the
 * 403 code when the caller is neither ({@code deniedKey}, a key of the domain's messages), its text
 * ({@code textField} of the body; {@code textRequiredKey} non-null when the text is required, the
 * field error's key), its attachments ({@code attachmentsField}, at most {@code maxAttachments},
 * {@code attachmentsRequiredKey} non-null when at least one is required; images only when
 * {@code imagesOnly}) and its {@link DeadlineStep}.
 */
public record Transition<S extends Enum<S>>(String name, Set<S> from, S to, String permission, Set<Party> parties, String deniedKey,
                                            String textField, String textRequiredKey, int maxText, String attachmentsField,
                                            int maxAttachments, String attachmentsRequiredKey, boolean imagesOnly, DeadlineStep deadline) {

    public Transition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        from = Collections.unmodifiableSet(new LinkedHashSet<>(from));
        parties = parties.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(parties));
        deadline = deadline == null ? DeadlineStep.NONE : deadline;
    }

    public boolean textRequired() {
        return textRequiredKey != null;
    }

    public boolean attachmentsRequired() {
        return attachmentsRequiredKey != null;
    }

    /** Whether only the platform fires it (a timeout). */
    public boolean automatic() {
        return parties.equals(Set.of(Party.SYSTEM));
    }

    /** Whether it may be fired from {@code state}. */
    public boolean from(S state) {
        return from.contains(state);
    }
}
