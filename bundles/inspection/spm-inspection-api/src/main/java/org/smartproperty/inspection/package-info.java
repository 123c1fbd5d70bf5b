/**
 * The double-random spot-check domain's API (双随机一公开, SUP-DR-1..4, DIS-5): {@link org.smartproperty.inspection.InspectionService},
 * its DTOs and {@link org.smartproperty.inspection.InspectionWorkflow}. The only exported package of the domain; bump the
 * version with every change (api-baseline checks it).
 */
@Export
@Version("1.0.0")
package org.smartproperty.inspection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
