package org.smartproperty.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
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
import org.smartproperty.platform.security.Cidr;

/**
 * Overload protection of /api/v1 (issue 19 item 5, OPS-2 no hangs, OPS-8): beyond its capacity a node sheds load with
 * problem+json and {@code Retry-After} in the caller's language, never with timeouts or 500s.
 * <ul>
 * <li>per client: a token bucket per client address ({@link RateLimiter}); over it <b>429</b>
 * {@code problem.overload.client} with the seconds until a token is back. The client is resolved as the public
 * surface does it ({@link DisclosureFilter#clientAddress}: X-Forwarded-For only from trusted proxies). Addresses in
 * {@code perClient.exempt} (loopback by default) have no per-client limit;</li>
 * <li>global: at most {@code maxConcurrent} requests in progress ({@link Admission}); one more waits at most
 * {@code queueWaitMillis} in a queue of at most {@code maxQueued}, else <b>503</b> {@code problem.overload.busy}
 * with {@code Retry-After: busyRetryAfterSeconds}. The place is given back by the response filter.</li>
 * </ul>
 * Paths in {@code exemptPaths} (health by default, so balancers and probes see the node's real state) pass both.
 * PID {@code org.smartproperty.overload} ({@link OverloadConfig}, its metatype designated by {@link OverloadMetatype}), changed at run time: a new configuration starts
 * a new count of requests in progress (requests admitted before give their places back to the old one).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        configurationPid = {OverloadFilter.PID, DisclosureFilter.SECURITY_PID}, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsExtension
@JaxrsName("spm.overload")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 75) // after the request context (language) and metrics, before anything costly
public class OverloadFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PID = "org.smartproperty.overload";
    static final String PERMIT = "spm.overload.permit";
    /** The default of {@link OverloadConfig#exemptPaths()} (the OpenAPI document lists 429 on every other path). */
    static final List<String> DEFAULT_EXEMPT_PATHS = List.of("health", "health/*");
    static final Messages TEXTS = Messages.of(OverloadFilter.class, "org.smartproperty.platform.rest.internal.messages");

    private static final Logger LOG = LoggerFactory.getLogger(OverloadFilter.class);
    private static final long REPORT_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** What one configuration gives; replaced as a whole on {@code @Modified}. Null parts are off. */
    record Settings(Admission admission, int busyRetryAfter, RateLimiter limiter, List<Cidr> exempt, List<String> exemptPaths,
                    List<Cidr> trustedProxies) {
    }

    /** What the filter decided for one request: go on (with the place it holds, if any), or the answer to give. */
    record Decision(Admission.Permit permit, int status, long retryAfter) {
        static final Decision PASS = new Decision(null, 0, 0);

        boolean refused() {
            return status != 0;
        }
    }

    @Context
    private HttpServletRequest servletRequest;

    private volatile Settings settings = settings(null, Map.of());
    private LongSupplier clock = System::nanoTime;
    private final AtomicLong shedBusy = new AtomicLong();
    private final AtomicLong shedClient = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);

    @Activate
    @Modified
    void configure(OverloadConfig config, Map<String, Object> properties) {
        Settings s = settings(config, properties);
        this.settings = s;
        LOG.info("Overload protection: {}, per client {}", s.admission == null ? "off"
                        : s.admission.maxConcurrent() + " requests in progress, wait " + s.admission.waitMillis() + " ms, queue " + s.admission.maxQueued(),
                s.limiter == null ? "off" : s.limiter.burst() + " at once, " + s.limiter.perMinute() / 60 + "/s (exempt "
                        + s.exempt.stream().map(Cidr::text).toList() + ")");
    }

    /** The settings of a configuration (null = all defaults); values out of range fall back to the default. */
    static Settings settings(OverloadConfig c, Map<String, Object> properties) {
        List<Cidr> trusted = Cidrs.parse(properties.get(DisclosureFilter.TRUSTED_PROXIES), "Overload protection", "trusted proxy");
        if (c != null && !c.enabled()) {
            return new Settings(null, 1, null, List.of(), List.of(), trusted);
        }
        int max = c == null ? 64 : within("maxConcurrent", c.maxConcurrent(), 1, 10_000, 64);
        int wait = c == null ? 500 : within("queueWaitMillis", c.queueWaitMillis(), 0, 30_000, 500);
        int queue = c == null ? 64 : within("maxQueued", c.maxQueued(), 0, 10_000, 64);
        int retry = c == null ? 1 : within("busyRetryAfterSeconds", c.busyRetryAfterSeconds(), 1, 3600, 1);
        Admission admission = new Admission(max, TimeUnit.MILLISECONDS.toNanos(wait), queue);
        RateLimiter limiter = null;
        List<Cidr> exempt = List.of();
        if (c == null || c.perClient_enabled()) {
            int rate = c == null ? 20 : within("perClient.rate", c.perClient_rate(), 1, 100_000, 20);
            int burst = c == null ? 200 : within("perClient.burst", c.perClient_burst(), 1, 1_000_000, 200);
            int clients = c == null ? 100_000 : within("perClient.maxClients", c.perClient_maxClients(), 1, 10_000_000, 100_000);
            limiter = new RateLimiter(burst, rate * 60, TimeUnit.MINUTES.toNanos(10), clients);
            exempt = Cidrs.parse(c == null ? new String[] {"127.0.0.0/8", "::1/128"} : c.perClient_exempt(), "Overload protection", "exempt client");
        }
        List<String> paths = new ArrayList<>();
        for (String p : c == null ? DEFAULT_EXEMPT_PATHS.toArray(String[]::new) : c.exemptPaths()) {
            String t = normalise(p);
            if (!t.isEmpty()) {
                paths.add(t);
            }
        }
        return new Settings(admission, retry, limiter, exempt, List.copyOf(paths), trusted);
    }

    private static int within(String name, int v, int min, int max, int dflt) {
        if (v < min || v > max) {
            LOG.warn("Overload protection: {} = {} is outside {}..{}; {} is used", name, v, min, max, dflt);
            return dflt;
        }
        return v;
    }

    /** A path as relative to /api/v1, without leading slash: "/api/v1/health/*" and "health/*" are the same. */
    static String normalise(String path) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        String base = Api.APPLICATION_BASE.startsWith("/") ? Api.APPLICATION_BASE.substring(1) : Api.APPLICATION_BASE;
        if (p.startsWith(base + "/")) {
            p = p.substring(base.length() + 1);
        }
        return p;
    }

    /** Whether a path relative to /api/v1 is exempt: equal to an entry, or under an entry ending in "/*". */
    static boolean exempt(String path, List<String> patterns) {
        String p = normalise(path);
        for (String e : patterns) {
            if (e.endsWith("/*") ? p.startsWith(e.substring(0, e.length() - 1)) : p.equals(e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Decision d = decide(request.getUriInfo().getPath(), servletRequest == null ? null : servletRequest.getRemoteAddr(),
                request.getHeaderString("X-Forwarded-For"));
        if (d.permit != null) {
            request.setProperty(PERMIT, d.permit);
        } else if (d.refused()) {
            request.abortWith(refusal(d));
        }
    }

    /** Gives the request's place back (the response filter runs for answered, aborted and mapped-exception requests alike). */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PERMIT) instanceof Admission.Permit p) {
            request.removeProperty(PERMIT);
            p.close();
        }
    }

    /**
     * The decision for one request: the per-client bucket first (it never waits), then a place among the requests in
     * progress. A refused request holds no place.
     */
    Decision decide(String path, String remote, String forwardedFor) {
        Settings s = settings;
        if (exempt(path, s.exemptPaths)) {
            return Decision.PASS;
        }
        if (s.limiter != null) {
            String client = DisclosureFilter.clientAddress(remote, forwardedFor, s.trustedProxies);
            if (client == null || s.exempt.stream().noneMatch(c -> c.contains(client))) {
                long wait = s.limiter.acquire(client == null ? "?" : client, clock.getAsLong());
                if (wait > 0) {
                    shed(shedClient);
                    return new Decision(null, 429, wait);
                }
            }
        }
        if (s.admission == null) {
            return Decision.PASS;
        }
        Admission.Permit p = s.admission.enter();
        if (p == null) {
            shed(shedBusy);
            return new Decision(null, 503, s.busyRetryAfter);
        }
        return new Decision(p, 0, 0);
    }

    /** The problem+json answer of a refusal, in the request's language (set by {@link RequestContextFilter}, which runs first). */
    static Response refusal(Decision d) {
        return Response.status(d.status).type(Api.PROBLEM_JSON).header(DisclosureFilter.RETRY_AFTER, Long.toString(d.retryAfter))
                .entity(problem(d)).build();
    }

    static Map<String, Object> problem(Decision d) {
        String code = d.status == 429 ? "problem.overload.client" : "problem.overload.busy";
        return Problems.body(new ApiException(d.status, code, TEXTS, null, d.retryAfter));
    }

    /** Counts a refusal; at most once a minute says in the log how many were refused since the last report. */
    private void shed(AtomicLong counter) {
        counter.incrementAndGet();
        long now = clock.getAsLong();
        long last = lastReport.get();
        if ((last == Long.MIN_VALUE || now - last >= REPORT_NANOS) && lastReport.compareAndSet(last, now)) {
            Admission a = settings.admission;
            LOG.warn("Overload: requests refused so far: {} for a full node (503), {} over a client's limit (429); {} in progress now{}",
                    shedBusy.get(), shedClient.get(), a == null ? 0 : a.inProgress(), a == null || a.reclaimed() == 0 ? ""
                            : "; " + a.reclaimed() + " places taken back from requests holding them over 5 minutes (a response filter did not run)");
        }
    }

    // for tests
    Settings settings() {
        return settings;
    }

    void clock(LongSupplier clock) {
        this.clock = clock;
    }

    long shedBusy() {
        return shedBusy.get();
    }

    long shedClient() {
        return shedClient.get();
    }
}
