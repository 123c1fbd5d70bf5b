/**
 * Domains contribute, the platform collects (issue 10 item 1): a bundle names a properties file in its
 * manifest header {@link org.smartproperty.platform.contrib.Contribution#HEADER SPM-Contributions}; the
 * platform's contribution extender parses it ({@link org.smartproperty.platform.contrib.Contribution#parse})
 * and registers the {@link org.smartproperty.platform.contrib.Contribution} as a service of that bundle.
 * Security seeds the role-template grants, notification registers the message kinds and their templates,
 * deadline the default time limits, security the audit object kinds.
 */
@Export
@Version("1.0.0")
package org.smartproperty.platform.contrib;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
