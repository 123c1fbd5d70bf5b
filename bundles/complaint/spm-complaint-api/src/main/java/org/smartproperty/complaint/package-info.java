/**
 * Complaints API (SVC-CMP-1..5, OWN-5, COS-7, OCS-8): {@link org.smartproperty.complaint.ComplaintService},
 * its DTOs and the workflow ({@link org.smartproperty.complaint.ComplaintStatus}).
 */
@Export
@Version("1.3.0")
package org.smartproperty.complaint;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
