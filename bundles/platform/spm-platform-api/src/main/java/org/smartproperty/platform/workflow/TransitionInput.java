package org.smartproperty.platform.workflow;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * What the caller sends with a transition: its text (note, reason, result, report — the field is
 * the transition's {@link Transition#textField}) and attachments (files uploaded before, named by
 * id). Either may be null.
 */
public record TransitionInput(String text, List<AttachmentInput> attachments) {

    public TransitionInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static TransitionInput of(String text) {
        return new TransitionInput(text, List.of());
    }

    public static TransitionInput none() {
        return new TransitionInput(null, List.of());
    }

    /** The text trimmed, null when blank. */
    public String trimmedText() {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
