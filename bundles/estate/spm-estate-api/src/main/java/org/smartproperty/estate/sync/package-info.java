/**
 * Real-estate information system sync (INT-RE, SUP-EST-1/2): the {@link org.smartproperty.estate.sync.RealEstateSource}
 * SPI an adapter implements (projects, building tables, houses and owners changed after a
 * timestamp, paged by cursor) and the {@link org.smartproperty.estate.sync.RealEstateSync} service
 * that upserts them into the estate registry and records every run.
 */
@Export
@Version("1.0.0")
package org.smartproperty.estate.sync;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
