package org.smartproperty.platform.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.PublicAccess;
import org.smartproperty.platform.security.Cidr;

/**
 * The one public disclosure surface, {@code /api/v1/public/**} (DIS-1..6, issue 17 item 4), cross-cutting for
 * every domain's public resource:
 * <ul>
 * <li>per-client rate limit (token bucket per client address, {@link RateLimiter}): 429 problem+json in the
 * caller's language with {@code Retry-After}. The client is the connection's address; {@code X-Forwarded-For}
 * counts only when the connection comes from a trusted proxy ({@code network.trustedProxies} of PID
 * {@code org.smartproperty.security}) — never by default, so a client cannot pick the bucket it is counted in;</li>
 * <li>caching of successful GETs: {@link DisclosureCacheFilter}.</li>
 * </ul>
 * Limits are per node (PID {@code org.smartproperty.disclosure}, {@link DisclosureConfig}, changed at run time; its
 * metatype is designated by {@link DisclosureCacheFilter}, which has that PID alone).
 */
@Component(service = ContainerRequestFilter.class,
        configurationPid = {DisclosureFilter.PID, DisclosureFilter.SECURITY_PID}, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsExtension
@JaxrsName("spm.disclosure")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class DisclosureFilter implements ContainerRequestFilter {

    static final String PID = "org.smartproperty.disclosure";
    static final String SECURITY_PID = "org.smartproperty.security";
    static final String TRUSTED_PROXIES = "network.trustedProxies";
    static final String PREFIX = "public";
    static final String RETRY_AFTER = "Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(DisclosureFilter.class);

    /** What one configuration gives; replaced as a whole on {@code @Modified}. */
    record Settings(int maxAgeSeconds, RateLimiter limiter, List<Cidr> trustedProxies) {
    }

    @Context
    private HttpServletRequest servletRequest;

    private volatile Settings settings = settings(null, Map.of());
    private LongSupplier clock = System::nanoTime;

    @Activate
    @Modified
    void configure(DisclosureConfig config, Map<String, Object> properties) {
        this.settings = settings(config, properties);
        LOG.info("Public disclosure surface: max-age {} s, rate limit {}", settings.maxAgeSeconds,
                settings.limiter == null ? "off" : config.rateLimit_burst() + " at once, " + config.rateLimit_perMinute() + "/min per client");
    }

    /** The settings of a configuration (null = all defaults); values out of range fall back to the default. */
    static Settings settings(DisclosureConfig c, Map<String, Object> properties) {
        int maxAge = c == null ? 60 : within(c.cache_maxAgeSeconds(), 0, 86_400, 60);
        RateLimiter limiter = null;
        if (c == null || c.rateLimit_enabled()) {
            int burst = c == null ? 600 : within(c.rateLimit_burst(), 1, 1_000_000, 600);
            int perMinute = c == null ? 1200 : within(c.rateLimit_perMinute(), 1, 1_000_000, 1200);
            int idle = c == null ? 10 : within(c.rateLimit_idleMinutes(), 1, 1440, 10);
            int max = c == null ? 100_000 : within(c.rateLimit_maxClients(), 1, 10_000_000, 100_000);
            limiter = new RateLimiter(burst, perMinute, TimeUnit.MINUTES.toNanos(idle), max);
        }
        return new Settings(maxAge, limiter, Cidrs.parse(properties.get(TRUSTED_PROXIES), "Public disclosure", "trusted proxy"));
    }

    private static int within(int v, int min, int max, int dflt) {
        if (v < min || v > max) {
            LOG.warn("Public disclosure: {} is outside {}..{}; {} is used", v, min, max, dflt);
            return dflt;
        }
        return v;
    }

    /** Whether a path relative to /api/v1 belongs to the public surface: {@code public} or {@code public/…}. */
    static boolean isPublic(String path) {
        if (path == null) {
            return false;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(PREFIX) || p.equals(PREFIX + "/") || p.startsWith(PREFIX + "/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long wait = waitSeconds(request);
        if (wait > 0) {
            request.abortWith(Response.status(429).type(Api.PROBLEM_JSON).header(RETRY_AFTER, Long.toString(wait)).entity(tooMany(wait)).build());
        }
    }

    /** Takes a token of the caller's bucket for a public path: 0 when the call may go on, else the seconds to wait. */
    long waitSeconds(ContainerRequestContext request) {
        if (!isPublic(request.getUriInfo().getPath())) {
            return 0;
        }
        Settings s = settings;
        if (s.limiter == null) {
            return 0;
        }
        String remote = servletRequest == null ? null : servletRequest.getRemoteAddr();
        String client = clientAddress(remote, request.getHeaderString("X-Forwarded-For"), s.trustedProxies);
        return s.limiter.acquire(client == null ? "?" : client, clock.getAsLong());
    }

    /** The 429 problem in the request's language (the locale is set by {@link RequestContextFilter}, which runs first). */
    static Map<String, Object> tooMany(long seconds) {
        return Problems.body(new ApiException(429, "problem.publicRateLimited", Messages.PLATFORM, null, seconds));
    }

    /**
     * The client of a call: the connection's address, or — only when the connection comes from a trusted proxy —
     * the right-most address of X-Forwarded-For that is not itself a trusted proxy. A malformed hop stops the
     * walk (nothing left of it can be believed) and leaves the connection's address.
     */
    static String clientAddress(String remote, String forwardedFor, List<Cidr> trusted) {
        if (remote == null || forwardedFor == null || forwardedFor.isBlank() || trusted.isEmpty() || !trusted(trusted, remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!literal(hop)) {
                return remote;
            }
            if (!trusted(trusted, hop)) {
                return hop;
            }
        }
        return remote;
    }

    private static boolean trusted(List<Cidr> trusted, String ip) {
        return trusted.stream().anyMatch(c -> c.contains(ip));
    }

    /** An IPv4 or IPv6 literal (no host names, no ports). */
    static boolean literal(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf(':') != s.lastIndexOf(':') && s.matches("[0-9A-Fa-f:.]+"); // IPv6 has two colons at least; "1.2.3.4:80" is no address
    }

    // for tests
    Settings settings() {
        return settings;
    }

    void clock(LongSupplier clock) {
        this.clock = clock;
    }
}
