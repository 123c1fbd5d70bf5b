package org.smartproperty.estate.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
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
import org.smartproperty.estate.sync.RealEstateSync;
import org.smartproperty.estate.sync.SyncRun;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.ApiException;

/** {@code /api/v1/sync/realestate/runs}: the runs of the real-estate information system sync (INT-RE). */
@Component(service = SyncResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("sync/realestate/runs")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RealEstateSync sync;

    private RealEstateSync sync() {
        return ApiException.requireAvailable(sync, "estate");
    }

    @GET
    @RequiresPermission("sync:read")
    @Doc(summary = "The latest sync runs with the real-estate information system, newest first (?size=1-200, default 20): "
            + "status, read/created/updated/skipped counts and the first errors", requirements = "INT-RE")
    public Map<String, Object> list(@QueryParam("size") String size) {
        int n = PageRequest.parse(null, size, null, Set.of()).size();
        List<SyncRun> runs = sync().runs(n);
        return Map.of("items", runs);
    }

    @POST
    @RequiresPermission("sync:run")
    @Doc(summary = "Start a sync with the real-estate information system now; 202 with the run (RUNNING), 409 while one runs, "
            + "503 when the adapter is not running", requirements = "INT-RE, SUP-EST-1, SUP-EST-2")
    public Response start(@Context SecurityContext sc) {
        SyncRun run = sync().start(Caller.name(sc));
        return Response.status(Response.Status.ACCEPTED).entity(run).build();
    }
}
