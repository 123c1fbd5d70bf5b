package org.smartproperty.vote.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.vote.Views;

/** {@code /api/v1/vote-settings}: whether an estate's assembly rules allow deemed votes (VOTE-7). */
@Component(service = VoteSettingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("vote-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteSettingResource extends VoteServiceClient {

    @GET
    @Path("{estateId}")
    @RequiresPermission("vote:read")
    @Doc(summary = "Whether the estate's assembly rules allow deemed votes (version 0 = never set)", requirements = "VOTE-7")
    public Response setting(@PathParam("estateId") String estateId, @Context SecurityContext sc) {
        Views.Setting s = service().setting(Caller.of(sc), Api.id(estateId, "objects.estate"));
        return Api.ok(s, s.version());
    }

    @PUT
    @Path("{estateId}")
    @RequiresPermission("vote:settings")
    @Doc(summary = "Set whether deemed votes are allowed, with the clause of the assembly rules (If-Match, \"0\" the first time)",
            requirements = "VOTE-7", description = "Committee: its estate; regulator: any. Body {deemedAllowed, basis}. Frozen into a vote when it opens.")
    public Response updateSetting(@PathParam("estateId") String estateId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Views.SettingInput input,
                                  @Context SecurityContext sc) {
        Views.Setting s = service().updateSetting(Caller.of(sc), Api.id(estateId, "objects.estate"), Api.expectedVersion(ifMatch), input);
        return Api.ok(s, s.version());
    }
}
