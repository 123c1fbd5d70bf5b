package org.smartproperty.service.rest;

import java.util.List;

import org.smartproperty.platform.files.AttachmentInput;

/**
 * Body of a transition: {@code note} (accept, schedule, confirm), {@code appointmentAt} (schedule,
 * ISO-8601 instant, required), {@code report} + {@code photos} (complete), {@code reason} (reject,
 * required; reopen, optional), {@code text} + {@code photos} (patrol inspect / close).
 */
public record Step(String note, String appointmentAt, String report, String reason, String text, List<AttachmentInput> photos) {
}
