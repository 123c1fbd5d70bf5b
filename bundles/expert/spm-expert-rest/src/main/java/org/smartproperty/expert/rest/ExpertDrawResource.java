package org.smartproperty.expert.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.expert.Draw;
import org.smartproperty.expert.DrawEvent;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.DrawReplay;
import org.smartproperty.expert.DrawResponse;
import org.smartproperty.expert.DrawSeat;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.QueryParams;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/expert-draws}: the seeded expert draw (SUP-EX-3, TND-5, DEV-5), its replay and the confirmations (SUP-EX-4).
 * Names, expert ids and account names of the seats are masked ("专家 3", in the Accept-Language) until the project's results are
 * published, for everyone but the regulator's staff and the expert on that seat.
 */
@Component(service = ExpertDrawResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("expert-draws")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpertDrawResource extends ExpertServiceClient {

    private static final String DRAW = "objects.draw";

    @POST
    @RequiresPermission("expert:draw")
    @Doc(summary = "Draw the experts of a project's panel (method SPM-EX3-SHA256-1, seed recorded)", requirements = "SUP-EX-3, TND-5, DEV-5",
            description = "Body {projectId, panelSize, drawnCount, reserveCount, specialty?, representatives:[name], confirmHours?}. Rules "
                    + "(PID org.smartproperty.expert): panel.min 5 and odd, drawnCount ≥ drawn.ratio (2/3) of the panel, reserves.min 2, "
                    + "panelSize − drawnCount representatives: 400 naming the rule. Eligible: ACTIVE, the specialty, no interest in any "
                    + "bidder at the evaluation date. A DEVELOPER/COMMITTEE only for its own projects (404). 409 draw.exists, "
                    + "draw.notEnoughExperts.")
    public Response draw(DrawInput input, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context UriInfo uri,
                         @Context SecurityContext sc) {
        Draw d = service().draw(Caller.of(sc), input, Messages.negotiate(language));
        return Api.created(uri.getAbsolutePathBuilder().path(Long.toString(d.id())).build(), d, d.version());
    }

    @GET
    @RequiresPermission("expert:read")
    @Doc(summary = "Draws the caller may see (optionally of one project), newest first", requirements = "SUP-EX-3")
    public List<Draw> list(@QueryParam("projectId") String projectId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                           @Context SecurityContext sc) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        Long project = QueryParams.optionalId(v, "projectId", projectId);
        v.throwIfInvalid();
        return service().draws(Caller.of(sc), project, Messages.negotiate(language));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("expert:read")
    @Doc(summary = "A draw: rules, seed, seats (drawn, then representatives) and reserves, masked as the caller may see them",
            requirements = "SUP-EX-3, SUP-EX-4, TND-5")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        Draw d = service().getDraw(Caller.of(sc), Api.id(id, DRAW), Messages.negotiate(language));
        return Api.ok(d, d.version());
    }

    @GET
    @Path("{id}/replay")
    @RequiresPermission("expert:read")
    @Doc(summary = "The draw recomputed from its recorded seed and snapshot: {method, seed, matches, drawn, reserves}", requirements = "SUP-EX-3")
    public DrawReplay replay(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return service().replay(Caller.of(sc), Api.id(id, DRAW), Messages.negotiate(language));
    }

    @GET
    @Path("{id}/events")
    @RequiresPermission("expert:read")
    @Doc(summary = "The draw's log: drawn, confirmed, declined, timed out, replaced, supplementary, open, published", requirements = "SUP-EX-4")
    public List<DrawEvent> events(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return service().events(Caller.of(sc), Api.id(id, DRAW), Messages.negotiate(language));
    }

    @GET
    @Path("{id}/confirmations")
    @RequiresPermission("expert:read")
    @Doc(summary = "Every expert who held a seat, by seat: pending (with confirmBy), confirmed, declined (reason), timed out", requirements = "SUP-EX-4")
    public List<DrawSeat> confirmations(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                                        @Context SecurityContext sc) {
        return service().confirmations(Caller.of(sc), Api.id(id, DRAW), Messages.negotiate(language));
    }

    @POST
    @Path("{id}/confirmations/{seat}/confirm")
    @RequiresPermission("expert:confirm")
    @Doc(summary = "The expert on the seat confirms attendance (the regulator's staff may record it for them)", requirements = "SUP-EX-4",
            description = "403 seat.notYours, 409 seat.notPending.")
    public DrawSeat confirm(@PathParam("id") String id, @PathParam("seat") String seat, DrawResponse body,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return service().confirm(Caller.of(sc), Api.id(id, DRAW), seat(seat), Messages.negotiate(language));
    }

    @POST
    @Path("{id}/confirmations/{seat}/decline")
    @RequiresPermission("expert:confirm")
    @Doc(summary = "The expert on the seat declines with a reason: the next reserve (or the next of the draw order) takes the seat",
            requirements = "SUP-EX-4", description = "Body {reason}. Answers the seat as it is now (its new holder, or OPEN).")
    public DrawSeat decline(@PathParam("id") String id, @PathParam("seat") String seat, DrawResponse body,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context SecurityContext sc) {
        return service().decline(Caller.of(sc), Api.id(id, DRAW), seat(seat), body == null ? null : body.reason(), Messages.negotiate(language));
    }

    private static int seat(String raw) {
        return (int) Api.id(raw, "objects.draw");
    }
}
