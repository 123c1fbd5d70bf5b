/**
 * The workflow kernel's contract for case-like domains (issue 10 item 2): complaints, repairs,
 * patrol tasks today, and every domain after them whose objects move through states.
 * <p>
 * A domain declares its workflow once, as a {@link org.smartproperty.platform.workflow.TransitionTable}
 * in its API bundle: every {@link org.smartproperty.platform.workflow.Transition} names its source
 * states, its target state, the permission and the {@link org.smartproperty.platform.workflow.Party
 * parties} that may fire it, whether a reason (text) and attachments are required, and what it does
 * to the item's deadline. The table checks a request (400 field errors, 409
 * {@code <domain>.illegalTransition} naming the allowed states, 403 with the transition's own code)
 * and feeds the OpenAPI document ({@code x-spm-from-states}). The implementation in
 * {@code spm-platform-workflow} ({@code org.smartproperty.platform.workflow.jpa}) runs a fired
 * transition in the caller's one transaction: status, timeline ({@link
 * org.smartproperty.platform.workflow.CaseEvent}), structured audit details, deadline, notices and
 * attachments, per-year numbering ({@link org.smartproperty.platform.workflow.CaseNumbers}) and
 * automatic transitions after a timeout ({@link org.smartproperty.platform.workflow.Timeout}).
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
