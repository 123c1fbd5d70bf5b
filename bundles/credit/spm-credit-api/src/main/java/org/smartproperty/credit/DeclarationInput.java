package org.smartproperty.credit;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/** A company's declaration: its base items, each with at least one evidence file. */
public record DeclarationInput(List<Item> items) {

    public record Item(DeclarationCategory category, String title, Integer claimedPoints, List<AttachmentInput> evidence) {
    }
}
