/**
 * The credit domain's API (SUP-CO-3, DIS-1; rules CRD-1..5): {@link org.smartproperty.credit.CreditService} for the
 * console and portal, {@link org.smartproperty.credit.CreditStanding} for other domains (tendering refuses a blacklisted
 * company's bids) and {@link org.smartproperty.credit.CreditSignals}, through which other domains report what
 * happened to a company (a failed inspection item, an assessment result) in their own transaction. The only exported
 * package of the domain; bump the version with every change (api-baseline checks it).
 */
@Export
@Version("1.1.0")
package org.smartproperty.credit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
