/**
 * Service workflows API: repairs (SVC-REP-1..2, OWN-4, COS-6, OCS-7: {@link org.smartproperty.service.RepairService})
 * and patrols from owners' photo reports (SVC-PAT-1..2, COS-5: {@link org.smartproperty.service.PatrolService}),
 * their DTOs and workflows.
 */
@Export
@Version("1.2.0")
package org.smartproperty.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
