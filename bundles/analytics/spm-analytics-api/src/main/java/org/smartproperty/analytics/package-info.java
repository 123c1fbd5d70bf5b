/**
 * The analytics domain's API: {@link org.smartproperty.analytics.AnalyticsService} and its DTO. The only exported package of the
 * domain; bump the version with every change (api-baseline checks it).
 */
@Export
@Version("1.0.0")
package org.smartproperty.analytics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
