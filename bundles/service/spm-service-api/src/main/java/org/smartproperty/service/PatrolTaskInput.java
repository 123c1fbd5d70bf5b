package org.smartproperty.service;

import java.time.Instant;
import java.util.List;

/**
 * A new patrol task (SVC-PAT-1, COS-5): the photo reports it handles ({@code reportIds}, at least
 * one, all REPORTED and of one estate the company manages), a {@code title} (defaults to the first
 * report's description) and the due date ({@code dueAt}: after now and not after the time limit,
 * which is the default).
 */
public record PatrolTaskInput(List<Long> reportIds, String title, Instant dueAt) {
}
