/**
 * Property company registry API (SUP-CO-1, SUP-CO-2, COS-2, DIS-2):
 * {@link org.smartproperty.company.CompanyService}, its DTOs, and the rules of the unified social
 * credit code ({@link org.smartproperty.company.UnifiedSocialCreditCode}, GB 32100-2015).
 */
@Export
@Version("2.3.0")
package org.smartproperty.company;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
