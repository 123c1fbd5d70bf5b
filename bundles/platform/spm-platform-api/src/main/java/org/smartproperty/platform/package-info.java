/**
 * Platform API shared by every domain: {@link org.smartproperty.platform.ApiException} and its
 * problem+json rendering contract, localized {@link org.smartproperty.platform.Messages},
 * paging ({@link org.smartproperty.platform.PageRequest}, {@link org.smartproperty.platform.Page}),
 * the {@link org.smartproperty.platform.HealthCheck} whiteboard, the {@link org.smartproperty.platform.Job} whiteboard run by the
 * platform's {@link org.smartproperty.platform.JobRunner}, the JDBC transaction helper {@link org.smartproperty.platform.Jdbc}
 * and personal-data masking (rule ID-2).
 */
@Export
@Version("1.5.0")
package org.smartproperty.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
