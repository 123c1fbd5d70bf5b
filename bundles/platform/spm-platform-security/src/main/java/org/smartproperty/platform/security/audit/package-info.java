/**
 * The audit log's hash chain on plain JDBC ({@link org.smartproperty.platform.security.audit.AuditChain}),
 * exported by the bundle that owns the audit tables ({@code aud_event}, {@code aud_chain}) so that
 * the platform's {@code AuditTrail} and the operations toolkit (CLI and {@code spm:*} shell, which
 * must append and verify while the platform is down, OPS-1, ID-3) share one implementation.
 * Moved here from the API bundle's {@code org.smartproperty.platform.security} (issue 10 item 4).
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.security.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
