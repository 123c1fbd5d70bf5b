package org.smartproperty.platform.security.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.cluster.ClusterEvent;
import org.smartproperty.platform.cluster.ClusterEvents;
import org.smartproperty.platform.cluster.ClusterListener;
import org.smartproperty.platform.cluster.Subscription;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AccountProvisioning;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;
import org.smartproperty.platform.security.ScopeChanges;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.TotpSecrets;

/**
 * Accounts, passwords, tokens, TOTP, roles and separation of duties, IP bans. Plain JDBC: every
 * public method is one transaction, and its audit record is written in that same transaction.
 * The one component and service registration; its duties are done by package-private parts it
 * creates (issue 10 item 5): {@link SignIn}, {@link RealNameSignIn}, {@link TotpSecretsAtRest},
 * {@link AccountAdministration}, {@link AccountContacts}, {@link RoleTemplates},
 * {@link NetworkControls}, over {@link AccountRows} and this class's transaction helper.
 */
@Component(service = {SecurityService.class, AccountProvisioning.class, AccountDirectory.class, ScopeChanges.class}, configurationPid = "org.smartproperty.security",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityServiceImpl implements SecurityService, AccountProvisioning, AccountDirectory, ScopeChanges {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityServiceImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR);
    /** Permissions a limited token (initial/expired password, TOTP enrolment pending) may use. */
    static final String SELF = "auth:self";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.security)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    /** The domains' scope binders (issue 12): houses and owners, committees, companies, developers. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC, bind = "bindBinder", unbind = "unbindBinder")
    private final List<ScopeBinder> binders = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile SecurityPolicy policy = SecurityPolicy.DEFAULTS;
    private volatile PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    /** The login's clock (tests fix it inside one TOTP time step). */
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    /** The key ring of the TOTP secrets at rest (issue 10 item 8); set by {@link #configure} in OSGi. */
    private volatile TotpKeyStore totpKeys;

    private final SignIn signIn = new SignIn(this);
    private final RealNameSignIn realName = new RealNameSignIn(this);
    private final WechatSignIn wechat = new WechatSignIn(this);
    final TotpSecretsAtRest totpAtRest = new TotpSecretsAtRest(this);
    private final AccountAdministration accounts = new AccountAdministration(this);
    private final AccountScopes scopes = new AccountScopes(this);
    private final CompanyStaff companyStaff = new CompanyStaff(this);
    private final AccountContacts contacts = new AccountContacts(this);
    private final RoleTemplates roleTemplates = new RoleTemplates(this);
    private final NetworkControls network = new NetworkControls(this);
    /**
     * Token → principal for a few seconds (issue 11 item 4). Outside OSGi the revision counter is read
     * at every call, so a change made by another process (the tests' SQL, {@code spm passwords
     * expire}) is seen at once; {@link #configure} sets the node's periods.
     */
    private final PrincipalCache principals = new PrincipalCache(30_000, 0, 100_000);
    /**
     * The node's cluster events (issue 19 item 1): changes here are sent to every node in their transaction,
     * and other nodes' changes drop this node's principals and network lists within a second instead of at
     * the next periodic check (which stays, for the operator's tools writing from outside and for a node
     * whose listening connection is down). Optional: outside OSGi and while absent, the checks alone.
     */
    private volatile ClusterEvents cluster;
    private final Map<ClusterEvents, List<Subscription>> clusterSubscriptions = new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY, unbind = "unbindCluster")
    void bindCluster(ClusterEvents events) {
        ClusterListener onPrincipals = new ClusterListener() {
            @Override
            public void event(ClusterEvent e) {
                principals.dropAll();
            }

            @Override
            public void reset() {
                principals.dropAll();
            }
        };
        ClusterListener onNetwork = new ClusterListener() {
            @Override
            public void event(ClusterEvent e) {
                network.invalidateLists();
            }

            @Override
            public void reset() {
                network.invalidateLists();
            }
        };
        clusterSubscriptions.put(events, List.of(events.subscribe(SecurityEvents.PRINCIPALS, onPrincipals),
                events.subscribe(SecurityEvents.NETWORK, onNetwork)));
        cluster = events;
    }

    void unbindCluster(ClusterEvents events) {
        List<Subscription> subs = clusterSubscriptions.remove(events);
        if (subs != null) {
            subs.forEach(Subscription::close);
        }
        if (cluster == events) {
            cluster = null;
        }
    }

    /** The cluster-event service, or null outside OSGi / while absent. */
    ClusterEvents cluster() {
        return cluster;
    }

    /** Set by {@link #principalsChanged} inside {@link #tx}; the cache is cleared after the commit. */
    private static final ThreadLocal<Boolean> PRINCIPALS_CHANGED = new ThreadLocal<>();

    public SecurityServiceImpl() {
    }

    /**
     * Outside OSGi (other bundles' tests, tools): the default policy and an audit trail of its own
     * over {@code ds}, whose security schema must be migrated. TOTP secrets are encrypted with a key
     * held in memory, the same for every instance of this JVM.
     */
    public static SecurityServiceImpl standalone(DataSource ds) {
        return new SecurityServiceImpl(ds, new AuditTrailImpl(ds), SecurityPolicy.DEFAULTS);
    }

    /** As {@link #standalone(DataSource)}, with the TOTP key ring of {@code totpKeyFile} (created when absent, as at a first start). */
    public static SecurityServiceImpl standalone(DataSource ds, Path totpKeyFile) {
        SecurityServiceImpl s = new SecurityServiceImpl(ds, new AuditTrailImpl(ds), SecurityPolicy.DEFAULTS, TotpKeyStore.file(totpKeyFile));
        s.prepareTotpKey();
        return s;
    }

    SecurityServiceImpl(DataSource ds, AuditTrail audit, SecurityPolicy policy) {
        this(ds, audit, policy, TotpKeyStore.ephemeral());
    }

    SecurityServiceImpl(DataSource ds, AuditTrail audit, SecurityPolicy policy, TotpKeyStore totpKeys) {
        this.dataSource = ds;
        this.audit = audit;
        this.policy = policy;
        this.hasher = new PasswordHasher(policy.iterations());
        this.totpKeys = totpKeys;
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        try {
            SecurityPolicy p = SecurityPolicy.from(config);
            policy = p;
            hasher = new PasswordHasher(p.iterations());
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the previous policy stays in force", e.getMessage());
        }
        try {
            clientAddress = ClientAddress.of(config.network_trustedProxies());
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the previous list stays in force", e.getMessage());
        }
        principals.configure(Math.max(0, Math.min(config.session_cacheSeconds(), 60)) * 1000L,
                Math.max(0, Math.min(config.session_revisionCheckMillis(), 1000)));
        String configured = config.totp_keyFile();
        Path keyFile = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "security", "totp.key") : Path.of(configured.trim());
        TotpKeyStore current = totpKeys;
        if (current == null || !keyFile.equals(current.file())) {
            totpKeys = TotpKeyStore.file(keyFile);
            prepareTotpKey();
        }
    }

    public SecurityPolicy policy() {
        return policy;
    }

    /** Tests: the time the login sees (lockout, TOTP step, token times). */
    void clock(java.time.Clock c) {
        clock = c;
    }

    /** The login's clock. */
    java.time.Clock clock() {
        return clock;
    }

    /** The key ring of the TOTP secrets at rest, or null before {@link #configure}. */
    TotpKeyStore totpKeys() {
        return totpKeys;
    }

    AuditTrail audit() {
        return audit;
    }

    DataSource dataSource() {
        return dataSource;
    }

    PrincipalCache principals() {
        return principals;
    }

    /** Trusted proxies (issue 12 item 7); none outside OSGi until configured. */
    private volatile ClientAddress clientAddress = ClientAddress.NONE;

    @Override
    public String clientAddress(String remote, String forwardedFor) {
        return clientAddress.resolve(remote, forwardedFor);
    }

    /** Tests: the trusted proxies as configured. */
    void trustedProxies(String... cidrs) {
        clientAddress = ClientAddress.of(cidrs);
    }

    void bindBinder(ScopeBinder b) {
        binders.add(b);
        principals.changedHere();
    }

    void unbindBinder(ScopeBinder b) {
        binders.remove(b);
        principals.changedHere();
    }

    /** The scope binders present now. */
    List<ScopeBinder> binders() {
        return binders;
    }

    /** Tests outside OSGi: a binder as the whiteboard would hand it over. */
    void addBinder(ScopeBinder b) {
        bindBinder(b);
    }

    AccountAdministration accountAdministration() {
        return accounts;
    }

    /**
     * A domain's change of what a binder reads, in its transaction: the revision moves with it (every node),
     * and this node forgets its principals now, so the caller's next request after the commit resolves
     * its bindings again; a request read meanwhile from the uncommitted state is dropped at the next
     * revision check.
     */
    @Override
    public void changed(Connection c) throws SQLException {
        SecurityEvents.principalsChanged(c, cluster, "scope");
        principals.changedHere();
    }

    @Override
    public Map<String, Object> bindings(SpmPrincipal p, String token) {
        return signIn.bindings(p, token);
    }

    @Override
    public Map<String, Object> chooseBinding(SpmPrincipal p, String token, String key, String agent) {
        return signIn.chooseBinding(p, token, key, agent);
    }

    @Override
    public List<Map<String, Object>> companyStaff(SpmPrincipal by) {
        return companyStaff.staff(by);
    }

    @Override
    public Map<String, Object> inviteStaff(SpmPrincipal by, String username, String displayName, String phone, String agent) {
        return companyStaff.invite(by, username, displayName, phone, agent);
    }

    @Override
    public Map<String, Object> setStaffStatus(SpmPrincipal by, long id, boolean active, String agent) {
        return companyStaff.setStatus(by, id, active, agent);
    }

    @Override
    public Map<String, Object> linkGovernment(SpmPrincipal by, long id, String userId, String agent) {
        return scopes.linkGovernment(by, id, userId, agent);
    }

    @Override
    public Map<String, Object> scopes(long id) {
        return scopes.scopes(id);
    }

    @Override
    public Map<String, Object> setScope(SpmPrincipal by, long id, DataScope scope, String agent) {
        return scopes.setScope(by, id, scope, agent);
    }

    @Override
    public Optional<org.smartproperty.platform.security.AccountIdentity> identity(long accountId) {
        return scopes.identity(accountId);
    }

    @Override
    public void linkExternal(String username, String provider, String uid) {
        scopes.linkExternal(username, provider, uid);
    }

    /**
     * In a {@link #tx} that changes what a token may do (revocation, status, roles, role templates):
     * moves the revision counter and sends the cluster event in the same transaction, so every node
     * forgets its cached principals (within a second through the event, or at its next revision check),
     * and this node forgets them right after the commit.
     */
    void principalsChanged(Connection c) throws SQLException {
        SecurityEvents.principalsChanged(c, cluster, "principals");
        PRINCIPALS_CHANGED.set(Boolean.TRUE);
    }

    PasswordHasher hasher() {
        return hasher;
    }

    /** The answer of a successful login. {@code limited}: only password change / TOTP enrolment are allowed. */
    public record LoginResult(String token, Instant expiresAt, boolean limited, boolean mustChangePassword,
                              boolean totpEnrollmentRequired, String username, Set<Role> roles) {
    }

    // ------------------------------------------------------------------ sign-in and sessions (SignIn)

    public LoginResult login(String username, String password, String totp, String ip, String agent) {
        return signIn.login(username, password, totp, ip, agent);
    }

    /** The principal of a bearer token, or a 401 problem when it is unknown, revoked or expired. */
    public SpmPrincipal authenticate(String token, String ip) {
        return signIn.authenticate(token, ip);
    }

    /** The shell keeps its own session: the token a shell login produced is revoked at once. */
    public void revokeShellToken(String token) {
        signIn.revokeShellToken(token);
    }

    public void logout(SpmPrincipal p, String token, String agent) {
        signIn.logout(p, token, agent);
    }

    public void changePassword(SpmPrincipal p, String current, String next, String agent) {
        signIn.changePassword(p, current, next, agent);
    }

    /** Enrols a TOTP secret for the caller; returns {secret, otpauth}. Existing tokens are revoked: log in again with the code. */
    public Map<String, String> enrollTotp(SpmPrincipal p, String agent) {
        return signIn.enrollTotp(p, agent);
    }

    // ------------------------------------------------------------------ TOTP secrets at rest (TotpSecretsAtRest, issue 10 item 8)

    /** The key file at start, read or created (see {@link TotpSecretsAtRest#prepareTotpKey}). @return whether a usable key ring is there */
    boolean prepareTotpKey() {
        return totpAtRest.prepareTotpKey();
    }

    /** Start: encrypts plain secrets and moves retired keys' values to the current key (see {@link TotpSecretsAtRest#encryptTotpSecrets}). */
    public TotpSecrets.Reencryption encryptTotpSecrets() {
        return totpAtRest.encryptTotpSecrets();
    }

    // ------------------------------------------------------------------ provincial real-name login (RealNameSignIn, INT-IDP)

    /** Remembers the state of a login started now; valid once, for 10 minutes. */
    public String newIdpState(String provider, String redirectUri) {
        return realName.newIdpState(provider, redirectUri);
    }

    /** Spends a state: the redirect URI it was issued for, or a 400 when unknown, used or expired. */
    public String consumeIdpState(String provider, String state) {
        return realName.consumeIdpState(provider, state);
    }

    @Override
    public String newIdpState(String provider, String redirectUri, String returnTo) {
        return realName.newIdpState(provider, redirectUri, returnTo);
    }

    @Override
    public RealNameSignIn.IdpState spendIdpState(String provider, String state) {
        return realName.spendIdpState(provider, state);
    }

    @Override
    public String newHandoff(LoginResult result) {
        return realName.newHandoff(result);
    }

    @Override
    public LoginResult redeemHandoff(String code, String ip, String agent) {
        return realName.redeemHandoff(code, ip, agent);
    }

    /** Logs in (creating on first use) the account of a provincial identity (see {@link RealNameSignIn#loginExternal}). */
    public LoginResult loginExternal(ExternalIdentity id, String ip, String agent) {
        return realName.loginExternal(id, ip, agent);
    }

    // ------------------------------------------------------------------ WeChat mini program login (WechatSignIn, INT-WX, issue 18)

    @Override
    public WechatSignIn.Session wechatSession(String appId, String openid, String ip, String agent) {
        return wechat.session(appId, openid, ip, agent);
    }

    @Override
    public void checkWechatTicket(String appId, String ticket) {
        wechat.checkTicket(appId, ticket);
    }

    @Override
    public LoginResult bindWechat(String appId, String ticket, LoginResult login, String via, String ip, String agent) {
        return wechat.bind(appId, ticket, login, via, ip, agent);
    }

    @Override
    public void unbindWechat(SpmPrincipal p, String appId, String agent) {
        wechat.unbind(p, appId, agent);
    }

    @Override
    public boolean wechatBound(long accountId, String appId) {
        return wechat.bound(accountId, appId);
    }

    @Override
    public Optional<String> wechatOpenId(long accountId, String appId) {
        return wechat.openid(accountId, appId);
    }

    // ------------------------------------------------------------------ accounts (AccountAdministration, AccountContacts)

    /** Account as the admin views show it (no secrets). */
    public record AccountView(long id, String username, String displayName, String status, Set<Role> roles, String scopeKind,
                              Long companyId, Long estateId, Long ownerId, boolean mustChange, Instant lockedUntil,
                              Instant passwordChangedAt, Instant lastLoginAt, boolean totp, String phone) {
    }

    public List<AccountView> accounts() {
        return accounts.accounts();
    }

    @Override
    public org.smartproperty.platform.Page<AccountView> accounts(String text, org.smartproperty.platform.security.Role role, String status,
            org.smartproperty.platform.PageRequest page) {
        return accounts.accounts(text, role, status, page);
    }

    /** Creates an account with a random initial password that must be changed at first login; returns it once. */
    public Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String agent) {
        return accounts.createAccount(by, username, displayName, roles, scope, agent);
    }

    /** As above, with the contact phone SMS notifications go to (optional). */
    public Map<String, Object> createAccount(SpmPrincipal by, String username, String displayName, Set<Role> roles, DataScope scope, String phone,
                                             String agent) {
        return accounts.createAccount(by, username, displayName, roles, scope, phone, agent);
    }

    /** The system admin resets an account's password (SUP-CO-1; see {@link AccountAdministration#resetPassword}). */
    public Map<String, Object> resetPassword(SpmPrincipal by, long id, String agent) {
        return accounts.resetPassword(by, id, agent);
    }

    /** The security admin or system admin sets an account's contact phone (audited, masked in the record). */
    public AccountView setPhone(SpmPrincipal by, long id, String phone, String agent) {
        return accounts.setPhone(by, id, phone, agent);
    }

    public AccountView setStatus(SpmPrincipal by, long id, String status, String agent) {
        return accounts.setStatus(by, id, status, agent);
    }

    /** SECADMIN: replaces the roles of an account; refused when it would combine two admin duties. */
    public AccountView setRoles(SpmPrincipal by, long id, Set<Role> roles, String agent) {
        return accounts.setRoles(by, id, roles, agent);
    }

    @Override
    public boolean ensureAccount(String username, String displayName, Role role, String password, String totpSecret, DataScope scope) {
        return accounts.ensureAccount(username, displayName, role, password, totpSecret, scope);
    }

    @Override
    public void setPhone(String username, String phone) {
        accounts.setPhone(username, phone);
    }

    /** First start: one security admin with a random password, to be changed at first login. @return the password, or null if one exists */
    public String bootstrapSecurityAdmin() {
        return accounts.bootstrapSecurityAdmin();
    }

    @Override
    public Optional<Contact> contact(long accountId) {
        return contacts.contact(accountId);
    }

    @Override
    public List<Contact> accountsOf(DataScope scope) {
        return contacts.accountsOf(scope);
    }

    @Override
    public List<Contact> accountsWithRole(Role role) {
        return contacts.accountsWithRole(role);
    }

    // ------------------------------------------------------------------ role templates, separation of duties (RoleTemplates)

    public Map<Role, Set<String>> rolePermissions() {
        return roleTemplates.rolePermissions();
    }

    /** SECADMIN: replaces a role template; refused when the role, or any account holding it, would combine two duties. */
    public Set<String> setRolePermissions(SpmPrincipal by, Role role, Set<String> perms, String agent) {
        return roleTemplates.setRolePermissions(by, role, perms, agent);
    }

    // ------------------------------------------------------------------ IP bans (NetworkControls)

    /** How long a node keeps the ban list and the admin allow-list ({@link NetworkControls#LIST_CACHE_MILLIS}). */
    static final long LIST_CACHE_MILLIS = NetworkControls.LIST_CACHE_MILLIS;

    public List<Map<String, Object>> bans() {
        return network.bans();
    }

    public String ban(SpmPrincipal by, String cidr, String reason, String agent) {
        return network.ban(by, cidr, reason, agent);
    }

    public void unban(SpmPrincipal by, String cidr, String agent) {
        network.unban(by, cidr, agent);
    }

    public boolean banned(String ip) {
        return network.banned(ip);
    }

    public boolean adminNetworkAllowed(String ip) {
        return network.adminNetworkAllowed(ip);
    }

    // ------------------------------------------------------------------ JDBC helpers

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setObject(i + 1, null);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps.executeUpdate();
        }
    }

    /** Thrown inside a transaction to commit what was written (audit, failure counts) and still answer with the problem. */
    private static final class CommitThenThrow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiException problem;

        CommitThenThrow(ApiException problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }
    }

    static void commitThen(Connection c, ApiException problem) {
        throw new CommitThenThrow(problem);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * One transaction through the platform's {@link Jdbc#transaction}: committed when {@code work}
     * returns or ends with {@link #commitThen} (its problem is thrown after the commit: a failed
     * login is recorded, then refused), rolled back on any other exception.
     */
    <T> T tx(Work<T> work) {
        ApiException[] afterCommit = new ApiException[1];
        T result;
        try {
            result = Jdbc.transaction(dataSource, c -> {
                try {
                    return work.run(c);
                } catch (CommitThenThrow e) {
                    afterCommit[0] = e.problem;
                    return null;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (PRINCIPALS_CHANGED.get() != null) {
                PRINCIPALS_CHANGED.remove();
                principals.changedHere();
            }
        }
        if (afterCommit[0] != null) {
            throw afterCommit[0];
        }
        return result;
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String randomPassword() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", sym = "@#%+=!";
        String all = upper + lower + digits + sym;
        StringBuilder sb = new StringBuilder();
        sb.append(upper.charAt(RANDOM.nextInt(upper.length()))).append(lower.charAt(RANDOM.nextInt(lower.length())))
                .append(digits.charAt(RANDOM.nextInt(digits.length()))).append(sym.charAt(RANDOM.nextInt(sym.length())));
        for (int i = 0; i < 12; i++) {
            sb.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return sb.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
