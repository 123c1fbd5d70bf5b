package org.smartproperty.platform.security.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.security.ExternalIdentity;
import org.smartproperty.platform.security.IdentityProvider;
import org.smartproperty.platform.security.IdentityProviderException;

/**
 * Provincial real-name login (INT-IDP, OWN-1, COS-1, OCS-1, DEV-1): {@code authorize} gives the
 * provider's login URL with a one-time state; the provider sends the browser back to
 * {@code callback} with a code, which is exchanged for the identity and turned into a session.
 * The callback address is built from the configured public base URL (PID {@code org.smartproperty.web},
 * {@code public.baseUrl}), never from the request's Host header (issue 20 item 3).
 */
@Component(service = IdpLoginResource.class, configurationPid = IdpLoginResource.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdpLoginResource.WebConfig.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("auth/idp")
@Produces(MediaType.APPLICATION_JSON)
public class IdpLoginResource {

    static final String PID = "org.smartproperty.web";
    private static final Logger LOG = LoggerFactory.getLogger(IdpLoginResource.class);

    /** PID {@code org.smartproperty.web}: where the outside world reaches the platform. */
    @ObjectClassDefinition(name = "SmartProperty public address")
    public @interface WebConfig {
        @AttributeDefinition(description = "The public base URL of the platform as browsers reach it, e.g. https://wuye.hengqin.gov.cn "
                + "(the balancer's address in production). Provider callbacks are built from it; empty = http://localhost:<local port>, "
                + "which only a browser on the node itself can follow")
        String public_baseUrl() default "";
    }

    private volatile URI publicBase;

    @Reference
    private SecurityService security;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<IdentityProvider> providers = new CopyOnWriteArrayList<>();

    @Context
    private HttpServletRequest servlet;

    @Activate
    @Modified
    void configure(WebConfig config) {
        publicBase = publicBase(config.public_baseUrl());
        if (publicBase == null) {
            LOG.info("org.smartproperty.web public.baseUrl is not set: provincial login callbacks go to http://localhost:<port>");
        }
    }

    /** The configured base, or null when unset; a value that is no absolute http(s) URL is refused (logged) and treated as unset. */
    static URI publicBase(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(configured.trim().replaceAll("/+$", ""));
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getQuery() != null || u.getFragment() != null) {
                throw new IllegalArgumentException("not an absolute http(s) base URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            LOG.error("org.smartproperty.web public.baseUrl '{}' refused: {}", configured, e.getMessage());
            return null;
        }
    }

    /**
     * {@code <base>/api/v1/auth/idp/<provider>/callback}: from the configured base, or the node's own
     * loopback address and local port; nothing of the request's headers goes in.
     */
    static URI callback(URI base, int localPort, String providerId) {
        String root = base != null ? base.toString() : "http://localhost:" + localPort;
        return URI.create(root + org.smartproperty.platform.rest.Api.APPLICATION_BASE + "/auth/idp/" + providerId + "/callback");
    }

    private IdentityProvider provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> Sec.problem(404, "idp.unknown", id));
    }

    @GET
    @Path("{provider}/authorize")
    @PublicAccess
    @Doc(summary = "Start a provincial real-name login: the provider URL to send the browser to", requirements = {"INT-IDP", "OWN-1"})
    public Map<String, String> authorize(@PathParam("provider") String providerId) {
        IdentityProvider p = provider(providerId);
        URI callback = callback(publicBase, servlet.getLocalPort(), p.id());
        String state = security.newIdpState(providerId, callback.toString());
        return Map.of("url", p.authorizationUri(state, callback).toString(), "state", state);
    }

    @GET
    @Path("{provider}/callback")
    @PublicAccess
    @Doc(summary = "Where the provider returns the browser: exchanges the code, links or creates the account, returns a token",
            requirements = {"INT-IDP", "OWN-1"})
    public SecurityServiceImpl.LoginResult callback(@PathParam("provider") String providerId, @QueryParam("code") String code,
                                                    @QueryParam("state") String state, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        IdentityProvider p = provider(providerId);
        String redirect = security.consumeIdpState(providerId, state);
        ExternalIdentity identity;
        try {
            identity = p.exchange(code, URI.create(redirect));
        } catch (IdentityProviderException e) {
            throw Sec.problem(502, "idp.failed", e.errcode(), e.getMessage());
        }
        return security.loginExternal(identity, servlet == null ? null : security.clientAddress(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For")),
                agent);
    }

}
