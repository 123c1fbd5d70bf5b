package org.smartproperty.platform.rest.internal.metrics;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.rest.RestrictedNetwork;

/** {@code GET /api/v1/metrics}: this node's metrics in the Prometheus text format (OPS-6, OPS-8); ops network and {@code metrics:read} only. */
@Component(service = MetricsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT) // problem+json answers (403 outside the ops network)
@Path("metrics")
@RestrictedNetwork
public class MetricsResource {

    public static final String PERMISSION = "metrics:read";

    @Reference
    private Metrics service;

    @GET
    @Produces("text/plain")
    @RequiresPermission(PERMISSION)
    @Doc(summary = "Prometheus metrics of this node: requests by endpoint group and status class, latency histograms, JVM and pool gauges",
            requirements = "OPS-6")
    public Response metrics() {
        return Response.ok(PrometheusText.render(service.metrics(), service.gauges()), PrometheusText.CONTENT_TYPE).build();
    }
}
