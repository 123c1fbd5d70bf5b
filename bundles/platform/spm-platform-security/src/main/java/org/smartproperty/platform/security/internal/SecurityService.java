package org.smartproperty.platform.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.TotpSecrets;

/**
 * What this bundle's own components (the request filter, the REST resources, the Karaf realm,
 * the bootstrap and the retention job) call on the security service. A bundle-private service
 * type: {@link SecurityServiceImpl} is registered under it and under the exported
 * {@code AccountProvisioning} / {@code AccountDirectory}, never under its class (issue 10 item 4).
 */
interface SecurityService {

    // Sign-in and sessions
    SecurityServiceImpl.LoginResult login(String username, String password, String totp, String ip, String agent);
    SecurityServiceImpl.LoginResult loginExternal(ExternalIdentity id, String ip, String agent);
    SpmPrincipal authenticate(String token, String ip);
    void logout(SpmPrincipal p, String token, String agent);
    void revokeShellToken(String token);
    void changePassword(SpmPrincipal p, String current, String next, String agent);
    Map<String, String> enrollTotp(SpmPrincipal p, String agent);
    String newIdpState(String provider, String redirectUri);
    Map<String, Object> bindings(SpmPrincipal p, String token);
    Map<String, Object> chooseBinding(SpmPrincipal p, String token, String key, String agent);
    String consumeIdpState(String provider, String state);
    /** The state of a login that goes back to a page of the platform ({@code returnTo}) with a handoff code (issue 13 item 2). */
    String newIdpState(String provider, String redirectUri, String returnTo);
    RealNameSignIn.IdpState spendIdpState(String provider, String state);
    String newHandoff(SecurityServiceImpl.LoginResult result);
    SecurityServiceImpl.LoginResult redeemHandoff(String code, String ip, String agent);

    // The WeChat mini program (INT-WX, issue 18)
    WechatSignIn.Session wechatSession(String appId, String openid, String ip, String agent);
    void checkWechatTicket(String appId, String ticket);
    SecurityServiceImpl.LoginResult bindWechat(String appId, String ticket, SecurityServiceImpl.LoginResult login, String via, String ip, String agent);
    void unbindWechat(SpmPrincipal p, String appId, String agent);
    boolean wechatBound(long accountId, String appId);

    // Accounts, roles and permissions (the security administrator)
    List<SecurityServiceImpl.AccountView> accounts();

    /** One page of accounts filtered by a part of the name, a role held and a status (each may be null). */
    org.smartproperty.platform.Page<SecurityServiceImpl.AccountView> accounts(String text, org.smartproperty.platform.security.Role role,
            String status, org.smartproperty.platform.PageRequest page);
    Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String agent);
    Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String phone, String agent);
    Map<String, Object> resetPassword(SpmPrincipal by, long id, String agent);
    SecurityServiceImpl.AccountView setPhone(SpmPrincipal by, long id, String phone, String agent);
    SecurityServiceImpl.AccountView setStatus(SpmPrincipal by, long id, String status, String agent);
    SecurityServiceImpl.AccountView setRoles(SpmPrincipal by, long id, Set<Role> roles, String agent);
    Map<Role, Set<String>> rolePermissions();
    Map<String, Object> scopes(long id);
    Map<String, Object> linkGovernment(SpmPrincipal by, long id, String userId, String agent);
    List<Map<String, Object>> companyStaff(SpmPrincipal by);
    Map<String, Object> inviteStaff(SpmPrincipal by, String username, String displayName, String phone, String agent);
    Map<String, Object> setStaffStatus(SpmPrincipal by, long id, boolean active, String agent);
    Map<String, Object> setScope(SpmPrincipal by, long id, DataScope scope, String agent);
    Set<String> setRolePermissions(SpmPrincipal by, Role role, Set<String> perms, String agent);

    // Network controls
    List<Map<String, Object>> bans();
    String ban(SpmPrincipal by, String cidr, String reason, String agent);
    void unban(SpmPrincipal by, String cidr, String agent);
    boolean banned(String ip);
    boolean adminNetworkAllowed(String ip);
    /** The client address of a request: X-Forwarded-For only from a trusted proxy (issue 12 item 7). */
    String clientAddress(String remote, String forwardedFor);

    // Start-up and policy
    SecurityPolicy policy();
    TotpSecrets.Reencryption encryptTotpSecrets();
    String bootstrapSecurityAdmin();
}
