package org.smartproperty.platform.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.IdentityProviderException;
import org.smartproperty.platform.security.WechatSessions;

/**
 * The WeChat mini program login (INT-WX, issue 18): {@code POST session} turns the code of {@code wx.login} into a login when
 * the openid is bound, else into a one-time ticket; {@code POST bind} spends the ticket with a real-name handoff code (the
 * provincial login run in the mini program's web-view: {@code GET /auth/idp/{provider}/authorize?returnTo=…}) or with an
 * organisation account's user name and password (the checks of {@code POST /auth/login}); {@code DELETE binding} unbinds.
 * The openid and WeChat's session key never reach the client. WeChat answers through the {@link WechatSessions} adapter
 * (absent: 503).
 */
@Component(service = WechatLoginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("auth/wechat")
@Produces(MediaType.APPLICATION_JSON)
public class WechatLoginResource {

    private static final Logger LOG = LoggerFactory.getLogger(WechatLoginResource.class);

    /** Body of {@code POST session}. */
    public record SessionInput(String code) {
    }

    /** Body of {@code POST bind}: the ticket and either the handoff code or user name and password (and TOTP when enrolled). */
    public record BindInput(String ticket, String handoff, String username, String password, String totp) {
    }

    @Reference
    private SecurityService security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WechatSessions wechat;

    @Context
    private HttpServletRequest servlet;

    public WechatLoginResource() {
    }

    /** For tests. */
    WechatLoginResource(SecurityService security, WechatSessions wechat) {
        this.security = security;
        this.wechat = wechat;
    }

    private String ip() {
        return servlet == null ? null : security.clientAddress(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For"));
    }

    private WechatSessions wechat() {
        return ApiException.requireAvailable(wechat, "wechat");
    }

    @POST
    @Path("session")
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(summary = "Mini program login: {code} of wx.login → the login answer of /auth/login when the WeChat user is bound to an ACTIVE "
            + "account, else {bindingRequired: true, ticket} (one-time, 10 minutes) for POST /auth/wechat/bind; 400 wechat.code for a "
            + "code WeChat refuses, 429 wechat.rateLimited, 503 wechat.unavailable when WeChat does not answer", requirements = {"INT-WX", "OWN-1"})
    public Map<String, Object> session(SessionInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        Validation v = new Validation(Messages.PLATFORM);
        if (in == null) {
            v.required("$", null);
        } else if (v.required("code", in.code())) {
            v.maxLength("code", in.code(), 128);
        }
        v.throwIfInvalid();
        WechatSessions w = wechat();
        String openid;
        try {
            openid = w.openid(in.code().trim());
        } catch (IdentityProviderException e) {
            throw problem(e);
        }
        WechatSignIn.Session s = security.wechatSession(w.appId(), openid, ip(), agent);
        if (s.login() != null) {
            return answer(s.login());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bindingRequired", true);
        m.put("ticket", s.ticket());
        m.put("expiresInSeconds", WechatSignIn.TICKET_TTL.toSeconds());
        return m;
    }

    /** WeChat's refusals as problems: 40029 a bad code (400), 45011 too many logins (429), busy or unreachable 503, others 502. */
    static ApiException problem(IdentityProviderException e) {
        String code = e.errcode() == null ? "" : e.errcode();
        switch (code) {
            case WechatSessions.INVALID_CODE:
                return ApiException.invalid(Sec.TEXTS, "code", "wechat.code");
            case WechatSessions.RATE_LIMITED:
                return Sec.problem(429, "wechat.rateLimited");
            case WechatSessions.BUSY:
            case WechatSessions.UNREACHABLE:
                LOG.warn("WeChat login: {}", e.getMessage());
                return Sec.problem(503, "wechat.unavailable");
            default:
                if (code.startsWith("http-")) {
                    LOG.warn("WeChat login: {}", e.getMessage());
                    return Sec.problem(503, "wechat.unavailable");
                }
                LOG.error("WeChat login refused: {} (check appId and secret of PID org.smartproperty.adapter.wechat)", e.getMessage());
                return Sec.problem(502, "wechat.failed", code);
        }
    }

    @POST
    @Path("bind")
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(summary = "Bind the WeChat user of a ticket to an account and log in: {ticket, handoff} with the handoff code of the real-name "
            + "login (GET /auth/idp/{provider}/authorize?returnTo=…), or {ticket, username, password, totp?} for organisation accounts (the "
            + "checks of /auth/login); the login answer. 400 wechat.ticket (unknown, used or expired), 403 wechat.adminAccount, 409 "
            + "wechat.openidBound / wechat.accountBound", requirements = {"INT-WX", "OWN-1", "COS-1", "OCS-1"})
    public Map<String, Object> bind(BindInput in, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        Validation v = new Validation(Messages.PLATFORM);
        boolean byHandoff = in != null && in.handoff() != null;
        if (in == null) {
            v.required("$", null);
        } else {
            if (v.required("ticket", in.ticket())) {
                v.maxLength("ticket", in.ticket(), 64);
            }
            if (byHandoff) {
                v.maxLength("handoff", in.handoff(), 64);
            } else {
                if (v.required("username", in.username())) {
                    v.maxLength("username", in.username(), 64);
                }
                if (v.required("password", in.password())) {
                    v.maxLength("password", in.password(), 128);
                }
                v.maxLength("totp", in.totp(), 16);
            }
        }
        v.throwIfInvalid();
        if (byHandoff && (in.username() != null || in.password() != null)) {
            throw ApiException.invalid(Sec.TEXTS, "handoff", "wechat.bindEither");
        }
        String appId = wechat().appId();
        String ip = ip();
        security.checkWechatTicket(appId, in.ticket()); // before the login: a dead ticket costs no password attempt, no handoff code
        SecurityServiceImpl.LoginResult login = byHandoff ? security.redeemHandoff(in.handoff(), ip, agent)
                : security.login(in.username(), in.password(), in.totp(), ip, agent);
        return answer(security.bindWechat(appId, in.ticket(), login, byHandoff ? "handoff" : "password", ip, agent));
    }

    @GET
    @Path("binding")
    @RequiresPermission(SecurityServiceImpl.SELF)
    @Doc(summary = "Whether the caller's account is bound to a WeChat user of the mini program: {bound, appId} (never the openid)",
            requirements = "INT-WX")
    public Map<String, Object> binding(@Context SecurityContext sc) {
        String appId = wechat().appId();
        return Map.of("bound", security.wechatBound(Caller.of(sc).accountId(), appId), "appId", appId);
    }

    @DELETE
    @Path("binding")
    @RequiresPermission(SecurityServiceImpl.SELF)
    @Doc(summary = "Unbind the caller's account from its WeChat user (the next mini program login asks to bind again); 204, "
            + "404 wechat.notBound", requirements = "INT-WX")
    public Response unbind(@HeaderParam(HttpHeaders.USER_AGENT) String agent, @Context SecurityContext sc) {
        security.unbindWechat(Caller.of(sc), wechat().appId(), agent);
        return Response.noContent().build();
    }

    @GET
    @Path("return")
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    @Doc(summary = "The returnTo page of the real-name login inside the mini program's web-view (returnTo=/api/v1/auth/wechat/return): "
            + "a static page without script or outside resources saying the login is done (or failed); the mini program reads "
            + "?handoff= (or ?idpError=) from the web-view's URL (bindload) and calls POST /auth/wechat/bind", requirements = {"INT-WX", "OWN-1"})
    public Response returnPage(@QueryParam("handoff") String handoff, @QueryParam("idpError") String idpError,
                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String html = returnHtml(idpError != null || handoff == null, Messages.negotiate(acceptLanguage));
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").header("Content-Security-Policy", "default-src 'none'").build();
    }

    /** The page: a heading and one sentence, {@code id="done"} or {@code id="failed"}; nothing of the request is echoed. */
    static String returnHtml(boolean failed, java.util.Locale locale) {
        String title = Sec.TEXTS.format(locale, "wechat.return.title");
        String text = Sec.TEXTS.format(locale, failed ? "wechat.return.failed" : "wechat.return.done");
        return "<!DOCTYPE html>\n<html lang=\"" + locale.toLanguageTag() + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title) + "</title>\n</head>\n"
                + "<body>\n<main>\n<h1>" + escape(title) + "</h1>\n<p id=\"" + (failed ? "failed" : "done") + "\">" + escape(text) + "</p>\n"
                + "</main>\n</body>\n</html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The login answer of /auth/login as a JSON object. */
    static Map<String, Object> answer(SecurityServiceImpl.LoginResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", r.token());
        m.put("expiresAt", r.expiresAt());
        m.put("limited", r.limited());
        m.put("mustChangePassword", r.mustChangePassword());
        m.put("totpEnrollmentRequired", r.totpEnrollmentRequired());
        m.put("username", r.username());
        m.put("roles", r.roles());
        return m;
    }
}
