package org.smartproperty.credit;

import java.time.LocalDate;

/**
 * One thing that happened to a company in another domain.
 *
 * @param source    where it comes from: {@code INSPECTION}, {@code ASSESSMENT}, {@code COMPLAINT}, {@code PENALTY}
 * @param condition what happened, matched against the rule table ({@code item.failed}, {@code top10}, {@code below60})
 * @param key       unique per cause, e.g. {@code inspection-result:42}; a second signal with the key is ignored
 * @param reference the cause as people name it (task number and item), shown on the record
 */
public record CreditSignal(String source, String condition, long companyId, String key, LocalDate occurredOn, String reference) {
}
