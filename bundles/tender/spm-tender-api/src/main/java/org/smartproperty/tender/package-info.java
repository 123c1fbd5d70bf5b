/**
 * The tender domain's API: {@link org.smartproperty.tender.TenderService} and its DTO. The only exported package of the
 * domain; bump the version with every change (api-baseline checks it).
 */
@Export
@Version("1.1.0")
package org.smartproperty.tender;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
