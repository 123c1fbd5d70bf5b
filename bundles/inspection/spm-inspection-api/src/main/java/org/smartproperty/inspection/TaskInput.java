package org.smartproperty.inspection;

import java.time.LocalDate;
import java.util.List;

/** Body of POST /inspections/tasks (SUP-DR-1): the seed is not part of it, the service generates and records it. */
public record TaskInput(String name, String authority, Target target, List<Long> itemIds, LocalDate drawDate, LocalDate startDate,
                        LocalDate endDate, DrawRule rule, Integer inspectorsPerObject) {
}
