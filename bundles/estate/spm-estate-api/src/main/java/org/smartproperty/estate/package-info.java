/**
 * Estate registry API (SUP-EST-1, SUP-EST-2): {@link org.smartproperty.estate.EstateService},
 * its DTOs, and the rules for real-estate unit codes ({@link org.smartproperty.estate.UnitCode})
 * and identity documents ({@link org.smartproperty.estate.IdDocuments}, rule ID-1).
 */
@Export
@Version("1.4.0")
package org.smartproperty.estate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
