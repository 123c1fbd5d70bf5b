/**
 * The review kernel on JPA: {@link org.smartproperty.platform.review.jpa.Reviews} runs the
 * transition table of {@link org.smartproperty.platform.review.ReviewTransitions} on a domain's
 * rounds ({@link org.smartproperty.platform.review.jpa.ReviewRound} entities of the domain's own
 * persistence unit) inside the domain's transaction: one request = one transaction, the rounds,
 * their materials' file links, the history rows and the audit entry commit or roll back together.
 * The domain says who the applicant party is and what else a submission needs through
 * {@link org.smartproperty.platform.review.jpa.ReviewSubjects}.
 */
@Export
@Version("1.1.0")
package org.smartproperty.platform.review.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
