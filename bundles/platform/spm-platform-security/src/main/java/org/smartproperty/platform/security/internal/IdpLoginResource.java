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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
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
 */
@Component(service = IdpLoginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("auth/idp")
@Produces(MediaType.APPLICATION_JSON)
public class IdpLoginResource {

    @Reference
    private SecurityServiceImpl security;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<IdentityProvider> providers = new CopyOnWriteArrayList<>();

    @Context
    private HttpServletRequest servlet;

    private IdentityProvider provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> Sec.problem(404, "idp.unknown", id));
    }

    @GET
    @Path("{provider}/authorize")
    @PublicAccess
    @Doc(summary = "Start a provincial real-name login: the provider URL to send the browser to", requirements = {"INT-IDP", "OWN-1"})
    public Map<String, String> authorize(@PathParam("provider") String providerId, @Context UriInfo uri) {
        IdentityProvider p = provider(providerId);
        URI callback = uri.getBaseUriBuilder().path("auth/idp").path(providerId).path("callback").build();
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
        return security.loginExternal(identity, servlet == null ? null : servlet.getRemoteAddr(), agent);
    }

}
