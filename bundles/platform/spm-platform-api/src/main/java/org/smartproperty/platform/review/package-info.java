/**
 * The review kernel (issue 10 item 2): one applicant submits a form with materials, a reviewer
 * approves it or returns it with a reason, the applicant resubmits after a return. Company filings
 * (SUP-CO-2, COS-2) and owners' committee filings (OCS-4, SUP-OC-2) use it; tender projects, tender
 * announcements, award and contract filings, expert admission and assessment reports are meant to.
 *
 * <p>This package is data only: the states, the transition table
 * ({@link org.smartproperty.platform.review.ReviewTransitions#TABLE}), the history entries, who may act
 * ({@link org.smartproperty.platform.review.ReviewKind}) and the domain's message keys
 * ({@link org.smartproperty.platform.review.ReviewTexts}). The JPA implementation a domain uses inside
 * its own transaction is {@code org.smartproperty.platform.persistence.review}.
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.review;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
