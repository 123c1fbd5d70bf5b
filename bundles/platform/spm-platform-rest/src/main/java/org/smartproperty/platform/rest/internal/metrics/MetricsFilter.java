package org.smartproperty.platform.rest.internal.metrics;

import java.time.Instant;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smartproperty.platform.rest.Api;

/**
 * Records every /api/v1 request (OPS-6): endpoint group (first path segment), status, latency from
 * the earliest filter to the response. Never fails a request: a problem here is swallowed.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("spm.metrics")
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String START = "spm.metrics.start";

    @Reference
    private Metrics service;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
        pinBusClassLoader();
    }

    /**
     * CXF's servlet looks up the bus's {@code ClassLoader} extension at every request and, when there
     * is none (as on the buses Aries JAX-RS Whiteboard creates), asks its resource resolvers, one of
     * which is {@code ClassLoader.getSystemResource("")}: a walk over every jar of Karaf's class path
     * under each jar's lock. Under 64 connections the request threads queued on those locks (issue 11
     * item 4, JFR). Registering the class loader the requests already run with (the servlet context's,
     * set by Pax Web) ends the walk and changes nothing else: CXF sets that same loader as the
     * thread's context class loader for the request.
     */
    private static void pinBusClassLoader() {
        try {
            org.apache.cxf.message.Message m = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
            org.apache.cxf.Bus bus = m == null || m.getExchange() == null ? null : m.getExchange().getBus();
            if (bus != null && bus.getExtension(ClassLoader.class) == null) {
                ClassLoader tccl = Thread.currentThread().getContextClassLoader();
                if (tccl != null) {
                    bus.setExtension(tccl, ClassLoader.class);
                }
            }
        } catch (RuntimeException | LinkageError ignored) {
            // an optimisation only: never fails a request
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            Object start = request.getProperty(START);
            long ms = start instanceof Long s ? (System.nanoTime() - s) / 1_000_000 : 0;
            RequestMetrics m = service.metrics();
            m.record(m.group(request.getUriInfo().getPath()), response.getStatus(), ms, Instant.now());
        } catch (RuntimeException ignored) {
            // metrics never break a request
        }
    }
}
