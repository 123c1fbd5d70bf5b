/**
 * Security API: who calls ({@link org.smartproperty.platform.security.SpmPrincipal}), what they
 * may do ({@link org.smartproperty.platform.security.Role}, permissions) and on which objects
 * ({@link org.smartproperty.platform.security.DataScope}); the audit trail; the SPI of external
 * identity providers (INT-IDP); TOTP secrets encrypted at rest ({@link org.smartproperty.platform.security.TotpSecrets}).
 *
 * <p>2.0.0: {@code AuditChain} left this package for {@code org.smartproperty.platform.security.audit},
 * exported by spm-platform-security, the bundle that owns the audit tables (issue 10 item 4); removing
 * a class is an incompatible change, hence the major version.
 *
 * <p>2.3.0: the WeChat mini program login SPI {@link org.smartproperty.platform.security.WechatSessions} and
 * {@link org.smartproperty.platform.security.AccountDirectory#wechatOpenId} (INT-WX, issue 18).
 */
@Export
@Version("2.3.0")
package org.smartproperty.platform.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
