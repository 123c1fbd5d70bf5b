package org.smartproperty.estate.sync;

import java.time.Instant;
import java.util.List;

/** A natural building of a project, keyed by project code + building number, with its unit names (SUP-EST-2). */
public record BuildingRecord(String projectCode, String number, String name, Integer floorsAbove, Integer floorsBelow,
                             List<String> units, Instant changedAt) {
}
