/**
 * Deadline engine API (SLA-1..SLA-4, SVC-CMP-5, SVC-REP-2, SVC-PAT-2): the
 * {@link org.smartproperty.deadline.WorkingCalendar}, time limits per category
 * ({@link org.smartproperty.deadline.DeadlineSettings}), the
 * {@link org.smartproperty.deadline.DeadlineTracker} the domains call inside their own transaction,
 * and the {@link org.smartproperty.deadline.DeadlineListener} whiteboard for escalations.
 */
@Export
@Version("1.1.0")
package org.smartproperty.deadline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
