package org.smartproperty.platform.security.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
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
 *
 * <p>The browser apps (issue 13 item 2) start the login with {@code returnTo}, a page of the platform: the callback then
 * answers 303 to that page with a one-time {@code handoff} code (or the problem code as {@code idpError}), and the page
 * redeems the code with {@code POST handoff} for the login answer. No token ever travels in a URL.
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

    /** For Declarative Services. */
    public IdpLoginResource() {
    }

    /** For tests: the service, the providers and the configured public base (null = loopback). */
    IdpLoginResource(SecurityService security, List<IdentityProvider> providers, URI publicBase) {
        this.security = security;
        this.providers.addAll(providers);
        this.publicBase = publicBase;
    }

    /** The longest {@code returnTo}. */
    static final int RETURN_TO_MAX = 200;

    /** Body of {@code POST /auth/idp/handoff}. */
    public record HandoffInput(String code) {
    }

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

    /**
     * A page of this platform to go back to after the login, or null when none is asked for: a relative path (a single
     * "/" first), no "//", no backslash, no "..", no fragment, no encoded dot, slash or backslash, no control character
     * or space, at most {@value #RETURN_TO_MAX} characters; anything else is a 400 {@code idp.returnTo} on {@code returnTo}.
     */
    static String returnTo(String v) {
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        boolean ok = v.length() <= RETURN_TO_MAX && v.startsWith("/") && !v.contains("//") && !v.contains("\\") && !v.contains("..")
                && !v.contains("#") && !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c")
                && v.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f);
        if (!ok) {
            throw ApiException.invalid(Sec.TEXTS, "returnTo", "idp.returnTo");
        }
        return v;
    }

    /** Where the browser goes back to: the public base (or the loopback root, as the callback) + the page + one parameter. */
    static String backTo(URI base, int localPort, String returnTo, String name, String value) {
        String root = base != null ? base.toString() : "http://localhost:" + localPort;
        return root + returnTo + (returnTo.contains("?") ? "&" : "?") + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private int localPort() {
        return servlet == null ? 0 : servlet.getLocalPort();
    }

    @GET
    @Path("{provider}/authorize")
    @PublicAccess
    @Doc(summary = "Start a provincial real-name login: the provider URL to send the browser to; with returnTo (a page of the platform) "
            + "the callback sends the browser back there with a one-time handoff code", requirements = {"INT-IDP", "OWN-1"})
    public Map<String, String> authorize(@PathParam("provider") String providerId, @QueryParam("returnTo") String returnTo) {
        IdentityProvider p = provider(providerId);
        String back = returnTo(returnTo);
        URI callback = callback(publicBase, localPort(), p.id());
        String state = security.newIdpState(providerId, callback.toString(), back);
        return Map.of("url", p.authorizationUri(state, callback).toString(), "state", state);
    }

    @GET
    @Path("{provider}/callback")
    @PublicAccess
    @Doc(summary = "Where the provider returns the browser: exchanges the code, links or creates the account, returns a token; "
            + "a login started with returnTo answers 303 to that page with ?handoff=<one-time code> or ?idpError=<problem code>",
            requirements = {"INT-IDP", "OWN-1"})
    public Response callback(@PathParam("provider") String providerId, @QueryParam("code") String code,
                             @QueryParam("state") String state, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        CallbackAnswer answer = answer(providerId, code, state, agent);
        return answer.location() == null ? Response.ok(answer.login()).build() : seeOther(answer.location());
    }

    /** What the callback answers: the login answer (JSON), or where the browser goes (303) when the login was started with returnTo. */
    record CallbackAnswer(SecurityServiceImpl.LoginResult login, String location) {
    }

    /** The callback without its HTTP form (the unit tests call it). */
    CallbackAnswer answer(String providerId, String code, String state, String agent) {
        IdentityProvider p = provider(providerId);
        RealNameSignIn.IdpState spent = security.spendIdpState(providerId, state); // unknown: the JSON problem, there is nowhere to go back to
        String back = spent.returnTo();
        try {
            if (spent.expired()) {
                throw ApiException.invalid(Sec.TEXTS, "state", "idp.state");
            }
            ExternalIdentity identity;
            try {
                identity = p.exchange(code, URI.create(spent.redirectUri()));
            } catch (IdentityProviderException e) {
                throw Sec.problem(502, "idp.failed", e.errcode(), e.getMessage());
            }
            SecurityServiceImpl.LoginResult result = security.loginExternal(identity,
                    servlet == null ? null : security.clientAddress(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For")), agent);
            if (back == null) {
                return new CallbackAnswer(result, null);
            }
            return new CallbackAnswer(null, backTo(publicBase, localPort(), back, "handoff", security.newHandoff(result)));
        } catch (ApiException e) {
            if (back == null) {
                throw e;
            }
            String problem = problemCode(e);
            LOG.debug("provincial login via {} refused: {}", providerId, problem);
            return new CallbackAnswer(null, backTo(publicBase, localPort(), back, "idpError", problem));
        }
    }

    /** The code a page shows the text of: the field error's of a one-field 400 ({@code idp.state}), else the problem's. */
    static String problemCode(ApiException e) {
        return e.errors().size() == 1 && "problem.validation".equals(e.code()) ? e.errors().get(0).code() : e.code();
    }

    private static Response seeOther(String location) {
        // the Location as it is: JAX-RS would resolve a relative one against the request (its Host header)
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, location).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    @POST
    @Path("handoff")
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(summary = "Redeem the one-time handoff code of a real-name login started with returnTo (valid 60 s, once): the login answer "
            + "the callback gives without returnTo; 400 idp.handoff when the code is unknown, expired or used", requirements = {"INT-IDP", "OWN-1"})
    public SecurityServiceImpl.LoginResult handoff(HandoffInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        Validation v = new Validation(Messages.PLATFORM);
        if (in == null) {
            v.required("$", null);
        } else {
            v.required("code", in.code());
        }
        v.throwIfInvalid();
        if (in.code().length() > 64) {
            throw ApiException.invalid(Sec.TEXTS, "code", "idp.handoff");
        }
        return security.redeemHandoff(in.code(),
                servlet == null ? null : security.clientAddress(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For")), agent);
    }

}
