/**
 * The developer organisation registry's API (开发建设单位, DEV-1): {@link org.smartproperty.developer.DeveloperService}
 * and its DTOs. The only exported package of the domain; bump the version with every change (api-baseline checks it
 * once the bundle has a baseline jar).
 */
@Export
@Version("1.0.0")
package org.smartproperty.developer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
