/**
 * The one map's API (issue 17 part 2: MAP-1..11, PMAP): {@link org.smartproperty.map.MapService} and its DTO. The only
 * exported package of the domain; bump the version with every change (api-baseline checks it).
 */
@Export
@Version("1.0.0")
package org.smartproperty.map;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
