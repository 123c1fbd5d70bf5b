package org.smartproperty.platform.security.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.RestrictedNetwork;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Every /api/v1 request: ban list, admin-network allow-list, bearer-token authentication and the
 * method's declared permission. A method without {@link RequiresPermission} or
 * {@link PublicAccess} is refused (deny by default). Denials are audited.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("spm.security")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class SecurityFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Reference
    private SecurityService security;

    @Reference
    private AuditTrail audit;

    @Override
    public void filter(ContainerRequestContext request) {
        String ip = servletRequest == null ? null : security.clientAddress(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"));
        String agent = request.getHeaderString(HttpHeaders.USER_AGENT);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (security.banned(ip)) {
            audit.append(new AuditEvent("anonymous", ip, agent, "network.banned", "path", path, "DENIED", null));
            throw Sec.problem(403, "network.banned", ip);
        }
        Method m = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (m == null) {
            return; // no resource matched: 404 follows
        }
        Class<?> type = resourceInfo.getResourceClass();
        if (m.isAnnotationPresent(RestrictedNetwork.class) || (type != null && type.isAnnotationPresent(RestrictedNetwork.class))) {
            if (!security.adminNetworkAllowed(ip)) {
                audit.append(new AuditEvent("anonymous", ip, agent, "network.denied", "path", path, "DENIED", null));
                throw Sec.problem(403, "network.denied", ip);
            }
        }
        String bearer = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (m.isAnnotationPresent(PublicAccess.class)) {
            if (bearer != null) {
                try {
                    install(request, security.authenticate(bearer, ip));
                } catch (RuntimeException ignored) {
                    // a stale token, or a database that cannot check it (OPS-4), does not stop a public call
                }
            }
            return;
        }
        RequiresPermission rp = m.getAnnotation(RequiresPermission.class);
        if (rp == null) {
            audit.append(new AuditEvent("anonymous", ip, agent, "access.undeclared", "path", path, "DENIED", null));
            throw Sec.problem(403, "auth.noPermissionDeclared");
        }
        if (bearer == null) {
            throw Sec.problem(401, "auth.required");
        }
        SpmPrincipal p = security.authenticate(bearer, ip);
        if (!p.can(rp.value()) && java.util.Arrays.stream(rp.or()).noneMatch(p::can)) {
            audit.append(new AuditEvent(p.username(), ip, agent, "access.denied", "path", request.getMethod() + " " + path, "DENIED",
                    AuditEvent.summary("needs", rp.value())));
            boolean limited = p.permissions().size() == 1 && p.can(SecurityServiceImpl.SELF);
            throw limited ? Sec.problem(403, "auth.limited") : Sec.problem(403, "auth.forbidden", rp.value());
        }
        install(request, p);
    }

    private static void install(ContainerRequestContext request, SpmPrincipal p) {
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return p;
            }

            @Override
            public boolean isUserInRole(String role) {
                return p.roles().stream().anyMatch(r -> r.name().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }
}
