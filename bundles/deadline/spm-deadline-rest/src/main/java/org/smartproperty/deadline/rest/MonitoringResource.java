package org.smartproperty.deadline.rest;

import java.util.Locale;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineMessages;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/** {@code /api/v1/monitoring/deadlines}: what is near or past its deadline, within the caller's data scope. */
@Component(service = MonitoringResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("monitoring")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource extends DeadlineClient {

    @GET
    @Path("deadlines")
    @RequiresPermission("deadline:monitor")
    @Doc(summary = "Open deadlines near (past the warning point) or past their due time, in the caller's data scope",
            requirements = {"SVC-CMP-5", "SVC-REP-2", "SVC-PAT-2", "SLA-3"},
            description = "state: near | overdue | all (default all); domain (complaint, repair, patrol, ...); estateId. "
                    + "sort: id, dueAt, warnAt, startedAt, domain (default dueAt). Regulator: everything; company: its company's items; "
                    + "committee: its estate's items; anyone else: nothing.")
    public Page<Deadline> deadlines(@QueryParam("state") String state, @QueryParam("domain") String domain,
                                    @QueryParam("estateId") String estateId, @QueryParam("page") String page,
                                    @QueryParam("size") String size, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        PageRequest pr = PageRequest.parse(page, size, sort, DeadlineTracker.SORT);
        Validation v = new Validation(DeadlineMessages.TEXTS);
        MonitorState st = MonitorState.ALL;
        if (state != null && !state.isBlank()) {
            try {
                st = MonitorState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.error("state", "state.values");
            }
        }
        Long estate = QueryParams.optionalId(v, "estateId", estateId);
        v.throwIfInvalid();
        String d = domain == null || domain.isBlank() ? null : domain.trim();
        return tracker().monitoring(Caller.scope(sc), new DeadlineQuery(st, d, estate), pr);
    }
}
