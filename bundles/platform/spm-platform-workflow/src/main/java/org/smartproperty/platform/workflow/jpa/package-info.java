/**
 * The workflow kernel for domains on JPA (issue 10 item 2): {@link
 * org.smartproperty.platform.workflow.jpa.CaseWorkflow} fires the transitions of a domain's {@link
 * org.smartproperty.platform.workflow.TransitionTable} in one transaction — checks, the domain's
 * effect, attachments from the file store, the deadline step, the status, the timeline ({@link
 * org.smartproperty.platform.workflow.jpa.CaseTimeline}), the audit row with structured details
 * (Jackson) — and runs its timeouts as platform jobs; {@link
 * org.smartproperty.platform.workflow.jpa.YearCounter} numbers items per year. Everything is
 * written on the connection of the caller's transaction, so nothing commits half.
 */
@Export
@Version("1.1.0")
package org.smartproperty.platform.workflow.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
