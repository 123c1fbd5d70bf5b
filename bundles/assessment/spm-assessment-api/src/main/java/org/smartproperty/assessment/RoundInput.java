package org.smartproperty.assessment;

import java.time.LocalDate;

/** Body of POST /assessment/rounds. */
public record RoundInput(String name, LocalDate periodFrom, LocalDate periodTo, Long indicatorSetId, LocalDate dueDate) {
}
