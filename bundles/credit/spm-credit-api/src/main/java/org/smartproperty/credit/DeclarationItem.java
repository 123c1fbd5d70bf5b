package org.smartproperty.credit;

import java.util.List;

import org.smartproperty.platform.files.Attachment;

/** A declared base item with its evidence; {@code verifiedPoints} and {@code note} once the regulator verified it. */
public record DeclarationItem(long id, DeclarationCategory category, String title, int claimedPoints, Integer verifiedPoints,
                              String note, List<Attachment> evidence) {
}
