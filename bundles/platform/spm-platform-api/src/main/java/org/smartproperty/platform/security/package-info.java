/**
 * Security API: who calls ({@link org.smartproperty.platform.security.SpmPrincipal}), what they
 * may do ({@link org.smartproperty.platform.security.Role}, permissions) and on which objects
 * ({@link org.smartproperty.platform.security.DataScope}); the audit trail; the SPI of external
 * identity providers (INT-IDP); TOTP secrets encrypted at rest ({@link org.smartproperty.platform.security.TotpSecrets}).
 */
@Export
@Version("1.4.0")
package org.smartproperty.platform.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
