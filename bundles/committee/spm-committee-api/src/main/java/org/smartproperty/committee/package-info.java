/**
 * Owners' committee registry API (SUP-OC-1, SUP-OC-2, OCS-2, OCS-3, OCS-4, DIS-2):
 * {@link org.smartproperty.committee.CommitteeService} and its DTOs.
 */
@Export
@Version("2.1.0")
package org.smartproperty.committee;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
