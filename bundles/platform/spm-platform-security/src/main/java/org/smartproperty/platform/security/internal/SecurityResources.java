package org.smartproperty.platform.security.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.RestrictedNetwork;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/** REST of the security core: login, self-service, accounts, roles, audit, IP bans (OPS-1). */
public final class SecurityResources {

    private SecurityResources() {
    }

    /** Login body. */
    public record LoginInput(String username, String password, String totp) {
    }

    /** Password change body. */
    public record PasswordInput(String currentPassword, String newPassword) {
    }

    /** Account creation body. */
    public record AccountInput(String username, String displayName, Set<Role> roles, DataScope.Kind scope, Long companyId,
                               Long estateId, Long ownerId, String phone, Long developerId) {
    }

    /** Stored scope body of {@code PUT /accounts/{id}/scopes} (issue 12 item 5). */
    public record ScopeInput(DataScope.Kind kind, Long companyId, Long estateId, Long ownerId, Long developerId) {
    }

    /** Government-side user id body of {@code PUT /accounts/{id}/government-id}. */
    public record GovernmentIdInput(String userId) {
    }

    /** Binding choice body of {@code POST /auth/me/binding}. */
    public record BindingInput(String key) {
    }

    /** A stored scope from its kind and ids; a kind without its id is a 400 naming the field. */
    static DataScope scope(DataScope.Kind kind, Long companyId, Long estateId, Long ownerId, Long developerId) {
        DataScope.Kind k = kind == null ? DataScope.Kind.NONE : kind;
        org.smartproperty.platform.Validation v = new org.smartproperty.platform.Validation(Messages.PLATFORM);
        switch (k) {
            case COMPANY -> v.required("companyId", companyId);
            case COMMITTEE -> v.required("estateId", estateId);
            case OWNER -> v.required("ownerId", ownerId);
            case DEVELOPER -> v.required("developerId", developerId);
            default -> { }
        }
        v.throwIfInvalid();
        return AccountRows.scope(k, companyId, estateId, ownerId, developerId);
    }

    /** Ban body. */
    public record PhoneInput(String phone) {
    }

    public record BanInput(String cidr, String reason) {
    }

    static String ip(SecurityContext sc) {
        return sc.getUserPrincipal() instanceof SpmPrincipal p ? p.clientIp() : null;
    }

    @Component(service = AuthResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("auth")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class AuthResource {

        @Reference
        private SecurityService security;

        @Context
        private javax.servlet.http.HttpServletRequest servlet;

        @POST
        @Path("login")
        @PublicAccess
        @Doc(summary = "Log in with user name, password and (admins) TOTP; returns a bearer token", requirements = "OPS-1")
        public SecurityServiceImpl.LoginResult login(LoginInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
            Validation v = new Validation(Messages.PLATFORM);
            if (in == null) {
                v.required("$", null);
            } else {
                // lengths before any query (issue 20 item 7): no account name is longer than 64, no password policy needs more than 128
                if (v.required("username", in.username())) {
                    v.maxLength("username", in.username(), 64);
                }
                if (v.required("password", in.password())) {
                    v.maxLength("password", in.password(), 128);
                }
                v.maxLength("totp", in.totp(), 16);
            }
            v.throwIfInvalid();
            String ip = servlet == null ? null : security.clientAddress(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For"));
            return security.login(in.username(), in.password(), in.totp(), ip, agent);
        }

        @POST
        @Path("logout")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "Revoke the current token")
        public Map<String, Object> logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                          @Context SecurityContext sc) {
            security.logout(Caller.of(sc), SecurityFilter.bearer(auth), agent);
            return Map.of("loggedOut", true);
        }

        @GET
        @Path("me")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "Who am I: roles, permissions, data scope")
        public SpmPrincipal me(@Context SecurityContext sc) {
            return Caller.of(sc);
        }

        @GET
        @Path("me/bindings")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "What the caller's account may act as (its stored scope; an owner's verified houses, a committee in office, "
                + "a company, a developer) and which one this session acts as", requirements = "OWN-1, COS-1, OCS-1, DEV-1")
        public Map<String, Object> bindings(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @Context SecurityContext sc) {
            return security.bindings(Caller.of(sc), SecurityFilter.bearer(auth));
        }

        @POST
        @Path("me/binding")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "Act as another of the account's bindings from the next request on; body {\"key\": \"committee:7\"}; "
                + "404 binding.unknown for a key the account does not hold now", requirements = "OWN-1, OCS-1")
        public Map<String, Object> chooseBinding(BindingInput in, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                                 @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            String token = SecurityFilter.bearer(auth);
            security.chooseBinding(Caller.of(sc), token, in == null ? null : in.key(), agent);
            return security.bindings(Caller.of(sc), token);
        }

        @POST
        @Path("password")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "Change the own password (policy, history of 5); revokes every token of the account")
        public Map<String, Object> password(PasswordInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            if (in == null) {
                throw ApiException.invalid(Messages.PLATFORM, "$", "field.required");
            }
            security.changePassword(Caller.of(sc), in.currentPassword(), in.newPassword(), agent);
            return Map.of("changed", true);
        }

        @POST
        @Path("totp")
        @RequiresPermission(SecurityServiceImpl.SELF)
        @Doc(summary = "Enrol a TOTP second factor (RFC 6238); log in again with the code")
        public Map<String, String> totp(@HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            return security.enrollTotp(Caller.of(sc), agent);
        }
    }

    @Component(service = AccountResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("accounts")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RestrictedNetwork
    public static class AccountResource {

        @Reference
        private SecurityService security;

        @GET
        @RequiresPermission("account:list")
        @Doc(summary = "Accounts with their technical state (no secrets), paged", requirements = "OPS-1",
                description = "Filters: q (part of the username or display name, case-insensitive), role, status (ACTIVE, DISABLED). "
                        + "sort: id (default), username, status, lastLoginAt (prefix - for descending).")
        public org.smartproperty.platform.Page<SecurityServiceImpl.AccountView> list(@QueryParam("q") String q,
                @QueryParam("role") String role, @QueryParam("status") String status, @QueryParam("page") String page,
                @QueryParam("size") String size, @QueryParam("sort") String sort) {
            PageRequest pr = PageRequest.parse(page, size, sort, AccountAdministration.SORT.keySet());
            Validation v = new Validation(Messages.PLATFORM);
            Role held = org.smartproperty.platform.rest.QueryParams.optionalEnum(v, "role", role, Role.class);
            if (status != null && !status.isBlank() && !Set.of("ACTIVE", "DISABLED").contains(status)) {
                v.error("status", "field.enum", "ACTIVE, DISABLED");
            }
            v.throwIfInvalid();
            return security.accounts(q, held, status == null || status.isBlank() ? null : status, pr);
        }

        @POST
        @RequiresPermission("account:manage")
        @Doc(summary = "Create an account (system admin) without admin roles (三权分立: the security admin grants those); "
                + "the initial password is shown once and must be changed", requirements = "OPS-1")
        public Map<String, Object> create(AccountInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            if (in == null) {
                throw ApiException.invalid(Messages.PLATFORM, "$", "field.required");
            }
            Set<Role> roles = in.roles() == null ? Set.of() : EnumSet.copyOf(in.roles().isEmpty() ? EnumSet.noneOf(Role.class) : in.roles());
            DataScope.Kind kind = in.scope() == null ? DataScope.Kind.NONE : in.scope();
            DataScope scope = AccountRows.scope(kind, in.companyId(), in.estateId(), in.ownerId(), in.developerId());
            return security.createAccount(Caller.of(sc), in.username(), in.displayName(), roles, scope, in.phone(), agent);
        }

        @POST
        @Path("{id}/reset-password")
        @RequiresPermission(value = "account:manage", or = "security:roles") // admin accounts: security admin only (AccountAdministration.mayActOn)
        @Doc(summary = "Reset an account's password (system admin): a new initial password shown once, to be changed at the next login; "
                + "unlocks the account and revokes its tokens", requirements = "SUP-CO-1, OPS-1")
        public Map<String, Object> resetPassword(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                                 @Context SecurityContext sc) {
            return security.resetPassword(Caller.of(sc), Api.id(id, "objects.account"), agent);
        }

        @PUT
        @Path("{id}/phone")
        @RequiresPermission(value = "account:manage", or = "security:roles") // admin accounts: security admin only (AccountAdministration.mayActOn)
        @Doc(summary = "Set the contact phone SMS notifications of the account go to; body {\"phone\": \"13800001234\"}", requirements = "SLA-3, INT-SMS")
        public SecurityServiceImpl.AccountView phone(@PathParam("id") String id, PhoneInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                                     @Context SecurityContext sc) {
            return security.setPhone(Caller.of(sc), Api.id(id, "objects.account"), in == null ? null : in.phone(), agent);
        }

        @POST
        @Path("{id}/disable")
        @RequiresPermission(value = "account:manage", or = "security:roles") // admin accounts: security admin only (AccountAdministration.mayActOn)
        @Doc(summary = "Disable an account and revoke its tokens")
        public SecurityServiceImpl.AccountView disable(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            return security.setStatus(Caller.of(sc), Api.id(id, "objects.account"), "DISABLED", agent);
        }

        @POST
        @Path("{id}/enable")
        @RequiresPermission(value = "account:manage", or = "security:roles") // admin accounts: security admin only (AccountAdministration.mayActOn)
        @Doc(summary = "Enable (and unlock) an account")
        public SecurityServiceImpl.AccountView enable(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            return security.setStatus(Caller.of(sc), Api.id(id, "objects.account"), "ACTIVE", agent);
        }

        @GET
        @Path("{id}/scopes")
        @RequiresPermission("account:manage")
        @Doc(summary = "The data scope of an account: the stored one, what the registries bind to its real-name identity now "
                + "(verified houses, committee in office, company, developer) and the identity (masked)", requirements = "OWN-1, COS-1, OCS-1, DEV-1")
        public Map<String, Object> scopes(@PathParam("id") String id) {
            return security.scopes(Api.id(id, "objects.account"));
        }

        @PUT
        @Path("{id}/scopes")
        @RequiresPermission("account:manage")
        @Doc(summary = "Set the stored data scope of an account (system admin); body {kind, companyId | estateId | ownerId | developerId}. "
                + "Refused on the own account and admin accounts (403) and when the scope does not fit the roles (409 scope.roleMismatch); "
                + "audited; the account's sessions follow at once", requirements = "OPS-1")
        public Map<String, Object> setScopes(@PathParam("id") String id, ScopeInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                             @Context SecurityContext sc) {
            if (in == null) {
                throw ApiException.invalid(Messages.PLATFORM, "$", "field.required");
            }
            DataScope scope = scope(in.kind(), in.companyId(), in.estateId(), in.ownerId(), in.developerId());
            return security.setScope(Caller.of(sc), Api.id(id, "objects.account"), scope, agent);
        }

        @PUT
        @Path("{id}/government-id")
        @RequiresPermission("account:manage")
        @Doc(summary = "Link a regulator staff account to its 粤政易 user id, so the government-side login (gd-zwy) signs in as it; "
                + "body {\"userId\": \"…\"}, blank = unlink. 409 idp.staffOnly for an account that is not REGULATOR/OFFICER/INSPECTOR, "
                + "409 account.externalTaken for a user id linked to another account; SoD as for the other account changes; audited",
                requirements = "INT-IDP")
        public Map<String, Object> governmentId(@PathParam("id") String id, GovernmentIdInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                                @Context SecurityContext sc) {
            return security.linkGovernment(Caller.of(sc), Api.id(id, "objects.account"), in == null ? null : in.userId(), agent);
        }

        @PUT
        @Path("{id}/roles")
        @RequiresPermission("security:roles")
        @Doc(summary = "Replace the roles of an account (security admin); two admin duties, the caller's own account, and an admin role "
                + "for an account still on its initial password are refused (三权分立)", requirements = "OPS-1")
        public SecurityServiceImpl.AccountView roles(@PathParam("id") String id, Set<Role> roles, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                                                     @Context SecurityContext sc) {
            return security.setRoles(Caller.of(sc), Api.id(id, "objects.account"), roles == null ? Set.of() : roles, agent);
        }
    }

    /** Staff invitation body. */
    public record StaffInput(String username, String displayName, String phone) {
    }

    /**
     * {@code /api/v1/company/staff} (COS-1, issue 12 item 2): the company's administrator (the legal
     * person's real-name session acting as its company) invites and disables its own staff accounts.
     * Not on the admin network: companies reach it from the portal.
     */
    @Component(service = CompanyStaffResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("company/staff")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class CompanyStaffResource {

        @Reference
        private SecurityService security;

        @GET
        @RequiresPermission(CompanyStaff.PERMISSION)
        @Doc(summary = "The staff accounts of the caller's company (phones masked)", requirements = "COS-1")
        public List<Map<String, Object>> list(@Context SecurityContext sc) {
            return security.companyStaff(Caller.of(sc));
        }

        @POST
        @RequiresPermission(CompanyStaff.PERMISSION)
        @Doc(summary = "Invite a staff account of the caller's company: role COMPANY, the company's scope, an initial password shown once "
                + "and changed at the first login; 409 account.duplicate for a taken username", requirements = "COS-1")
        public Map<String, Object> invite(StaffInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            if (in == null) {
                throw ApiException.invalid(Messages.PLATFORM, "$", "field.required");
            }
            return security.inviteStaff(Caller.of(sc), in.username(), in.displayName(), in.phone(), agent);
        }

        @POST
        @Path("{id}/disable")
        @RequiresPermission(CompanyStaff.PERMISSION)
        @Doc(summary = "Disable a staff account of the caller's company and revoke its sessions; any other account is 404", requirements = "COS-1")
        public Map<String, Object> disable(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            return security.setStaffStatus(Caller.of(sc), Api.id(id, "objects.account"), false, agent);
        }

        @POST
        @Path("{id}/enable")
        @RequiresPermission(CompanyStaff.PERMISSION)
        @Doc(summary = "Enable a staff account of the caller's company again; any other account is 404", requirements = "COS-1")
        public Map<String, Object> enable(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            return security.setStaffStatus(Caller.of(sc), Api.id(id, "objects.account"), true, agent);
        }
    }

    @Component(service = RoleResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("roles")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RestrictedNetwork
    public static class RoleResource {

        @Reference
        private SecurityService security;

        @GET
        @RequiresPermission("security:roles")
        @Doc(summary = "Role templates: the permissions of each role")
        public Map<Role, Set<String>> list() {
            return security.rolePermissions();
        }

        @PUT
        @Path("{role}/permissions")
        @RequiresPermission("security:roles")
        @Doc(summary = "Replace a role's permissions; refused when it would give any account two admin duties")
        public Set<String> set(@PathParam("role") String role, Set<String> permissions, @HeaderParam(HttpHeaders.USER_AGENT) String agent,
                               @Context SecurityContext sc) {
            Role r;
            try {
                r = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw Sec.problem(404, "role.unknown", role);
            }
            return security.setRolePermissions(Caller.of(sc), r, permissions == null ? Set.of() : permissions, agent);
        }
    }

    @Component(service = AuditResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RestrictedNetwork
    public static class AuditResource {

        @Reference
        private AuditLog audit;

        /** Every bundle's contribution (issue 10 item 1): the audit object kinds they write. */
        @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
                policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
                policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
        private volatile List<org.smartproperty.platform.contrib.Contribution> contributions;

        @GET
        @Path("object-kinds")
        @RequiresPermission("audit:read")
        @Doc(summary = "The audit object kinds (objectType) the installed bundles contribute, with their label in the caller's language")
        public List<Map<String, String>> objectKinds(@Context HttpHeaders headers) {
            // the label in the negotiated language (issue 12 item 8): zh-CN, zh-TW, pt or en
            String lang = org.smartproperty.platform.Messages.languageKey(
                    org.smartproperty.platform.Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
            Map<String, Map<String, String>> kinds = new java.util.TreeMap<>();
            List<org.smartproperty.platform.contrib.Contribution> all = contributions;
            for (org.smartproperty.platform.contrib.Contribution c : all == null ? List.<org.smartproperty.platform.contrib.Contribution>of() : all) {
                for (org.smartproperty.platform.contrib.Contribution.AuditKindDef k : c.auditKinds()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("kind", k.kind());
                    m.put("label", k.labels().getOrDefault(lang, k.labels().get("zh-CN")));
                    m.put("bundle", c.bundle());
                    kinds.putIfAbsent(k.kind(), m);
                }
            }
            return List.copyOf(kinds.values());
        }

        /** The audit object kinds of the active bundles' contributions (empty while none is known). */
        private Set<String> knownKinds() {
            Set<String> kinds = new java.util.TreeSet<>();
            List<org.smartproperty.platform.contrib.Contribution> all = contributions;
            for (org.smartproperty.platform.contrib.Contribution c : all == null ? List.<org.smartproperty.platform.contrib.Contribution>of() : all) {
                c.auditKinds().forEach(k -> kinds.add(k.kind()));
            }
            return kinds;
        }

        @GET
        @RequiresPermission("audit:read")
        @Doc(summary = "The audit log, newest first; filters actor, action (* wildcard), objectType (one of GET /audit/object-kinds, "
                + "else 400), objectId, from, to (ISO-8601)")
        public Map<String, Object> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                        @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("page") String page, @QueryParam("size") String size,
                                        @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            PageRequest pr = PageRequest.parse(page, size, null, Set.of());
            Validation v = new Validation(Messages.PLATFORM);
            java.time.Instant f = instant(v, "from", from);
            java.time.Instant t = instant(v, "to", to);
            Set<String> kinds = knownKinds();
            if (blank(objectType) != null && !kinds.isEmpty() && !kinds.contains(objectType.trim())) {
                // a misspelt kind would otherwise answer an empty page, as if nothing had happened to such objects
                v.error("objectType", "field.enum", String.join(", ", kinds));
            }
            v.throwIfInvalid();
            Map<String, Object> result = audit.query(blank(actor), blank(action), objectType == null ? null : blank(objectType.trim()), blank(objectId), f, t, pr.page(), pr.size());
            readBy(sc, agent, "audit.read", org.smartproperty.platform.security.AuditEvent.summary("action", blank(action), "actor", blank(actor)));
            return result;
        }

        @GET
        @Path("export")
        @Produces("application/x-ndjson")
        @RequiresPermission("audit:export")
        @Doc(summary = "Export the audit log between from and to (ISO-8601) as JSON lines, oldest first, with hashes for offline verification")
        public javax.ws.rs.core.StreamingOutput export(@QueryParam("from") String from, @QueryParam("to") String to,
                                                      @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            Validation v = new Validation(Messages.PLATFORM);
            java.time.Instant f = instant(v, "from", from);
            java.time.Instant t = instant(v, "to", to);
            v.throwIfInvalid();
            readBy(sc, agent, "audit.export", org.smartproperty.platform.security.AuditEvent.summary("from", from, "to", to));
            return out -> audit.export(f, t, out);
        }

        @GET
        @Path("verify")
        @RequiresPermission("audit:read")
        @Doc(summary = "Walk the hash chain and report the first broken link")
        public AuditChain.Verification verify(@HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            AuditChain.Verification result = audit.verify();
            readBy(sc, agent, "audit.verify", org.smartproperty.platform.security.AuditEvent.summary("intact", result.intact()));
            return result;
        }

        /** The auditor's own reading is audited too (三权分立: every admin duty leaves a trace). */
        private void readBy(SecurityContext sc, String agent, String action, String summary) {
            SpmPrincipal p = Caller.of(sc);
            audit.append(new org.smartproperty.platform.security.AuditEvent(p.username(), p.clientIp(), agent, action, "audit", null, "OK", summary));
        }


        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        private static java.time.Instant instant(Validation v, String field, String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(raw.trim()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                v.error(field, "field.type", "ISO-8601 date-time");
                return null;
            }
        }
    }

    @Component(service = IpBanResource.class)
    @JaxrsResource
    @JaxrsApplicationSelect(Api.APPLICATION_SELECT)
    @JaxrsExtensionSelect(Api.JSON_SELECT)
    @Path("ops/ip-bans")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RestrictedNetwork
    public static class IpBanResource {

        @Reference
        private SecurityService security;

        @GET
        @RequiresPermission("ops:ip-ban")
        @Doc(summary = "The ban list (OPS-1 IP checks)", requirements = "OPS-1")
        public List<Map<String, Object>> list() {
            return security.bans();
        }

        @POST
        @RequiresPermission("ops:ip-ban")
        @Doc(summary = "Ban an IP address or CIDR range; 400 ban.tooBroad / ban.loopback / ban.operator for a range wider than "
                + "ban.minPrefixIpv4/6, touching loopback, or holding the caller's address (issue 20 item 9)", requirements = "OPS-1")
        public Map<String, Object> ban(BanInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            // the range as stored (trimmed), never in.cidr() again: in may be null (an empty body is 400 ban.format from ban)
            String banned = security.ban(Caller.of(sc), in == null ? null : in.cidr(), in == null ? null : in.reason(), agent);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("banned", banned);
            return m;
        }

        @DELETE
        @RequiresPermission("ops:ip-ban")
        @Doc(summary = "Lift a ban: ?cidr=", requirements = "OPS-1")
        public Map<String, Object> unban(@QueryParam("cidr") String cidr, @HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
            security.unban(Caller.of(sc), cidr, agent);
            return Map.of("unbanned", cidr == null ? "" : cidr);
        }
    }
}
