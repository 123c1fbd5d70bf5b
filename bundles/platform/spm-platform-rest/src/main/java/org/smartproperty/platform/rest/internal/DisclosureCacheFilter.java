package org.smartproperty.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.PublicAccess;

/**
 * Caching of the public disclosure surface (DIS-1..6, issue 17 item 4): a successful GET of a {@link PublicAccess}
 * method under {@code /api/v1/public/**} gets a strong {@code ETag} (SHA-256 of its JSON representation and its
 * language), {@code If-None-Match} naming it answers 304 without a body, and {@code Cache-Control: public,
 * max-age=<cache.maxAgeSeconds>} ({@code private, no-cache} when the call carried a token) with {@code Vary: Accept-Language}.
 * Nothing else is touched: every other path keeps {@code no-store} ({@link SecurityHeadersFilter}, which runs after
 * this filter on the way out and leaves a Cache-Control set here alone). The rate limit is {@link DisclosureFilter}.
 */
@Component(service = ContainerResponseFilter.class, configurationPid = DisclosureFilter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DisclosureConfig.class)
@JaxrsExtension
@JaxrsName("spm.disclosure-cache")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@Priority(Priorities.USER)
public class DisclosureCacheFilter implements ContainerResponseFilter {

    private static final ObjectMapper MAPPER = ObjectMappers.create();

    @Context
    private ResourceInfo resourceInfo;

    private volatile int maxAge = 60;

    @Activate
    @Modified
    void configure(DisclosureConfig config) {
        int v = config.cache_maxAgeSeconds();
        this.maxAge = v < 0 || v > 86_400 ? 60 : v;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return;
        }
        if (response.getStatus() != 200 || !DisclosureFilter.isPublic(request.getUriInfo().getPath())) {
            return;
        }
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null || !resourceInfo.getResourceMethod().isAnnotationPresent(PublicAccess.class)) {
            return;
        }
        if (decorate(response.getHeaders(), response.getEntity(), request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.AUTHORIZATION) != null, RequestContext.locale(), maxAge)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /**
     * Adds the caching headers of a successful public GET; a resource's own Cache-Control (thumbnails) is kept and
     * only JSON bodies get an ETag.
     *
     * @return whether {@code ifNoneMatch} names the representation's ETag (answer 304 without a body)
     */
    static boolean decorate(MultivaluedMap<String, Object> headers, Object entity, String ifNoneMatch, boolean authorized,
                            Locale locale, int maxAge) {
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            // with a token the caller is an app acting for someone (the portal, the console): revalidate every time
            // (304 when unchanged), so what they just did shows at once; shared caches never keep it
            headers.putSingle(HttpHeaders.CACHE_CONTROL, authorized ? "private, no-cache" : "public, max-age=" + maxAge);
        }
        headers.putSingle("Vary", "Accept-Language");
        String etag = etag(entity, locale);
        if (etag == null) {
            return false;
        }
        headers.putSingle(HttpHeaders.ETAG, etag);
        return matches(ifNoneMatch, etag);
    }

    /** The strong ETag of a JSON entity in a language ({@code "…"}, 43 characters of base64url SHA-256); null for streams. */
    static String etag(Object entity, Locale locale) {
        if (entity == null || entity instanceof javax.ws.rs.core.StreamingOutput || entity instanceof java.io.InputStream
                || entity instanceof java.io.File) {
            return null;
        }
        try {
            byte[] body = entity instanceof byte[] b ? b : MAPPER.writeValueAsBytes(entity);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(locale.toLanguageTag().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest()) + "\"";
        } catch (JsonProcessingException e) {
            return null; // the writer will fail the same way and say so
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-None-Match} (RFC 9110 13.1.2, weak comparison): {@code *} or one of the listed tags. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.length() > 4096) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String mine = opaque(etag);
        for (String part : ifNoneMatch.split(",")) {
            if (opaque(part.trim()).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    int maxAge() {
        return maxAge;
    }
}
