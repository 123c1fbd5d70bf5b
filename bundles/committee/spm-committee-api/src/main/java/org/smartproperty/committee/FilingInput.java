package org.smartproperty.committee;

import java.util.List;

/** The filing form the elected head submits (OCS-4): references of the materials (election record, rules, member list…) and a note. */
public record FilingInput(List<String> materials, String note) {
}
