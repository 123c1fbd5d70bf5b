/**
 * The demo-data SPI (issue 11 item 2; development only, feature {@code spm-dev-demodata}): each domain seeds its
 * own demo data with a bundle in its own folder ({@code bundles/<domain>/spm-<domain>-demo}) that registers a
 * {@link org.smartproperty.dev.demodata.DemoSeeder}. spm-dev-demodata seeds the Hengqin estates, creates the demo
 * accounts and runs the seeders once each, in the order their {@link org.smartproperty.dev.demodata.DemoSeeder#after()}
 * names give, on its background thread; the health check {@code demo-data} names the step.
 */
@Export
@Version("1.1.0")
package org.smartproperty.dev.demodata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
