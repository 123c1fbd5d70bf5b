package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.util.List;

import org.smartproperty.platform.files.Attachment;

/**
 * One leaf indicator in a report. SELF_REPORTED: the company's latest submitted {@code value} (figure or text) and
 * {@code evidence}, the regulator's {@code points} and {@code note} once accepted. COMPUTED (after the close): {@code value}
 * = the metric's value, {@code points} linear between worst and best, {@code valueStatus} says whether there was a value.
 */
public record ReportValue(long indicatorId, String code, String name, ScoringMethod method, BigDecimal weight, String value,
                          List<Attachment> evidence, BigDecimal points, String note, ValueStatus valueStatus) {
}
